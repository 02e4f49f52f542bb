/// How good the tier estimates were: judged lifelines counted by group, against a coin
/// (docs/scorecard.md). An estimate is a judgement that time tests; a coin is right half
/// the time, and the one result not to accept is doing worse than it.
public struct Scorecard: Equatable, Sendable {
    /// What the lifelines are grouped by.
    public enum Grouping: String, CaseIterable, Sendable {
        /// The tier estimated: 3, 6 or 12 months.
        case tier
        /// The company's sector.
        case sector
        /// The capability whose arrival ended a lifeline early: which ones end the most.
        case capability
        /// The provider whose release ended a lifeline early: which labs end the most.
        case provider
    }

    /// One group's figures.
    public struct Group: Equatable, Sendable {
        public let key: String
        public let held: Int
        public let fellShort: Int
        public let closed: Int
        public let superseded: Int
        /// The median months lasted of the lifelines that fell short; nil when none did.
        public let medianMonthsLastedShort: Double?
        /// What was invested in the companies of the lifelines that fell short, by the
        /// day each ended (a company counts once a lifeline).
        public let investedShortCents: Int64

        public var lifelines: Int { held + fellShort + closed + superseded }
        /// The lifelines that test an estimate: held or fell short.
        public var judged: Int { held + fellShort }
        /// The share of judged lifelines that held; nil when none is judged.
        public var heldShare: Double? { judged == 0 ? nil : Double(held) / Double(judged) }

        /// Against a coin, which is right half the time: only once the group has
        /// `Scorecard.fewestToJudge` judged lifelines.
        public var verdict: Verdict {
            guard judged >= Scorecard.fewestToJudge, let heldShare else { return .tooFew }
            return heldShare > 0.5 ? .betterThanACoin : heldShare == 0.5 ? .aCoin : .worseThanACoin
        }
    }

    public enum Verdict: String, Sendable {
        case tooFew = "too few to judge"
        case betterThanACoin = "better than a coin"
        case aCoin = "no better than a coin"
        case worseThanACoin = "worse than a coin"
    }

    /// Below this many judged lifelines a share says more about luck than judgement.
    public static let fewestToJudge = 10

    public let grouping: Grouping
    public let groups: [Group]
    /// Every lifeline together: the coin line.
    public let total: Group

    /// The scorecard of `lifelines` grouped by `grouping`. By tier, groups come in tier
    /// order; by sector, by name (`(none)` last). By capability or provider, only the
    /// lifelines a release ended early count, and the groups are ranked by how many they
    /// ended, then by the money in them.
    public init(_ lifelines: [JudgedLifeline], by grouping: Grouping) {
        self.grouping = grouping
        var total = Tally()
        var byKey: [String: Tally] = [:]
        for lifeline in lifelines {
            total.count(lifeline)
            guard let key = Self.key(of: lifeline, by: grouping) else { continue }
            byKey[key, default: Tally()].count(lifeline)
        }
        self.total = total.group("all")
        let groups = byKey.map { $0.value.group($0.key) }
        switch grouping {
        case .tier:
            self.groups = groups.sorted { Int($0.key)! < Int($1.key)! }
        case .sector:
            self.groups = groups.sorted { ($0.key == Self.noSector ? 1 : 0, $0.key) < ($1.key == Self.noSector ? 1 : 0, $1.key) }
        case .capability, .provider:
            self.groups = groups.sorted {
                ($1.fellShort, $1.investedShortCents, $0.key) < ($0.fellShort, $0.investedShortCents, $1.key)
            }
        }
    }

    static let noSector = "(none)"
    /// The capability key of a lifeline a retirement ended.
    static let retirement = "(retirement)"

    private static func key(of lifeline: JudgedLifeline, by grouping: Grouping) -> String? {
        switch grouping {
        case .tier: return String(lifeline.tier.months)
        case .sector: return lifeline.sector ?? noSector
        case .capability:
            guard lifeline.outcome == .fellShort, let cause = lifeline.cause else { return nil }
            return cause.capability ?? retirement
        case .provider:
            guard lifeline.outcome == .fellShort, let cause = lifeline.cause else { return nil }
            return cause.provider
        }
    }

    /// A group's figures, counted a lifeline at a time: grouping 100,000 lifelines by
    /// copying each into its group's array was an eighth of `lifeline scorecard`.
    private struct Tally {
        var held = 0
        var closed = 0
        var superseded = 0
        var monthsLastedShort: [Double] = []
        var investedShortCents: Int64 = 0

        mutating func count(_ lifeline: JudgedLifeline) {
            switch lifeline.outcome {
            case .held: held += 1
            case .closed: closed += 1
            case .superseded: superseded += 1
            case .fellShort:
                monthsLastedShort.append(lifeline.monthsLasted)
                investedShortCents += lifeline.investedCents
            }
        }

        func group(_ key: String) -> Group {
            Group(
                key: key, held: held, fellShort: monthsLastedShort.count, closed: closed, superseded: superseded,
                medianMonthsLastedShort: Scorecard.median(monthsLastedShort), investedShortCents: investedShortCents)
        }
    }

    /// The middle value, or the mean of the two middle ones, to a tenth.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return JudgedLifeline.tenths(sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2)
    }
}
