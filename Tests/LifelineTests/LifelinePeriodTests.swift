import Testing
@testable import LifelineCore

/// `history`'s lifelines: each with its real end, how it ended and when the next began;
/// and its assessments, one for each as-of date unless all are asked for.
@Suite("Lifeline periods")
struct LifelinePeriodTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func lifeline(_ start: String, began: LifelineRecord.Beginning = .added, note: String? = nil) -> LifelineRecord {
        LifelineRecord(start: date(start), tier: .sixMonths, runwayMonths: 3, began: began, note: note)
    }

    static func assessed(_ asOf: String, start: String, status: LifelineStatus, end: String, run: Int64) -> StoredAssessment {
        let threat = Threat(
            releaseID: 1, model: ModelReference(provider: "microsoft", model: "copilot"), releasedOn: date(end),
            capability: "office-integration", effect: .advantage)
        let cause: Assessment.Cause = status == .rebuild ? .threat(threat) : .tier
        return StoredAssessment(
            company: "deck", asOf: date(asOf),
            outcome: Assessment.Outcome(
                status: status, tierMonths: 6, lifelineStart: date(start), naturalEnd: date(start).adding(months: 6),
                lifelineEnd: date(end), runwayEnd: nil, cause: cause),
            runID: run, trigger: "reassess", rulesVersion: 1)
    }

    @Test("a rebuilt lifeline ended when its cause landed, not when the rebuild came; the current one runs")
    func rebuiltAfterAThreat() {
        let lifelines = [Self.lifeline("2023-03-01"), Self.lifeline("2024-06-01", began: .rebuilt, note: "on Copilot")]
        let ended = Self.assessed("2023-06-01", start: "2023-03-01", status: .rebuild, end: "2023-06-01", run: 2)
        let periods = LifelinePeriod.periods(lifelines: lifelines, closing: nil, assessments: [
            Self.assessed("2023-03-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 1),
            ended,
            Self.assessed("2024-06-01", start: "2024-06-01", status: .alive, end: "2024-12-01", run: 3),
        ])
        #expect(periods == [
            LifelinePeriod(
                record: lifelines[0], endedOn: Self.date("2023-06-01"), how: "rebuild", nextBegan: Self.date("2024-06-01"),
                endedBy: ended.outcome),
            LifelinePeriod(record: lifelines[1], endedOn: nil, how: nil, nextBegan: nil),
        ])
    }

    @Test("a lifeline nothing had ended ends when the next began, as that one began; an elapsed current one says so")
    func supersededBeforeAnythingEndedIt() {
        let lifelines = [Self.lifeline("2023-03-01"), Self.lifeline("2023-05-01", began: .rebuilt), Self.lifeline("2023-07-01", began: .renewed)]
        let periods = LifelinePeriod.periods(lifelines: lifelines, closing: nil, assessments: [
            Self.assessed("2023-03-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 1),
            Self.assessed("2024-02-01", start: "2023-07-01", status: .elapsed, end: "2024-01-01", run: 2),
        ])
        #expect(periods.map(\.how) == ["rebuilt", "renewed", "elapsed"])
        #expect(periods.map { $0.endedBy?.status } == [nil, nil, .elapsed])
        #expect(periods.map(\.endedOn) == [Self.date("2023-05-01"), Self.date("2023-07-01"), Self.date("2024-01-01")])
    }

    @Test("a closed company's current lifeline ended with the closing, unless a threat or the tier ended it first")
    func closed() {
        let lifelines = [Self.lifeline("2023-03-01")]
        let closing = Closing(closedOn: Self.date("2023-05-01"), reason: .shutdown, note: nil)
        let running = LifelinePeriod.periods(lifelines: lifelines, closing: closing, assessments: [
            Self.assessed("2023-03-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 1),
        ])
        #expect(running.map(\.how) == ["closed"])
        #expect(running.map(\.endedOn) == [Self.date("2023-05-01")])
        let endedFirst = LifelinePeriod.periods(lifelines: lifelines, closing: closing, assessments: [
            Self.assessed("2023-06-01", start: "2023-03-01", status: .rebuild, end: "2023-04-01", run: 1),
        ])
        #expect(endedFirst.map(\.how) == ["rebuild"])
        #expect(endedFirst.map(\.endedOn) == [Self.date("2023-04-01")])
    }

    @Test("one assessment per as-of date, the last recorded for it, in as-of order")
    func lastOfEachDate() {
        let trail = [
            Self.assessed("2023-06-01", start: "2023-03-01", status: .elapsed, end: "2023-09-01", run: 4),
            Self.assessed("2023-06-01", start: "2023-03-01", status: .rebuild, end: "2023-06-01", run: 5),
            Self.assessed("2023-06-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 6),
            Self.assessed("2023-07-01", start: "2023-03-01", status: .atRisk, end: "2023-09-01", run: 7),
        ]
        #expect(StoredAssessment.lastOfEachDate(trail).map(\.runID) == [6, 7])
        #expect(StoredAssessment.lastOfEachDate([]).isEmpty)
    }
}
