import Testing
@testable import LifelineCore

/// The scorecard's rules (docs/scorecard.md): how a finished lifeline is judged against
/// its tier, and how judged lifelines are counted against a coin.
@Suite("Scorecard rules")
struct ScorecardTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let start = date("2023-01-01")
    static let record = LifelineRecord(start: start, tier: .sixMonths, runwayMonths: 3, began: .added, note: nil)
    static let threat = Threat(
        releaseID: 7, model: ModelReference(provider: "openai", model: "chatgpt"), releasedOn: date("2023-05-12"),
        capability: "web-browsing", effect: .necessity)

    static func outcome(_ status: LifelineStatus, end: String, cause: Assessment.Cause) -> Assessment.Outcome {
        Assessment.Outcome(
            status: status, tierMonths: 6, lifelineStart: start, naturalEnd: date("2023-07-01"), lifelineEnd: date(end),
            runwayEnd: status == .replaced ? date(end).adding(months: 3) : nil, cause: cause)
    }

    static func judge(
        endedOn: String?, by outcome: Assessment.Outcome? = nil, next: String? = nil, asOf: String = "2026-01-01",
        investments: [Investment] = []
    ) -> [JudgedLifeline] {
        let period = LifelinePeriod(
            record: record, endedOn: endedOn.map(date), how: "-", nextBegan: next.map(date), endedBy: outcome)
        return JudgedLifeline.judge([period], company: "c", sector: nil, investments: investments[...], asOf: date(asOf))
    }

    @Test("a threat before the natural end: fell short, by the months it had left, with its cause")
    func fellShort() throws {
        let judged = try #require(Self.judge(endedOn: "2023-05-12", by: Self.outcome(.replaced, end: "2023-05-12", cause: .threat(Self.threat))).first)
        #expect(judged.outcome == .fellShort)
        #expect(judged.daysLasted == 131)
        #expect(judged.monthsLasted == 4.3)
        #expect(judged.monthsShort == 1.7)
        #expect(judged.cause == Self.threat)
        #expect(judged.isJudged)
    }

    @Test("held: the tier ran out, or a threat came on the last day")
    func held() {
        let elapsed = Self.judge(endedOn: "2023-07-01", by: Self.outcome(.elapsed, end: "2023-07-01", cause: .tier))
        #expect(elapsed.map(\.outcome) == [.held])
        #expect(elapsed.first?.monthsShort == nil)
        let lastDay = Self.judge(endedOn: "2023-07-01", by: Self.outcome(.rebuild, end: "2023-07-01", cause: .threat(Self.threat)))
        #expect(lastDay.map(\.outcome) == [.held])
    }

    @Test("closed: the company left first, recorded or not; a threat before the closing still fell short")
    func closed() {
        #expect(Self.judge(endedOn: "2023-03-01", by: Self.outcome(.closed, end: "2023-03-01", cause: .closed)).map(\.outcome) == [.closed])
        #expect(Self.judge(endedOn: "2023-03-01").map(\.outcome) == [.closed])
        let threatFirst = Self.judge(endedOn: "2023-05-12", by: Self.outcome(.closed, end: "2023-05-12", cause: .threat(Self.threat)))
        #expect(threatFirst.map(\.outcome) == [.fellShort])
    }

    @Test("a new lifeline before the natural end with nothing ending the old one: superseded, not judged; on or after it: held")
    func newLifeline() {
        let early = Self.judge(endedOn: "2023-03-01", next: "2023-03-01")
        #expect(early.map(\.outcome) == [.superseded])
        #expect(early.first?.isJudged == false)
        #expect(Self.judge(endedOn: "2023-07-01", next: "2023-07-01").map(\.outcome) == [.held])
    }

    @Test("a lifeline still running, or ending after the as-of date, is not judged yet")
    func notFinished() {
        #expect(Self.judge(endedOn: nil).isEmpty)
        #expect(Self.judge(endedOn: "2023-07-01", by: Self.outcome(.elapsed, end: "2023-07-01", cause: .tier), asOf: "2023-06-30").isEmpty)
    }

    @Test("the money is what had been invested by the day the lifeline ended")
    func investedByTheEnd() {
        let investments = [
            Investment(investedOn: Self.date("2022-06-01"), round: nil, amountCents: 100),
            Investment(investedOn: Self.date("2023-05-12"), round: nil, amountCents: 20),
            Investment(investedOn: Self.date("2023-05-13"), round: nil, amountCents: 3),
        ]
        let judged = Self.judge(endedOn: "2023-05-12", by: Self.outcome(.replaced, end: "2023-05-12", cause: .threat(Self.threat)), investments: investments)
        #expect(judged.map(\.investedCents) == [120])
    }

    static func lifeline(_ outcome: JudgedLifeline.Outcome, tier: Company.Tier = .sixMonths, days: Int = 90, sector: String? = nil, cause: Threat? = nil) -> JudgedLifeline {
        JudgedLifeline(
            company: "c", sector: sector, start: start, tier: tier, endedOn: start.adding(days: days), outcome: outcome,
            cause: cause, investedCents: 100)
    }

    @Test("a group needs ten judged lifelines for a verdict; closed and superseded ones do not count")
    func verdicts() {
        let nine = Array(repeating: Self.lifeline(.held), count: 9) + [Self.lifeline(.closed), Self.lifeline(.superseded)]
        #expect(Scorecard(nine, by: .tier).total.verdict == .tooFew)
        let better = Array(repeating: Self.lifeline(.held), count: 6) + Array(repeating: Self.lifeline(.fellShort), count: 4)
        #expect(Scorecard(better, by: .tier).total.verdict == .betterThanACoin)
        let even = Array(repeating: Self.lifeline(.held), count: 5) + Array(repeating: Self.lifeline(.fellShort), count: 5)
        #expect(Scorecard(even, by: .tier).total.verdict == .aCoin)
        let worse = Array(repeating: Self.lifeline(.held), count: 4) + Array(repeating: Self.lifeline(.fellShort), count: 6)
        #expect(Scorecard(worse, by: .tier).total.verdict == .worseThanACoin)
        #expect(Scorecard([], by: .tier).total.heldShare == nil)
    }

    @Test("the median months lasted counts only those that fell short; with an even count, the mean of the middle two")
    func median() {
        let lifelines = [Self.lifeline(.fellShort, days: 61), Self.lifeline(.fellShort, days: 122), Self.lifeline(.held, days: 1000)]
        #expect(Scorecard(lifelines, by: .tier).total.medianMonthsLastedShort == 3.0)
        #expect(Scorecard.median([1.0, 2.0, 9.0]) == 2.0)
        #expect(Scorecard.median([]) == nil)
    }

    @Test("groups by tier come in tier order, by sector by name with none last; causes rank by lifelines ended, then money")
    func grouping() {
        let other = Threat(
            releaseID: 8, model: ModelReference(provider: "microsoft", model: "m365-copilot"), releasedOn: Self.date("2023-11-01"),
            capability: nil, effect: nil)
        let lifelines = [
            Self.lifeline(.held, tier: .twelveMonths, sector: "legal"), Self.lifeline(.fellShort, tier: .threeMonths, cause: other),
            Self.lifeline(.fellShort, sector: "docs", cause: Self.threat), Self.lifeline(.fellShort, cause: Self.threat),
        ]
        #expect(Scorecard(lifelines, by: .tier).groups.map(\.key) == ["3", "6", "12"])
        #expect(Scorecard(lifelines, by: .sector).groups.map(\.key) == ["docs", "legal", "(none)"])
        #expect(Scorecard(lifelines, by: .provider).groups.map { "\($0.key) \($0.fellShort)" } == ["openai 2", "microsoft 1"])
        #expect(Scorecard(lifelines, by: .capability).groups.map(\.key) == ["web-browsing", "(retirement)"])
    }
}
