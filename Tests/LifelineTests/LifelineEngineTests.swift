import Testing
@testable import Lifeline
@testable import LifelineCore

/// One test per rule of docs/engine.md, and the edges between them.
@Suite("The lifeline engine")
struct LifelineEngineTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let gpt4 = ModelReference(provider: "openai", model: "gpt-4")
    static let chatgpt = ModelReference(provider: "openai", model: "chatgpt")
    static let claude = ModelReference(provider: "anthropic", model: "claude-2")

    static func company(
        since: String = "2023-01-15", tier: Company.Tier = .threeMonths, runway: Int = 3,
        exposures: [ExposureFact] = [ExposureFact(capability: "file-upload", effect: .necessity)],
        dependencies: [ModelReference] = [gpt4], dismissals: [DismissalFact] = []
    ) -> CompanyFacts {
        CompanyFacts(
            id: 1, slug: "papertalk", tier: tier, lifelineStart: date(since), runwayMonths: runway, exposures: exposures,
            dependencies: dependencies, dismissals: dismissals)
    }

    static func release(
        _ id: Int64, _ model: ModelReference, on day: String, _ capabilities: [String] = [],
        kind: Release.Kind = .capability, announced: String? = nil
    ) -> ReleaseFact {
        ReleaseFact(id: id, model: model, kind: kind, releasedOn: date(day), announcedOn: announced.map(date), capabilities: capabilities)
    }

    /// The assessment of a company in the portfolio as of `asOf` (a nil one stops the test).
    func assess(_ company: CompanyFacts, _ releases: [ReleaseFact], asOf: String, warnDays: Int = 30) -> Assessment {
        LifelineEngine.assess(company, releases: releases, asOf: Self.date(asOf), warnDays: warnDays)!
    }

    // MARK: Rules 1 and 2: start and natural end

    @Test("the natural end is the start plus the tier in calendar months, clamped at month ends", arguments: [
        ("2023-01-15", Company.Tier.threeMonths, "2023-04-15"), ("2023-11-30", .threeMonths, "2024-02-29"),
        ("2022-11-30", .threeMonths, "2023-02-28"), ("2023-08-31", .sixMonths, "2024-02-29"),
        ("2024-02-29", .twelveMonths, "2025-02-28"), ("2023-03-31", .sixMonths, "2023-09-30"),
    ])
    func naturalEnd(start: String, tier: Company.Tier, end: String) {
        let result = assess(Self.company(since: start, tier: tier), [], asOf: start)
        #expect(result.outcome.naturalEnd.iso == end)
        #expect(result.outcome.lifelineEnd.iso == end)
        #expect(result.outcome.cause == .tier)
    }

    // MARK: Rule 3: known releases on or after the start

    @Test("a release on the start date counts; one the day before does not")
    func startDateBoundary() {
        let onStart = assess(Self.company(), [Self.release(1, Self.chatgpt, on: "2023-01-15", ["file-upload"])], asOf: "2023-02-01")
        #expect(onStart.status == .replaced)
        let before = assess(Self.company(), [Self.release(1, Self.chatgpt, on: "2023-01-14", ["file-upload"])], asOf: "2023-02-01")
        #expect(before.status == .alive)
        #expect(before.outcome.cause == .tier)
    }

    @Test("a release is unknown before its announcement, or its date when it has none")
    func knownReleases() {
        let future = Self.release(1, Self.chatgpt, on: "2023-03-01", ["file-upload"])
        #expect(assess(Self.company(), [future], asOf: "2023-02-28").outcome.cause == .tier)
        let announced = Self.release(1, Self.chatgpt, on: "2023-03-01", ["file-upload"], announced: "2023-02-20")
        #expect(assess(Self.company(), [announced], asOf: "2023-02-19").outcome.cause == .tier)
        #expect(assess(Self.company(), [announced], asOf: "2023-02-20").outcome.lifelineEnd.iso == "2023-03-01")
    }

    // MARK: Rule 4: threats

    @Test("a capability the company is not exposed to is no threat")
    func unexposedCapability() {
        let result = assess(Self.company(), [Self.release(1, Self.chatgpt, on: "2023-02-01", ["vision"])], asOf: "2023-02-10")
        #expect(result.outcome.cause == .tier)
    }

    @Test("a provider scope limits which providers' releases count")
    func providerScope() {
        let scoped = Self.company(exposures: [ExposureFact(capability: "file-upload", effect: .necessity, providers: ["anthropic"])])
        let openai = Self.release(1, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        let anthropic = Self.release(2, Self.claude, on: "2023-03-01", ["file-upload"])
        #expect(assess(scoped, [openai], asOf: "2023-03-10").outcome.cause == .tier)
        let result = assess(scoped, [openai, anthropic], asOf: "2023-03-10")
        #expect(result.outcome.cause.threat?.releaseID == 2)
        #expect(result.status == .replaced)
    }

    @Test("several exposures to one capability: each counts its own providers, the unscoped one every other provider")
    func exposuresPerProvider() {
        let company = Self.company(exposures: [
            ExposureFact(capability: "file-upload", effect: .advantage, providers: ["anthropic"]),
            ExposureFact(capability: "file-upload", effect: .necessity),
        ])
        let lifeline = company.lifelines[0]
        let anthropic = Self.release(1, Self.claude, on: "2023-02-01", ["file-upload"])
        let openai = Self.release(2, Self.chatgpt, on: "2023-03-01", ["file-upload"])
        #expect(LifelineEngine.threats(from: anthropic, to: lifeline, knownReleases: []).map(\.effect) == [.advantage])
        #expect(LifelineEngine.threats(from: openai, to: lifeline, knownReleases: []).map(\.effect) == [.necessity])
        #expect(assess(company, [anthropic, openai], asOf: "2023-03-10").status == .rebuild)
        #expect(assess(company, [openai], asOf: "2023-03-10").status == .replaced)
    }

    @Test("exposures that all name providers leave the other providers out")
    func namedScopesOnly() {
        let company = Self.company(exposures: [
            ExposureFact(capability: "file-upload", effect: .advantage, providers: ["anthropic"]),
            ExposureFact(capability: "file-upload", effect: .necessity, providers: ["google"]),
        ])
        let openai = Self.release(1, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        #expect(LifelineEngine.threats(from: openai, to: company.lifelines[0], knownReleases: []).isEmpty)
        #expect(assess(company, [openai], asOf: "2023-03-10").outcome.cause == .tier)
    }

    @Test("a host's release threatens only an exposure that names the host; its retirement threatens its dependents")
    func hostReleases() {
        let azure = ModelReference(provider: "azure", model: "gpt-4o")
        let listing = ReleaseFact(id: 1, model: azure, kind: .launch, releasedOn: Self.date("2023-02-01"), capabilities: ["file-upload"], byHost: true)
        #expect(assess(Self.company(), [listing], asOf: "2023-03-01").outcome.cause == .tier)
        let named = Self.company(exposures: [ExposureFact(capability: "file-upload", effect: .necessity, providers: ["azure"])])
        #expect(assess(named, [listing], asOf: "2023-03-01").status == .replaced)
        let retired = ReleaseFact(id: 2, model: azure, kind: .retirement, releasedOn: Self.date("2023-02-01"), byHost: true)
        #expect(assess(Self.company(exposures: [], dependencies: [azure]), [retired], asOf: "2023-03-01").status == .migrate)
    }

    // MARK: Snapshots (rules 4 and 7)

    static let turbo = ModelReference(provider: "openai", model: "gpt-3.5-turbo")
    static let turbo0613 = ModelReference(provider: "openai", model: "gpt-3.5-turbo-0613")

    @Test("a capability shipped on a snapshot is an opportunity for the base's dependents")
    func snapshotOpportunity() {
        let company = Self.company(since: "2023-05-01", exposures: [], dependencies: [Self.turbo])
        let functions = ReleaseFact(
            id: 1, model: Self.turbo0613, kind: .capability, releasedOn: Self.date("2023-06-13"), capabilities: ["function-calling"],
            alsoReaches: [Self.turbo])
        #expect(assess(company, [functions], asOf: "2023-07-01").opportunities.map(\.capability) == ["function-calling"])
        let unlinked = Self.release(1, Self.turbo0613, on: "2023-06-13", ["function-calling"])
        #expect(assess(company, [unlinked], asOf: "2023-07-01").opportunities.isEmpty, "without the snapshot, none")
    }

    @Test("a base's retirement retires its snapshots; a snapshot's retires only itself")
    func snapshotRetirements() {
        let onSnapshot = Self.company(since: "2023-05-01", exposures: [], dependencies: [Self.turbo0613])
        let onBase = Self.company(since: "2023-05-01", exposures: [], dependencies: [Self.turbo])
        let baseRetired = ReleaseFact(
            id: 1, model: Self.turbo, kind: .retirement, releasedOn: Self.date("2023-06-01"), alsoReaches: [Self.turbo0613])
        let snapshotRetired = Self.release(2, Self.turbo0613, on: "2023-06-01", kind: .retirement)
        #expect(assess(onSnapshot, [baseRetired], asOf: "2023-07-01").status == .migrate)
        #expect(assess(onBase, [snapshotRetired], asOf: "2023-07-01").status == .alive)
        #expect(assess(onSnapshot, [snapshotRetired], asOf: "2023-07-01").status == .migrate)
        // A company on both: the base's retirement leaves no fallback, the snapshot's leaves the base.
        let onBoth = Self.company(since: "2023-05-01", exposures: [], dependencies: [Self.turbo, Self.turbo0613])
        #expect(assess(onBoth, [baseRetired], asOf: "2023-07-01").status == .migrate)
        #expect(assess(onBoth, [snapshotRetired], asOf: "2023-07-01").status == .alive)
        // A snapshot retired before is no fallback for another model's later retirement.
        let withGPT4 = Self.company(since: "2023-05-01", exposures: [], dependencies: [Self.gpt4, Self.turbo0613])
        let gpt4Retired = Self.release(3, Self.gpt4, on: "2023-06-10", kind: .retirement)
        #expect(assess(withGPT4, [baseRetired, gpt4Retired], asOf: "2023-07-01").status == .migrate)
        #expect(assess(withGPT4, [gpt4Retired], asOf: "2023-07-01").status == .alive)
    }

    @Test("a retirement of the only dependency is a threat: migrate")
    func retirementWithoutFallback() {
        let retirement = Self.release(1, Self.gpt4, on: "2023-03-01", kind: .retirement, announced: "2023-02-01")
        let result = assess(Self.company(exposures: []), [retirement], asOf: "2023-03-05")
        #expect(result.status == .migrate)
        #expect(result.outcome.cause.kind == .retirement)
        #expect(result.outcome.runwayEnd == nil)
        #expect(assess(Self.company(exposures: []), [retirement], asOf: "2023-02-10").status == .atRisk)
    }

    @Test("a retirement is no threat while another dependency is still running")
    func retirementWithFallback() {
        let company = Self.company(exposures: [], dependencies: [Self.gpt4, Self.claude])
        let retireGPT4 = Self.release(1, Self.gpt4, on: "2023-03-01", kind: .retirement)
        #expect(assess(company, [retireGPT4], asOf: "2023-03-05").outcome.cause == .tier)
        let retireClaudeEarlier = Self.release(2, Self.claude, on: "2023-02-01", kind: .retirement)
        let result = assess(company, [retireGPT4, retireClaudeEarlier], asOf: "2023-03-05")
        #expect(result.status == .migrate)
        #expect(result.outcome.cause.threat?.releaseID == 1)
        let retireClaudeLater = Self.release(3, Self.claude, on: "2023-03-20", kind: .retirement)
        let later = assess(company, [retireGPT4, retireClaudeLater], asOf: "2023-03-25")
        #expect(later.outcome.cause.threat?.releaseID == 3)
    }

    @Test("a retirement of a model the company does not depend on is nothing to it")
    func unrelatedRetirement() {
        let retirement = Self.release(1, Self.claude, on: "2023-03-01", kind: .retirement)
        #expect(assess(Self.company(), [retirement], asOf: "2023-03-05").outcome.cause == .tier)
    }

    // MARK: Rule 5: the earliest threat ends the lifeline

    @Test("the earliest threat wins, whatever the order of the facts")
    func earliestThreat() {
        let early = Self.release(7, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        let late = Self.release(3, Self.claude, on: "2023-02-10", ["file-upload"])
        #expect(assess(Self.company(), [late, early], asOf: "2023-03-01").outcome.cause.threat?.releaseID == 7)
        #expect(assess(Self.company(), [early, late], asOf: "2023-03-01").outcome.cause.threat?.releaseID == 7)
    }

    @Test("a threat on or after the natural end does not end the lifeline: it elapses")
    func threatAfterNaturalEnd() {
        let onEnd = Self.release(1, Self.chatgpt, on: "2023-04-15", ["file-upload"])
        let result = assess(Self.company(), [onEnd], asOf: "2023-05-01")
        #expect(result.status == .elapsed)
        #expect(result.outcome.cause == .tier)
    }

    @Test("same-day threats: necessity before retirement before advantage, then names, then id")
    func ties() {
        let company = Self.company(exposures: [
            ExposureFact(capability: "vision", effect: .advantage), ExposureFact(capability: "file-upload", effect: .necessity),
        ])
        let advantage = Self.release(1, Self.chatgpt, on: "2023-02-01", ["vision"])
        let necessity = Self.release(2, Self.claude, on: "2023-02-01", ["file-upload"])
        let result = assess(company, [advantage, necessity], asOf: "2023-02-05")
        #expect(result.status == .replaced)
        #expect(result.outcome.cause.threat?.releaseID == 2)
        let otherProvider = Self.release(3, ModelReference(provider: "google", model: "gemini"), on: "2023-02-01", ["file-upload"])
        #expect(assess(company, [otherProvider, necessity], asOf: "2023-02-05").outcome.cause.threat?.releaseID == 2)
        let twin = Self.release(9, Self.claude, on: "2023-02-01", ["file-upload"], kind: .launch)
        #expect(assess(company, [twin, necessity], asOf: "2023-02-05").outcome.cause.threat?.releaseID == 2)
    }

    @Test("one release shipping two exposed capabilities: the necessity one is the cause")
    func twoCapabilitiesOneRelease() {
        let company = Self.company(exposures: [
            ExposureFact(capability: "agents", effect: .advantage), ExposureFact(capability: "file-upload", effect: .necessity),
        ])
        let release = Self.release(1, Self.chatgpt, on: "2023-02-01", ["agents", "file-upload"])
        let result = assess(company, [release], asOf: "2023-02-02")
        #expect(result.outcome.cause.threat?.capability == "file-upload")
        #expect(result.status == .replaced)
    }

    @Test("two threats of different effects on different days: the earlier decides the status")
    func differentEffects() {
        let company = Self.company(exposures: [
            ExposureFact(capability: "agents", effect: .advantage), ExposureFact(capability: "file-upload", effect: .necessity),
        ])
        let advantage = Self.release(1, Self.chatgpt, on: "2023-02-01", ["agents"])
        let necessity = Self.release(2, Self.claude, on: "2023-02-15", ["file-upload"])
        #expect(assess(company, [advantage, necessity], asOf: "2023-03-01").status == .rebuild)
        #expect(assess(company, [necessity], asOf: "2023-03-01").status == .replaced)
    }

    // MARK: Rule 6: status

    @Test("replaced carries a runway from the threat's date")
    func replacedRunway() {
        let result = assess(Self.company(since: "2023-05-01", runway: 3), [Self.release(1, Self.chatgpt, on: "2023-07-06", ["file-upload"])],
                            asOf: "2023-07-10")
        #expect(result.status == .replaced)
        #expect(result.outcome.runwayEnd?.iso == "2023-10-06")
        #expect(result.daysRemaining == -4)
    }

    @Test("rebuild for an advantage threat, with no runway")
    func rebuild() {
        let company = Self.company(exposures: [ExposureFact(capability: "function-calling", effect: .advantage)])
        let result = assess(company, [Self.release(1, Self.gpt4, on: "2023-02-01", ["function-calling"])], asOf: "2023-02-01")
        #expect(result.status == .rebuild)
        #expect(result.outcome.runwayEnd == nil)
    }

    @Test("elapsed once the tier estimate runs out with no threat")
    func elapsed() {
        #expect(assess(Self.company(), [], asOf: "2023-04-15").status == .elapsed)
        #expect(assess(Self.company(), [], asOf: "2023-04-14").status == .atRisk)
    }

    @Test("at-risk within the warning window of the end; alive outside it", arguments: [
        ("2023-03-16", 30, LifelineStatus.atRisk), ("2023-03-15", 30, .alive), ("2023-03-15", 31, .atRisk),
        ("2023-04-10", 0, .alive), ("2023-04-15", 0, .elapsed),
    ])
    func warningWindow(asOf: String, warnDays: Int, status: LifelineStatus) {
        #expect(assess(Self.company(), [], asOf: asOf, warnDays: warnDays).status == status)
    }

    @Test("an announced threat still in the future puts the company at risk")
    func announcedFutureThreat() {
        let announced = Self.release(1, Self.chatgpt, on: "2023-03-01", ["file-upload"], announced: "2023-02-10")
        let result = assess(Self.company(), [announced], asOf: "2023-02-15")
        #expect(result.status == .atRisk)
        #expect(result.daysRemaining == 14)
        #expect(result.outcome.lifelineEnd.iso == "2023-03-01")
        #expect(result.outcome.runwayEnd == nil)
    }

    // MARK: Rule 1: the lifeline in force

    @Test("before its first lifeline began, a company is not in the portfolio: no assessment")
    func notBegun() {
        #expect(LifelineEngine.assess(Self.company(since: "2024-01-01"), releases: [], asOf: Self.date("2023-12-31")) == nil)
        #expect(LifelineEngine.assess(Self.company(since: "2024-01-01"), releases: [], asOf: Self.date("2024-01-01")) != nil)
    }

    /// Deck of the trial: tier 6 from 2023-03-01, exposed to office integration; ended
    /// by a release on 2023-06-01, rebuilt on 2024-06-01 with an exposure to agents only.
    static let deck = CompanyFacts(id: 1, slug: "deck", lifelines: [
        LifelineFacts(
            start: date("2023-03-01"), tier: .sixMonths, runwayMonths: 3,
            exposures: [ExposureFact(capability: "office-integration", effect: .advantage)]),
        LifelineFacts(
            start: date("2024-06-01"), tier: .sixMonths, runwayMonths: 3, exposures: [ExposureFact(capability: "agents", effect: .necessity)]),
    ])

    @Test("a backtest uses the lifeline in force then, with its own exposures: rebuild since the threat, not the later lifeline")
    func lifelineInForce() {
        let copilot = Self.release(1, ModelReference(provider: "microsoft", model: "copilot"), on: "2023-06-01", ["office-integration"])
        let agents = Self.release(2, Self.gpt4, on: "2023-09-01", ["agents"])
        let during = assess(Self.deck, [copilot, agents], asOf: "2023-12-01")
        #expect(during.status == .rebuild)
        #expect(during.outcome.lifelineStart == Self.date("2023-03-01"))
        #expect(during.outcome.cause.threat?.releaseID == 1, "agents did not threaten the first lifeline")
        let after = assess(Self.deck, [copilot, agents], asOf: "2024-07-01")
        #expect(after.status == .alive)
        #expect(after.outcome.lifelineStart == Self.date("2024-06-01"))
        #expect(after.outcome.lifelineEnd == Self.date("2024-12-01"), "releases before the new start do not count")
    }

    // MARK: Rule 10: closed

    @Test("closed from its closing date; before it, the lifeline as usual")
    func closedFromItsDate() {
        let company = CompanyFacts(
            id: 1, slug: "co", lifelines: Self.company(since: "2023-01-01", tier: .twelveMonths).lifelines, closedOn: Self.date("2023-06-01"))
        #expect(assess(company, [], asOf: "2023-05-31").status == .alive)
        let closed = assess(company, [], asOf: "2023-06-01")
        #expect(closed.status == .closed)
        #expect(closed.outcome.cause == .closed)
        #expect(closed.outcome.lifelineEnd == Self.date("2023-06-01"))
        #expect(closed.outcome.runwayEnd == nil)
    }

    @Test("a closed company keeps the threat that ended its lifeline first, and only a threat before the closing")
    func closedAfterAThreat() {
        let company = CompanyFacts(
            id: 1, slug: "co",
            lifelines: Self.company(since: "2023-01-01", exposures: [ExposureFact(capability: "file-upload", effect: .necessity)]).lifelines,
            closedOn: Self.date("2023-03-01"))
        let before = Self.release(1, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        let ended = assess(company, [before], asOf: "2023-04-01")
        #expect(ended.status == .closed)
        #expect(ended.outcome.cause.threat?.releaseID == 1)
        #expect(ended.outcome.lifelineEnd == Self.date("2023-02-01"))
        let after = Self.release(2, Self.chatgpt, on: "2023-03-15", ["file-upload"])
        #expect(assess(company, [after], asOf: "2023-04-01").outcome.cause == .closed)
    }

    // MARK: Rule 7: opportunities

    @Test("capabilities shipped on a dependency that the company is not exposed to are opportunities")
    func opportunities() {
        let releases = [
            Self.release(1, Self.gpt4, on: "2023-06-13", ["function-calling", "file-upload"]),
            Self.release(2, Self.claude, on: "2023-06-14", ["vision"]),
            Self.release(3, Self.gpt4, on: "2022-12-01", ["vision"]),
        ]
        let result = assess(Self.company(since: "2023-05-01"), releases, asOf: "2023-07-01")
        #expect(result.opportunities == [
            Opportunity(releaseID: 1, model: Self.gpt4, releasedOn: Self.date("2023-06-13"), capability: "function-calling")
        ])
        #expect(result.outcome.cause.threat?.releaseID == 1)
    }

    @Test("an adopted capability is no opportunity from the adoption date, and still one before it")
    func adoptedIsNoOpportunity() {
        let base = Self.company(since: "2023-05-01", exposures: [])
        let company = CompanyFacts(
            id: base.id, slug: base.slug, lifelines: base.lifelines,
            adoptions: [AdoptionFact(capability: "function-calling", adoptedOn: Self.date("2023-07-01"))])
        let releases = [
            Self.release(1, Self.gpt4, on: "2023-06-13", ["function-calling", "file-upload"]),
            Self.release(2, Self.gpt4, on: "2023-07-20", ["function-calling"]),
        ]
        #expect(assess(company, releases, asOf: "2023-06-30").opportunities.map(\.capability) == ["file-upload", "function-calling"])
        #expect(assess(company, releases, asOf: "2023-08-01").opportunities.map(\.capability) == ["file-upload"])
    }

    // MARK: Rule 8: rebuilds start a new lifeline

    @Test("after a rebuild only threats on or after the new start count")
    func rebuildThenNewThreat() {
        let company = Self.company(exposures: [ExposureFact(capability: "function-calling", effect: .advantage)])
        let old = Self.release(1, Self.gpt4, on: "2023-02-01", ["function-calling"])
        #expect(assess(company, [old], asOf: "2023-03-01").status == .rebuild)
        let rebuilt = Self.company(since: "2023-03-01", tier: .sixMonths, exposures: company.lifelines[0].exposures)
        #expect(assess(rebuilt, [old], asOf: "2023-03-10").status == .alive)
        let new = Self.release(2, Self.claude, on: "2023-05-01", ["function-calling"])
        let result = assess(rebuilt, [old, new], asOf: "2023-05-02")
        #expect(result.status == .rebuild)
        #expect(result.outcome.cause.threat?.releaseID == 2)
    }

    // MARK: Rule 9: dismissals

    @Test("a dismissed threat does not count until its date, and counts again after")
    func dismissals() {
        let release = Self.release(1, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        let company = Self.company(dismissals: [DismissalFact(releaseID: 1, until: Self.date("2023-03-01"))])
        let during = assess(company, [release], asOf: "2023-02-28")
        #expect(during.outcome.cause == .tier)
        #expect(during.dismissedThreats.map(\.releaseID) == [1])
        #expect(assess(company, [release], asOf: "2023-03-01").status == .replaced)
        let forever = Self.company(dismissals: [DismissalFact(releaseID: 1)])
        #expect(assess(forever, [release], asOf: "2030-01-01").status == .elapsed)
    }

    @Test("a dismissal of one release leaves the next threat in force")
    func dismissalExposesNextThreat() {
        let first = Self.release(1, Self.chatgpt, on: "2023-02-01", ["file-upload"])
        let second = Self.release(2, Self.claude, on: "2023-02-20", ["file-upload"])
        let company = Self.company(dismissals: [DismissalFact(releaseID: 1)])
        #expect(assess(company, [first, second], asOf: "2023-03-01").outcome.cause.threat?.releaseID == 2)
    }

    @Test("days remaining are end minus as-of, negative when past")
    func daysRemaining() {
        #expect(assess(Self.company(), [], asOf: "2023-01-15").daysRemaining == 90)
        #expect(assess(Self.company(), [], asOf: "2023-05-15").daysRemaining == -30)
    }
}
