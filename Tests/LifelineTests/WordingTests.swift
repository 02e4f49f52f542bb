import Testing
@testable import LifelineCore

/// The cells `company list` prints for each company, made without interpolation.
@Suite("Wording of a listing's cells")
struct WordingTests {
    @Test("pieces are joined as they are: empty ones, multi-byte ones, short and long", arguments: [
        ([], ""),
        ([""], ""),
        (["a", "", "b"], "ab"),
        (["openai", "/", "gpt-4"], "openai/gpt-4"),
        (["Über", " ", "café ☕"], "Über café ☕"),
        ([String(repeating: "x", count: 40), "-", String(repeating: "y", count: 40)],
         String(repeating: "x", count: 40) + "-" + String(repeating: "y", count: 40)),
    ])
    func concatenation(pieces: [String], joined: String) {
        let made = String(concatenating: pieces)
        #expect(made == joined)
        #expect(made.utf8.count == joined.utf8.count)
    }

    static let day = CivilDate(iso: "2024-03-01")!
    static let model = ModelReference(provider: "openai", model: "gpt-4")

    static func outcome(_ cause: Assessment.Cause) -> Assessment.Outcome {
        Assessment.Outcome(
            status: .alive, tierMonths: 6, lifelineStart: day, naturalEnd: day, lifelineEnd: day, runwayEnd: nil, cause: cause)
    }

    @Test("the cause: a threat's model, capability and effect; a retirement; the tier; a closing")
    func cause() {
        let threat = Threat(releaseID: 1, model: Self.model, releasedOn: Self.day, capability: "file-upload", effect: .necessity)
        #expect(AssessmentPresenter.cause(Self.outcome(.threat(threat))) == "openai/gpt-4 file-upload (necessity)")
        let retirement = Threat(releaseID: 2, model: Self.model, releasedOn: Self.day, capability: nil, effect: nil)
        #expect(AssessmentPresenter.cause(Self.outcome(.threat(retirement))) == "openai/gpt-4 retirement")
        #expect(AssessmentPresenter.cause(Self.outcome(.tier)) == "tier")
        #expect(AssessmentPresenter.cause(Self.outcome(.closed)) == "closed")
    }

    static func flag(_ kind: StagnationFlag.Kind, days: Int) -> StagnationFlag {
        StagnationFlag(
            kind: kind, since: day, days: days, raisedOn: day, releaseID: 1, model: model, capability: "vision")
    }

    @Test("the flags cell: none, one, or both with their days")
    func flags() {
        #expect(StagnationPresenter.cell([]) == nil)
        #expect(StagnationPresenter.cell([Self.flag(.staleOpportunities, days: 212)]) == "stale-opportunities 212d")
        #expect(StagnationPresenter.cell([Self.flag(.staleOpportunities, days: 212), Self.flag(.rebuildOverdue, days: 95)])
            == "stale-opportunities 212d, rebuild-overdue 95d")
    }
}
