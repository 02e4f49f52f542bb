/// A lifeline that has run its course, and how its tier estimate fared: the
/// scorecard's unit (docs/scorecard.md). The estimate says how long the product keeps
/// its advantage and necessity before a provider ships what it sells; time tests it.
public struct JudgedLifeline: Equatable, Sendable {
    public let company: String
    public let sector: String?
    public let start: CivilDate
    public let tier: Company.Tier
    /// The day it ended: its cause's date, its natural end, the closing, or the day the
    /// next lifeline began.
    public let endedOn: CivilDate
    public let outcome: Outcome
    /// The threat or retirement that ended it; nil when none did.
    public let cause: Threat?
    /// What had been invested in the company by the day the lifeline ended.
    public let investedCents: Int64

    /// How an estimate fared.
    public enum Outcome: String, CaseIterable, Sendable {
        /// It lasted its whole tier: it elapsed with no threat (renewed or not), or a
        /// threat came on its last day or later.
        case held
        /// A threat or a retirement ended it before its tier ran out.
        case fellShort = "fell-short"
        /// The company left the portfolio first: nothing tested the estimate.
        case closed
        /// The investor started a new lifeline (a rebuild or a renewal) before its tier
        /// ran out and before anything ended it: the estimate was replaced before it was
        /// tested, so it is not judged.
        case superseded
    }

    /// The day its tier runs out: the start plus the tier in calendar months.
    public var naturalEnd: CivilDate { start.adding(months: tier.months) }

    /// The days from its start to its end.
    public var daysLasted: Int { start.days(until: endedOn) }

    /// The months it lasted, to a tenth: days over the mean month (365.25 / 12 days).
    public var monthsLasted: Double { Self.tenths(Double(daysLasted) / Self.daysPerMonth) }

    /// By how many months it fell short of its tier, to a tenth; nil unless it fell short.
    public var monthsShort: Double? {
        outcome == .fellShort ? Self.tenths(Double(tier.months) - Double(daysLasted) / Self.daysPerMonth) : nil
    }

    /// Whether the scorecard counts it for or against the estimate.
    public var isJudged: Bool { outcome == .held || outcome == .fellShort }

    public static let daysPerMonth = 30.4375

    static func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    package init(
        company: String, sector: String?, start: CivilDate, tier: Company.Tier, endedOn: CivilDate, outcome: Outcome,
        cause: Threat?, investedCents: Int64
    ) {
        self.company = company
        self.sector = sector
        self.start = start
        self.tier = tier
        self.endedOn = endedOn
        self.outcome = outcome
        self.cause = cause
        self.investedCents = investedCents
    }

    /// The lifelines of one company that ended by `asOf`, judged. `periods` come from
    /// `LifelinePeriod.periods` over what was recorded by `asOf` (its lifelines started
    /// by then, its closing if by then, its assessments made by then): the scorecard of a
    /// past date answers with what was known that day.
    public static func judge(
        _ periods: [LifelinePeriod], company: String, sector: String?, investments: ArraySlice<Investment>, asOf: CivilDate
    ) -> [JudgedLifeline] {
        periods.compactMap { period in
            guard let endedOn = period.endedOn, endedOn <= asOf else { return nil }
            let (outcome, cause) = Self.outcome(of: period, endedOn: endedOn, naturalEnd: period.record.start.adding(months: period.record.tier.months))
            let invested = investments.lazy.filter { $0.investedOn <= endedOn }.reduce(0) { $0 + $1.amountCents }
            return JudgedLifeline(
                company: company, sector: sector, start: period.record.start, tier: period.record.tier, endedOn: endedOn,
                outcome: outcome, cause: cause, investedCents: invested)
        }
    }

    /// The rules, in order: a recorded outcome's cause decides (the tier: held; the
    /// closing: closed; a threat or retirement: fell short when it came before the
    /// natural end); with none, the closing made it closed, and a new lifeline made it
    /// held if it came on or after the natural end, superseded before.
    private static func outcome(of period: LifelinePeriod, endedOn: CivilDate, naturalEnd: CivilDate) -> (Outcome, Threat?) {
        switch period.endedBy?.cause {
        case .tier?: return (.held, nil)
        case .closed?: return (.closed, nil)
        case .threat(let threat)?: return (endedOn < naturalEnd ? .fellShort : .held, threat)
        case nil:
            if period.nextBegan == nil { return (.closed, nil) }
            return (endedOn >= naturalEnd ? .held : .superseded, nil)
        }
    }
}
