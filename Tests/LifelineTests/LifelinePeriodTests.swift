import Testing
@testable import LifelineCore

/// `history`'s lifelines: each with its real end, how it ended and when the next began;
/// and its assessments, one for each as-of date unless all are asked for.
@Suite("Lifeline periods")
struct LifelinePeriodTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let deck = Company(
        slug: "deck", name: "Deck", tier: .sixMonths, lifelineStart: date("2024-06-01"), runwayMonths: 3, sector: nil, website: nil,
        notes: nil)

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
        let rebuild = Rebuild(
            previousStart: Self.date("2023-03-01"), previousTierMonths: 6, rebuiltOn: Self.date("2024-06-01"), tierMonths: 6, note: "on Copilot")
        let periods = LifelinePeriod.periods(current: Self.deck, rebuilds: [rebuild], assessments: [
            Self.assessed("2023-03-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 1),
            Self.assessed("2023-06-01", start: "2023-03-01", status: .rebuild, end: "2023-06-01", run: 2),
            Self.assessed("2024-06-01", start: "2024-06-01", status: .alive, end: "2024-12-01", run: 3),
        ])
        #expect(periods == [
            LifelinePeriod(
                start: Self.date("2023-03-01"), tierMonths: 6, endedOn: Self.date("2023-06-01"), how: "rebuild",
                nextBegan: Self.date("2024-06-01"), note: "on Copilot"),
            LifelinePeriod(start: Self.date("2024-06-01"), tierMonths: 6, endedOn: nil, how: nil, nextBegan: nil, note: nil),
        ])
    }

    @Test("a lifeline nothing had ended ends with the rebuild; an elapsed current one says so")
    func rebuiltBeforeAnythingEndedIt() {
        let rebuild = Rebuild(
            previousStart: Self.date("2023-03-01"), previousTierMonths: 6, rebuiltOn: Self.date("2023-05-01"), tierMonths: 6, note: nil)
        let company = Company(
            slug: "deck", name: "Deck", tier: .sixMonths, lifelineStart: Self.date("2023-05-01"), runwayMonths: 3, sector: nil,
            website: nil, notes: nil)
        let periods = LifelinePeriod.periods(current: company, rebuilds: [rebuild], assessments: [
            Self.assessed("2023-03-01", start: "2023-03-01", status: .alive, end: "2023-09-01", run: 1),
            Self.assessed("2023-12-01", start: "2023-05-01", status: .elapsed, end: "2023-11-01", run: 2),
        ])
        #expect(periods.map(\.how) == ["rebuilt", "elapsed"])
        #expect(periods.map(\.endedOn) == [Self.date("2023-05-01"), Self.date("2023-11-01")])
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
