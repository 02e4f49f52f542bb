import Testing
@testable import LifelineCore

/// Rule 11 of docs/engine.md: the stagnation flags, from the facts and an as-of date.
@Suite("Stagnation flags")
struct StagnationTests {
    typealias Engine = LifelineEngineTests
    static let gpt4 = Engine.gpt4
    static let claude = Engine.claude

    /// The flags as of `asOf`, from the engine's own outcome and the releases given.
    func flags(_ company: CompanyFacts, _ releases: [ReleaseFact], asOf: String, stallDays: Int = 90) -> [StagnationFlag] {
        let asOf = Engine.date(asOf)
        let outcome = LifelineEngine.assess(company, releases: releases, asOf: asOf)!.outcome
        let sorted = releases.sorted { ($0.releasedOn, $0.id) < ($1.releasedOn, $1.id) }
        return LifelineEngine.stagnation(company, outcome: outcome, runs: [sorted[...]], asOf: asOf, stallDays: stallDays)
    }

    static let functions = Engine.release(1, gpt4, on: "2023-06-13", ["function-calling"])

    @Test("an opportunity is stale once more than the stall window has passed since it shipped, not on the last day")
    func staleAfterTheWindow() {
        let company = Engine.company(since: "2023-05-01", tier: .twelveMonths)
        // 2023-06-13 + 90 days = 2023-09-11.
        #expect(flags(company, [Self.functions], asOf: "2023-09-11").isEmpty)
        let raised = flags(company, [Self.functions], asOf: "2023-09-12")
        #expect(raised == [StagnationFlag(
            kind: .staleOpportunities, since: Engine.date("2023-06-13"), days: 91, raisedOn: Engine.date("2023-09-12"),
            releaseID: 1, model: Self.gpt4, capability: "function-calling")])
        #expect(flags(company, [Self.functions], asOf: "2023-07-01", stallDays: 10).map(\.days) == [18], "the window is the caller's")
    }

    @Test("an adoption takes the flag down from its date on, and a backtest before it still raises it")
    func adoptionCounts() {
        let base = Engine.company(since: "2023-05-01", tier: .twelveMonths)
        let company = CompanyFacts(
            id: 1, slug: base.slug, lifelines: base.lifelines,
            adoptions: [AdoptionFact(capability: "function-calling", adoptedOn: Engine.date("2023-10-01"))])
        #expect(flags(company, [Self.functions], asOf: "2023-10-01").isEmpty)
        #expect(flags(company, [Self.functions], asOf: "2023-09-30").map(\.kind) == [.staleOpportunities])
    }

    @Test("the oldest open opportunity is the one flagged, across the models the company builds on and their snapshots")
    func oldestAcrossModels() {
        let snapshot = ModelReference(provider: "anthropic", model: "claude-2-0613")
        let company = Engine.company(since: "2023-01-01", tier: .twelveMonths, dependencies: [Self.gpt4, Self.claude])
        let releases = [
            Self.functions,
            ReleaseFact(
                id: 2, model: snapshot, kind: .capability, releasedOn: Engine.date("2023-03-01"), capabilities: ["vision", "agents"],
                alsoReaches: [Self.claude]),
            Engine.release(3, Self.claude, on: "2023-02-01", ["file-upload"]),  // exposed: a threat, not an opportunity
            Engine.release(4, ModelReference(provider: "google", model: "gemini"), on: "2023-01-10", ["voice"]),  // not built on
        ]
        let stale = flags(company, releases, asOf: "2023-12-01").first { $0.kind == .staleOpportunities }
        #expect(stale?.releaseID == 2)
        #expect(stale?.capability == "agents", "of one release, the first capability by name, as company show lists them")
    }

    @Test("opportunities of an earlier lifeline are not stale in a new one")
    func newLifelineStartsClean() {
        let company = CompanyFacts(id: 1, slug: "papertalk", lifelines: [
            LifelineFacts(start: Engine.date("2023-01-01"), tier: .twelveMonths, runwayMonths: 3, dependencies: [Self.gpt4]),
            LifelineFacts(start: Engine.date("2023-07-01"), tier: .twelveMonths, runwayMonths: 3, dependencies: [Self.gpt4]),
        ])
        #expect(flags(company, [Self.functions], asOf: "2023-12-01").isEmpty)
        #expect(flags(company, [Self.functions], asOf: "2023-06-30", stallDays: 10).map(\.kind) == [.staleOpportunities])
    }

    @Test("a rebuild is overdue after the stall window with no new lifeline; replaced and closed companies are not flagged")
    func rebuildOverdue() {
        let advantage = Engine.company(
            since: "2023-01-01", tier: .twelveMonths, exposures: [ExposureFact(capability: "function-calling", effect: .advantage)])
        #expect(flags(advantage, [Self.functions], asOf: "2023-09-11").isEmpty)
        #expect(flags(advantage, [Self.functions], asOf: "2023-09-12") == [StagnationFlag(
            kind: .rebuildOverdue, since: Engine.date("2023-06-13"), days: 91, raisedOn: Engine.date("2023-09-12"),
            releaseID: 1, model: Self.gpt4, capability: "function-calling")])
        let rebuilt = CompanyFacts(id: 1, slug: "papertalk", lifelines: advantage.lifelines + [
            LifelineFacts(start: Engine.date("2023-08-01"), tier: .twelveMonths, runwayMonths: 3, exposures: advantage.lifelines[0].exposures,
                          dependencies: [Self.gpt4])
        ])
        #expect(flags(rebuilt, [Self.functions], asOf: "2023-12-01").isEmpty)
        let necessity = Engine.company(
            since: "2023-01-01", tier: .twelveMonths, exposures: [ExposureFact(capability: "function-calling", effect: .necessity)])
        #expect(flags(necessity, [Self.functions], asOf: "2023-12-01").isEmpty)
        let closed = CompanyFacts(id: 1, slug: "papertalk", lifelines: advantage.lifelines, closedOn: Engine.date("2023-11-01"))
        #expect(flags(closed, [Self.functions], asOf: "2023-12-01").isEmpty)
        #expect(flags(closed, [Self.functions], asOf: "2023-10-31").map(\.kind) == [.rebuildOverdue], "before the closing, it was")
    }

    @Test("in two halves: the stale opportunity whatever the outcome; with the outcome, none when closed, and the rebuild overdue")
    func twoHalves() {
        let company = Engine.company(
            since: "2023-01-01", tier: .twelveMonths, exposures: [ExposureFact(capability: "vision", effect: .advantage)],
            dependencies: [Self.gpt4])
        let vision = Engine.release(2, Self.claude, on: "2023-03-01", ["vision"])
        let releases = [Self.functions, vision]
        let asOf = Engine.date("2023-12-01")
        let stale = LifelineEngine.staleOpportunity(company, runs: [releases[...]], asOf: asOf, stallDays: 90)
        #expect(stale?.releaseID == 1, "function-calling on gpt-4, which it builds on")
        let outcome = LifelineEngine.assess(company, releases: releases, asOf: asOf)!.outcome
        #expect(outcome.status == .rebuild)
        let both = LifelineEngine.stagnation(outcome: outcome, staleOpportunity: stale, asOf: asOf, stallDays: 90)
        #expect(both.map(\.kind) == [.staleOpportunities, .rebuildOverdue])
        #expect(both == flags(company, releases, asOf: "2023-12-01"), "the halves make what the whole rule makes")
        #expect(LifelineEngine.stagnation(outcome: outcome, staleOpportunity: nil, asOf: asOf, stallDays: 90).map(\.kind) == [.rebuildOverdue])
        let closed = Assessment.Outcome(
            status: .closed, tierMonths: 12, lifelineStart: outcome.lifelineStart, naturalEnd: outcome.naturalEnd,
            lifelineEnd: outcome.lifelineEnd, runwayEnd: nil, cause: .closed)
        #expect(LifelineEngine.stagnation(outcome: closed, staleOpportunity: stale, asOf: asOf, stallDays: 90).isEmpty)
        let before = Engine.date("2022-12-31")
        #expect(LifelineEngine.staleOpportunity(company, runs: [releases[...]], asOf: before, stallDays: 90) == nil, "no lifeline in force yet")
    }

    @Test("the stale opportunity is always the first of the assessment's opportunities, on generated portfolios",
          arguments: 0..<40)
    func agreesWithTheOpportunities(seed: UInt64) {
        var random = ReassessmentPropertyTests.SeededGenerator(state: seed)
        let models = [Self.gpt4, Self.claude, ModelReference(provider: "google", model: "gemini")]
        let capabilities = ["file-upload", "function-calling", "vision", "voice", "agents"]
        let releases = (1...30).map { id in
            ReleaseFact(
                id: Int64(id), model: models[Int.random(in: 0..<3, using: &random)], kind: .capability,
                releasedOn: Engine.date("2023-01-01").adding(days: Int.random(in: 0..<700, using: &random)),
                capabilities: Array(capabilities.shuffled(using: &random).prefix(1 + Int.random(in: 0..<2, using: &random))))
        }
        let company = CompanyFacts(
            id: 1, slug: "generated",
            lifelines: [LifelineFacts(
                start: Engine.date("2023-03-01"), tier: .twelveMonths, runwayMonths: 3,
                exposures: [ExposureFact(capability: capabilities[Int.random(in: 0..<5, using: &random)], effect: .necessity)],
                dependencies: Array(models.prefix(1 + Int.random(in: 0..<2, using: &random))))],
            adoptions: [AdoptionFact(capability: capabilities[Int.random(in: 0..<5, using: &random)], adoptedOn: Engine.date("2023-09-01"))])
        let asOf = Engine.date("2023-03-01").adding(days: Int.random(in: 0..<700, using: &random))
        let assessment = LifelineEngine.assess(company, releases: releases, asOf: asOf)!
        let expected = assessment.opportunities.first { $0.releasedOn.days(until: asOf) > 90 }
        let stale = flags(company, releases, asOf: asOf.iso).first { $0.kind == .staleOpportunities }
        #expect(stale?.releaseID == expected?.releaseID)
        #expect(stale?.capability == expected?.capability)
    }
}
