/// One of a company's lifelines as recorded: its estimate, how it began and why.
public struct LifelineRecord: Equatable, Sendable {
    public let start: CivilDate
    public let tier: Company.Tier
    public let runwayMonths: Int
    public let began: Beginning
    /// What the investor noted when it began (`rebuild --note`, `renew --note`).
    public let note: String?

    package init(start: CivilDate, tier: Company.Tier, runwayMonths: Int, began: Beginning, note: String?) {
        self.start = start
        self.tier = tier
        self.runwayMonths = runwayMonths
        self.began = began
        self.note = note
    }

    /// How a lifeline began (`lifeline_began`, `earlier_lifelines.began`).
    public enum Beginning: String, CaseIterable, Sendable {
        /// The company was added (`company add --since`).
        case added
        /// A threat made it rebuild on the new capability (`company rebuild`).
        case rebuilt
        /// The investor reviewed it, usually after `elapsed` (`company renew`).
        case renewed
    }
}

/// Why a company left the portfolio (`company close --reason`).
public enum ClosingReason: String, CaseIterable, Sendable {
    case exit, shutdown
    case writeOff = "write-off"
    case other

    public static func parse(_ text: String) throws -> ClosingReason {
        guard let reason = ClosingReason(rawValue: text) else {
            throw LifelineError(.badData, "invalid reason '\(Slug.printable(text))': use exit, shutdown, write-off or other")
        }
        return reason
    }
}

/// That a company left the portfolio, and when.
public struct Closing: Equatable, Sendable {
    public let closedOn: CivilDate
    public let reason: ClosingReason
    public let note: String?

    package init(closedOn: CivilDate, reason: ClosingReason, note: String?) {
        self.closedOn = closedOn
        self.reason = reason
        self.note = note
    }
}
