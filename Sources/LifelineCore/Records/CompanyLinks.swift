/// What `company add` records with a new company in the same transaction: the models it
/// builds on, its exposures and its investments - so that one command, and one
/// reassessment, records a whole company, with no transient status in its history.
public struct CompanyLinks: Sendable {
    public var dependencies: [ModelReference] = []
    public var exposures: [Exposure] = []
    public var investments: [NewInvestment] = []

    public init() {}

    public var isEmpty: Bool { dependencies.isEmpty && exposures.isEmpty && investments.isEmpty }

    /// An investment as `--invest AMOUNT@DATE[@ROUND]` gives it.
    public struct NewInvestment: Sendable {
        public let amount: USDAmount
        public let on: CivilDate
        public let round: String?

        /// Reads `1.5M@2023-05-10` or `1.5M@2023-05-10@Seed`.
        public init(parsing text: String, today: CivilDate) throws {
            let parts = text.split(separator: "@", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw LifelineError(.usage, "--invest takes AMOUNT@DATE or AMOUNT@DATE@ROUND, such as 1.5M@2023-05-10@Seed, not '\(Slug.printable(text))'")
            }
            amount = try USDAmount.parse(parts[0])
            on = try CivilDate.parse(parts[1], today: today, field: "--invest date")
            round = parts.count == 3 && !parts[2].isEmpty ? parts[2] : nil
        }
    }
}
