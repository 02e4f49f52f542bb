import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Properties of reassessment on generated portfolios: the answer depends only on the
/// facts and the date, not on the order they were logged in, and reassessing only the
/// companies a change affects agrees with reassessing everything.
@Suite("Reassessment properties on generated portfolios")
struct ReassessmentPropertyTests {
    /// SplitMix64: small, seeded, the same on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let providers = ["openai", "anthropic", "google"]
    static let models = providers.flatMap { provider in ["a", "b"].map { ModelReference(provider: provider, model: "\(provider)-\($0)") } }
    static let capabilities = ["file-upload", "function-calling", "agents", "vision", "long-context", "voice"]

    struct CompanyPlan {
        let slug: String
        let tier: String
        let since: CivilDate
        let runway: Int
        let dependencies: [ModelReference]
        let exposures: [(capability: String, effect: Effect, providers: [String])]
    }

    /// A random but reproducible portfolio: companies, releases, and a few releases that
    /// are logged and later removed (noise that must leave no trace).
    struct Plan {
        var companies: [CompanyPlan] = []
        var releases: [ReleaseRequest] = []
        var noise: [ReleaseRequest] = []

        init(seed: UInt64) {
            var random = SeededGenerator(state: seed)
            var splitting = SeededGenerator(state: seed ^ 0x5EED)
            let base = CivilDate(iso: "2023-01-01")!
            for index in 0..<25 {
                let dependencies = Array(ReassessmentPropertyTests.models.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
                let exposed = ReassessmentPropertyTests.capabilities.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
                companies.append(CompanyPlan(
                    slug: "company-\(index)", tier: ["3", "6", "12"].randomElement(using: &random)!,
                    since: base.adding(days: Int.random(in: 0...300, using: &random)),
                    runway: Int.random(in: 0...6, using: &random), dependencies: dependencies,
                    exposures: exposed.flatMap { capability in
                        let scoped = Int.random(in: 0..<4, using: &random) == 0
                        let effect: Effect = Bool.random(using: &random) ? .advantage : .necessity
                        let first = (capability, effect, scoped ? [ReassessmentPropertyTests.providers.randomElement(using: &random)!] : [])
                        // One in four is split by provider: the other effect for one more
                        // provider, or for the rest. Drawn from a generator of its own, so
                        // that the rest of the plan is what each seed always gave.
                        guard Int.random(in: 0..<4, using: &splitting) == 0 else { return [first] }
                        let provider = ReassessmentPropertyTests.providers.filter { !first.2.contains($0) }.randomElement(using: &splitting)!
                        return [first, (capability, effect == .advantage ? .necessity : .advantage, scoped ? [] : [provider])]
                    }))
            }
            var usedDays = Set<String>()
            func request() -> ReleaseRequest {
                while true {
                    let model = ReassessmentPropertyTests.models.randomElement(using: &random)!
                    let day = base.adding(days: Int.random(in: 0...600, using: &random))
                    guard usedDays.insert("\(model) \(day)").inserted else { continue }
                    let retire = Int.random(in: 0..<10, using: &random) == 0
                    let announced = Int.random(in: 0..<4, using: &random) == 0 ? day.adding(days: -Int.random(in: 1...60, using: &random)) : nil
                    return ReleaseRequest(
                        model: model, releasedOn: day,
                        capabilities: retire ? [] : Array(ReassessmentPropertyTests.capabilities.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))),
                        kind: retire ? .retirement : .capability, announcedOn: announced)
                }
            }
            for _ in 0..<40 { releases.append(request()) }
            for _ in 0..<5 { noise.append(request()) }
        }
    }

    static func emptyPortfolio(today: CivilDate) throws -> Portfolio {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        let portfolio = Portfolio(database: database, today: today)
        for provider in providers { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in models { _ = try portfolio.catalogue.addModel(model, name: nil, kind: .api) }
        // One dated snapshot (google-b of google-a), so that every property holds through snapshots too.
        try portfolio.catalogue.setSnapshot(models[5], of: models[4])
        // And one host, whose releases threaten only exposures that name it.
        try portfolio.catalogue.setRole(of: "google", to: .host)
        return portfolio
    }

    /// The plan of `seed`, companies first, then its releases, as of `today`.
    static func loggedPortfolio(seed: UInt64, today: CivilDate) throws -> Portfolio {
        let plan = Plan(seed: seed)
        let portfolio = try emptyPortfolio(today: today)
        for company in plan.companies { try addCompany(company, to: portfolio) }
        for request in plan.releases { _ = try portfolio.catalogue.logRelease(request) }
        return portfolio
    }

    /// Adds the company of `plan`, its lifeline starting no later than the portfolio's
    /// today (no lifeline may start in the future).
    static func addCompany(_ plan: CompanyPlan, to portfolio: Portfolio) throws {
        let since = min(plan.since, portfolio.today)
        _ = try portfolio.companies.addCompany(slug: plan.slug, fields: CompanyFields(tier: plan.tier, since: since.iso, runwayMonths: String(plan.runway)))
        _ = try portfolio.companies.addDependencies(company: plan.slug, models: plan.dependencies)
        for exposure in plan.exposures {
            _ = try portfolio.companies.setExposure(company: plan.slug, capability: exposure.capability, effect: exposure.effect, providers: exposure.providers)
        }
    }

    /// Each company's current outcome, with the cause named by what the release is
    /// (model, date, capability) rather than by its id, which depends on logging order.
    static func outcomes(_ portfolio: Portfolio) throws -> [String: String] {
        try portfolio.reports.currentAssessments().mapValues { stored in
            let outcome = stored.outcome
            let cause = outcome.cause.threat.map { "\($0.model) \($0.releasedOn) \($0.capability ?? "retired") \($0.effect?.rawValue ?? "")" } ?? "tier"
            return "\(outcome.status.rawValue) \(outcome.lifelineStart) \(outcome.lifelineEnd) \(outcome.runwayEnd?.iso ?? "-") \(cause)"
        }
    }

    @Test("logging the same facts in another order gives the same assessments", arguments: [
        (UInt64(1), "2023-06-01"), (2, "2023-09-15"), (3, "2024-01-31"), (4, "2024-06-30"), (5, "2023-03-01"),
    ])
    func orderIndependence(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let plan = Plan(seed: seed)

        // In logging order: companies first, then releases, with noise logged and removed.
        let first = try Self.emptyPortfolio(today: today)
        for company in plan.companies { try Self.addCompany(company, to: first) }
        for (index, request) in plan.releases.enumerated() {
            _ = try first.catalogue.logRelease(request)
            if index < plan.noise.count {
                let noise = try first.catalogue.logRelease(plan.noise[index]).value.release
                _ = try first.catalogue.removeRelease(id: noise.id, confirmed: true)
            }
        }

        // Reversed: releases first, newest first, then companies in reverse.
        var random = SeededGenerator(state: seed &* 31)
        let second = try Self.emptyPortfolio(today: today)
        for request in plan.releases.shuffled(using: &random) { _ = try second.catalogue.logRelease(request) }
        for company in plan.companies.reversed() { try Self.addCompany(company, to: second) }

        let outcomes = try Self.outcomes(first)
        #expect(outcomes.count == plan.companies.count)
        #expect(outcomes == (try Self.outcomes(second)))
        // One company's current assessment, read from its own history, is the one the
        // whole portfolio's list has for it.
        let current = try first.reports.currentAssessments()
        for company in plan.companies { #expect(try first.reports.currentAssessment(company.slug) == current[company.slug]) }
    }

    @Test("what-if: a release before a lifeline's start or on its natural end changes nothing, the day before the end does, a clamped month end too")
    func whatIfWindow() throws {
        let today = CivilDate(iso: "2024-06-30")!
        let portfolio = try Self.emptyPortfolio(today: today)
        // Jan 31 plus 3 months is Apr 30 for lifeline; SQLite's arithmetic makes it May 1.
        _ = try portfolio.companies.addCompany(slug: "month-end", fields: CompanyFields(tier: "3", since: "2024-01-31"))
        _ = try portfolio.companies.setExposure(company: "month-end", capability: "vision", effect: .necessity, providers: [])
        func victims(on day: String) throws -> [String] {
            try portfolio.reports.whatIf(model: Self.models[0], capabilities: ["vision"], on: CivilDate(iso: day)!, asOf: today)
                .map { "\($0.after.company) \($0.after.status.rawValue)" }
        }
        #expect(try victims(on: "2024-01-30") == [], "before the start")
        #expect(try victims(on: "2024-01-31") == ["month-end replaced"], "on the start")
        #expect(try victims(on: "2024-04-29") == ["month-end replaced"], "the day before the natural end")
        #expect(try victims(on: "2024-04-30") == [], "on the natural end, the tier ran out first")
        #expect(try victims(on: "2024-05-01") == [])
    }

    @Test("what-if names exactly the companies whose outcome logging the release would change", arguments: [
        (UInt64(31), "2023-08-01"), (32, "2024-02-29"), (33, "2024-12-31"),
    ])
    func whatIfAgrees(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        // The outcome with the cause named by what the release is: the hypothetical
        // release has no id of its own.
        func described(_ outcome: Assessment.Outcome) -> String {
            let cause = outcome.cause.threat.map { "\($0.model) \($0.releasedOn) \($0.capability ?? "retired") \($0.effect?.rawValue ?? "")" } ?? "tier"
            return "\(outcome.status.rawValue) \(outcome.lifelineEnd) \(outcome.runwayEnd?.iso ?? "-") \(cause)"
        }
        var random = SeededGenerator(state: seed &* 7)
        for _ in 0..<12 {
            let model = Self.models.randomElement(using: &random)!
            let shipped = Array(Self.capabilities.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
            let date = CivilDate(iso: "2023-01-01")!.adding(days: Int.random(in: 0...700, using: &random))
            let asOf = max(date, today)
            let predicted = try portfolio.reports.whatIf(model: model, capabilities: shipped, on: date, asOf: asOf)

            let before = try portfolio.reports.liveOutcomes(asOf: asOf).all
            var after: [Int64: Assessment.Outcome] = [:]
            try portfolio.rollingBack {
                _ = try portfolio.catalogue.logRelease(ReleaseRequest(model: model, releasedOn: date, capabilities: shipped, ifNew: true))
                after = try portfolio.reports.liveOutcomes(asOf: asOf).all
            }
            let changed = after.filter { id, outcome in before[id] != outcome }
            #expect(Set(predicted.map(\.after.companyID)) == Set(changed.keys), "\(model) \(shipped) \(date)")
            for impact in predicted {
                #expect(described(impact.before.outcome) == before[impact.before.companyID].map(described))
                #expect(described(impact.after.outcome) == changed[impact.after.companyID].map(described))
            }
        }
    }

    @Test("a report without the timeline says what the full one says", arguments: [
        (UInt64(43), "2024-08-31"), (44, "2024-08-31"), (45, "2024-07-31"), (47, "2024-05-31"),
    ])
    func leanReportAgrees(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let full = try portfolio.reports.report(asOf: today, timeline: .every)
        let lean = try portfolio.reports.report(asOf: today, timeline: .recentOnly)
        let since = today.adding(days: -full.recentDays)
        // The window alone holds the newest opportunities here: the lean report's first
        // pass is the one that answers.
        #expect(full.newestOpportunities.count == PortfolioReport.opportunityCount)
        #expect(full.newestOpportunities.allSatisfy { $0.opportunity.releasedOn >= since })
        #expect(lean.newestOpportunities.map(\.company) == full.newestOpportunities.map(\.company))
        #expect(lean.newestOpportunities.map(\.opportunity) == full.newestOpportunities.map(\.opportunity))
        #expect(lean.companies.map(\.assessment.outcome) == full.companies.map(\.assessment.outcome))
        #expect(lean.recentReleases.map { $0.hits.map(\.company) } == full.recentReleases.map { $0.hits.map(\.company) })
        #expect(lean.recentReleases.map { $0.hits.map(\.threat) } == full.recentReleases.map { $0.hits.map(\.threat) })
    }

    @Test("computed in small chunks on several threads, the assessments and the report are those computed on one", arguments: [
        (UInt64(43), "2024-08-31"), (45, "2024-07-31"),
    ])
    func threadsAgree(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let chunked = Portfolio(database: portfolio.database, today: today)
        chunked.engineChunkSize = 3
        func assessments(_ portfolio: Portfolio) throws -> [Assessment] {
            var assessments: [Assessment] = []
            try portfolio.reassessment.forEachAssessment(.all, asOf: today, warnDays: 30, details: true) { assessments.append($0) }
            return assessments
        }
        let inline = try assessments(portfolio)
        #expect(try assessments(chunked) == inline)
        #expect(inline.map(\.companyID) == inline.map(\.companyID).sorted(), "in company id order")
        let one = try portfolio.reports.report(asOf: today, timeline: .recentOnly)
        let several = try chunked.reports.report(asOf: today, timeline: .recentOnly)
        #expect(several.companies.map(\.assessment) == one.companies.map(\.assessment))
        #expect(several.newestOpportunities.map(\.company) == one.newestOpportunities.map(\.company))
        #expect(several.newestOpportunities.map(\.opportunity) == one.newestOpportunities.map(\.opportunity))
        #expect(several.recentReleases.map { $0.hits.map(\.company) } == one.recentReleases.map { $0.hits.map(\.company) })
    }

    @Test("the report's changes since the last nightly run are what the whole history gives", arguments: [
        UInt64(61), 62,
    ])
    func reportChangesAgreeWithHistory(seed: UInt64) throws {
        // Releases logged first; each company added on its lifeline's first day, between
        // nightly runs as months pass, and a release logged between two of them.
        let plan = Plan(seed: seed)
        let database = try Self.emptyPortfolio(today: CivilDate(iso: "2023-01-01")!).database
        for request in plan.releases { _ = try Portfolio(database: database, today: CivilDate(iso: "2023-01-01")!).catalogue.logRelease(request) }
        var companies = plan.companies.sorted { $0.since < $1.since }[...]
        for month in ["2023-06-01", "2023-08-01", "2023-10-01"] {
            let day = CivilDate(iso: month)!
            while let company = companies.first, company.since <= day {
                try Self.addCompany(company, to: Portfolio(database: database, today: company.since))
                companies = companies.dropFirst()
            }
            _ = try Portfolio(database: database, today: day).reassessment.reassessAll(asOf: day)
        }
        for company in companies { try Self.addCompany(company, to: Portfolio(database: database, today: company.since)) }
        _ = try Portfolio(database: database, today: CivilDate(iso: "2023-10-15")!).catalogue.logRelease(ReleaseRequest(
            model: Self.models[0], releasedOn: CivilDate(iso: "2023-10-14")!, capabilities: ["vision"], kind: .capability))
        let today = CivilDate(iso: "2023-12-01")!
        let portfolio = Portfolio(database: database, today: today)
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        for asOf in [today, CivilDate(iso: "2023-10-20")!, CivilDate(iso: "2023-08-15")!] {
            let report = try portfolio.reports.report(asOf: asOf, timeline: .recentOnly)
            let lastNightly = try #require(report.lastNightlyRun)
            // The history read whole, in date and run order (by company within a run).
            var expected: [(String, LifelineStatus?, StoredAssessment)] = []
            var previous: [String: LifelineStatus] = [:]
            let history = try portfolio.reports.storedAssessments(latestOnly: false, companyID: nil)
            for stored in history.sorted(by: { ($0.asOf, $0.runID, $0.company) < ($1.asOf, $1.runID, $1.company) }) {
                if stored.runID >= lastNightly.id && stored.asOf <= asOf { expected.append((stored.company, previous[stored.company], stored)) }
                previous[stored.company] = stored.outcome.status
            }
            #expect(!expected.isEmpty)
            #expect(report.recentChanges.map(\.company) == expected.map(\.0))
            #expect(report.recentChanges.map(\.previousStatus) == expected.map(\.1))
            #expect(report.recentChanges.map(\.stored) == expected.map(\.2))
            #expect(report.recentChangeCount == expected.count)
            #expect(expected.contains { $0.1 != nil }, "some changes have a status before them")
            // Asked to list fewer, the report lists the first of the same changes and counts them all.
            for limit in [1, expected.count - 1, expected.count] {
                var companiesSeen = -1
                let listing = try portfolio.reports.report(asOf: asOf, timeline: .recentOnly) { companies in
                    companiesSeen = companies
                    return limit
                }
                #expect(companiesSeen == report.companies.count)
                #expect(listing.recentChanges.map(\.company) == expected.prefix(limit).map(\.0))
                #expect(listing.recentChanges.map(\.previousStatus) == expected.prefix(limit).map(\.1))
                #expect(listing.recentChangeCount == expected.count)
            }
        }
    }

    @Test("the nightly fast path (date-ordered runs, no details) decides as the full path does", arguments: [
        (UInt64(21), "2023-08-01"), (22, "2024-02-29"), (23, "2024-12-31"),
    ])
    func fastPathAgrees(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let full = try portfolio.reassessment.computeAssessments(.all, asOf: today, warnDays: 30)
        var fast: [Assessment] = []
        try portfolio.reassessment.forEachAssessment(.all, asOf: today, warnDays: 30, details: false) { fast.append($0) }
        #expect(full.map(\.outcome) == fast.map(\.outcome))
        #expect(full.contains { $0.outcome.cause != .tier })
    }

    @Test("details from a date: the same outcome, the opportunities from that date on, and the threats from it while the lifeline runs", arguments: [
        (UInt64(51), "2023-08-01"), (52, "2024-02-29"), (53, "2024-12-31"),
    ])
    func detailsFromAgree(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let companies = try portfolio.reassessment.companyFacts(.all)
        let releases = try portfolio.reassessment.releaseFacts(concerning: companies)
        let index = Reassessment.ReleaseIndex(dateOrdered: releases)
        // Dates with releases on them among the boundaries: a list that starts a day late
        // must show.
        let froms = [today, today.adding(days: -30), today.adding(days: -400)]
            + stride(from: 0, to: releases.count, by: 5).map { releases[$0].releasedOn }
        var listedSomewhere = 0
        for company in companies {
            // Every release, unordered and in one run: nothing is left early.
            let full = LifelineEngine.assess(company, releases: releases.reversed(), asOf: today)
            for from in froms {
                let lean = LifelineEngine.assess(
                    company, runs: index.releases(concerning: company, asOf: today), runsAreDateOrdered: true, asOf: today,
                    detailsFrom: from)
                #expect(lean?.outcome == full?.outcome, "\(company.slug) from \(from)")
                // Of a lifeline that ended, only the cause matters, and the outcome holds it.
                let runs = full?.status.isRunning == true
                #expect(lean?.threats == (runs ? full?.threats.filter { $0.releasedOn >= from } : []), "\(company.slug) from \(from)")
                #expect(lean?.dismissedThreats == (runs ? full?.dismissedThreats.filter { $0.releasedOn >= from } : []))
                #expect(lean?.opportunities == full?.opportunities.filter { $0.releasedOn >= from }, "\(company.slug) from \(from)")
                listedSomewhere += (lean?.threats.count ?? 0) + (lean?.opportunities.count ?? 0)
            }
        }
        #expect(listedSomewhere > 0)
    }

    @Test("the releases gathered for one company are each there once, and decide as all of them do", arguments: [
        (UInt64(61), "2023-08-01"), (62, "2024-02-29"), (63, "2024-12-31"),
    ])
    func releasesForOneCompany(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let companies = try portfolio.reassessment.companyFacts(.all)
        let all = try portfolio.reassessment.releaseFacts(concerning: companies)
        var retirementsLeftOut = 0
        for company in companies {
            let gathered = try portfolio.reassessment.releaseFacts(concerning: [company])
            #expect(Set(gathered.map(\.id)).count == gathered.count, "\(company.slug): each release once")
            // Everything from its lifeline's start, and before it the retirements of the
            // models it depends on (another model's cannot take away a fallback of its).
            let dependencies = company.lifelines.flatMap(\.dependencies)
            let expected = all.filter { release in
                release.releasedOn >= company.firstStart
                    || (release.kind == .retirement && dependencies.contains(release.model))
            }
            #expect(gathered.map(\.id) == expected.map(\.id), "\(company.slug)")
            retirementsLeftOut += all.filter { $0.kind == .retirement && $0.releasedOn < company.firstStart }.count
                - expected.filter { $0.releasedOn < company.firstStart }.count
            let alone = LifelineEngine.assess(company, releases: gathered, asOf: today)
            let withAll = LifelineEngine.assess(company, releases: all, asOf: today)
            #expect(alone?.outcome == withAll?.outcome, "\(company.slug)")
            #expect(alone?.threats == withAll?.threats, "\(company.slug)")
        }
        #expect(retirementsLeftOut > 0, "some company has earlier retirements of models it does not depend on")
    }

    @Test("the threats view and the engine agree on what threatens each company, split exposures too", arguments: [
        (UInt64(71), "2023-08-01"), (72, "2024-02-29"), (73, "2024-12-31"),
    ])
    func threatsViewAgrees(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        let companies = try portfolio.reassessment.companyFacts(.all)
        let known = try portfolio.reassessment.releaseFacts(concerning: companies).filter { $0.knownOn <= today }
        var fromEngine = Set<String>()
        for company in companies {
            let lifeline = company.lifelines.last!
            for release in known where release.releasedOn >= lifeline.start {
                for threat in LifelineEngine.threats(from: release, to: lifeline, knownReleases: known) {
                    fromEngine.insert("\(company.slug) \(threat.releaseID) \(threat.capability ?? "-") \(threat.effect?.rawValue ?? "-")")
                }
            }
        }
        let fromView = Set(try portfolio.database.fetchAll(sql: """
            SELECT company || ' ' || release_id || ' ' || coalesce(capability, '-') || ' ' || coalesce(effect, '-') FROM v_company_threats
            """) { try $0.get(0) as String })
        #expect(fromView == fromEngine)
        let split = companies.filter { company in
            let capabilities = company.lifelines.last!.exposures.map(\.capability)
            return Set(capabilities).count < capabilities.count
        }
        #expect(!split.isEmpty, "some company has a capability split by provider")
    }

    @Test("the releases touching the portfolio are those the whole threats view gives, dismissals and running lifelines too", arguments: [
        (UInt64(71), "2023-08-01"), (72, "2024-02-29"), (73, "2023-03-01"), (74, "2023-05-15"), (75, "2023-10-01"),
    ])
    func touchingReleasesAgreeWithTheView(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let portfolio = try Self.loggedPortfolio(seed: seed, today: today)
        // Dismiss the cause of every third company that has one, for good or for a while:
        // its threats become `dismissed`, and its lifeline may run again.
        let causes = try portfolio.database.fetchAll(sql: """
            SELECT company, cause_release_id FROM v_company_lifeline WHERE cause_release_id IS NOT NULL ORDER BY company
            """) { (try $0.get(0) as String, try $0.get(1) as Int64) }
        for (index, (company, release)) in causes.enumerated() where index % 3 == 0 {
            _ = try portfolio.companies.dismiss(
                company: company, releaseID: release, reason: "not a threat to us", until: index % 2 == 0 ? nil : today.adding(days: 30))
        }
        // What `release list --touching` meant when it asked the whole view at once.
        let fromTheWholeView = try portfolio.database.fetchAll(sql: """
            SELECT r.id FROM releases r JOIN models m ON m.id = r.model_id
            WHERE r.id IN (SELECT t.release_id FROM v_company_threats t JOIN v_company_lifeline l ON l.company = t.company
                           WHERE t.role = 'cause' OR (t.role != 'dismissed' AND l.status IN ('alive', 'at-risk')))
               OR EXISTS (
                  SELECT 1 FROM dependencies d JOIN companies c ON c.id = d.company_id
                  WHERE (d.model_id = r.model_id OR (r.kind != 'retirement' AND d.model_id = m.snapshot_of))
                    AND r.released_on >= c.lifeline_start
                    AND EXISTS (
                      SELECT 1 FROM release_capabilities x WHERE x.release_id = r.id
                      AND NOT EXISTS (SELECT 1 FROM exposures e WHERE e.company_id = c.id AND e.capability_id = x.capability_id)))
            ORDER BY r.released_on, r.id
            """) { try $0.get(0) as Int64 }
        #expect(try portfolio.catalogue.releases(touching: true).map(\.id) == fromTheWholeView)
        let statuses = Set(try portfolio.database.fetchAll(sql: "SELECT status FROM v_company_lifeline") { try $0.get(0) as String })
        #expect(statuses.contains("alive") || statuses.contains("at-risk"), "some lifeline still runs: \(statuses)")
        #expect(try portfolio.database.fetchOne(sql: "SELECT count(*) FROM v_company_threats WHERE role = 'dismissed'") { try $0.get(0) as Int } ?? 0 > 0)
    }

    @Test("releases logged in one batch (an import) reassess what a full run would", arguments: [
        (UInt64(14), "2023-08-01"), (15, "2024-06-30"), (16, "2023-03-01"), (17, "2024-01-15"), (18, "2023-11-30"),
    ])
    func batchEqualsFull(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let plan = Plan(seed: seed)
        let portfolio = try Self.emptyPortfolio(today: today)
        for company in plan.companies { try Self.addCompany(company, to: portfolio) }
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        let report = try portfolio.batch(trigger: "import") { session in
            for request in plan.releases { _ = try portfolio.catalogue.logRelease(request, in: session) }
        }.reassessment
        #expect(!report.changes.isEmpty)
        let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
        #expect(full.changes.isEmpty, "the batch missed \(full.changes.map(\.current.company))")
    }

    @Test("a retirement in a batch reaches the companies that depend on the model or on a snapshot of it, and a full run finds nothing more")
    func batchRetirement() throws {
        let today = CivilDate(iso: "2024-06-30")!
        let portfolio = try Self.emptyPortfolio(today: today)
        for (slug, model, since) in [
            ("on-base", Self.models[4], "2024-01-01"), ("on-snapshot", Self.models[5], "2024-01-01"),
            ("began-later", Self.models[4], "2024-04-01"), ("elsewhere", Self.models[0], "2024-01-01"),
        ] {
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "12", since: since))
            _ = try portfolio.companies.addDependencies(company: slug, models: [model])
        }
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        let report = try portfolio.batch(trigger: "import") { session in
            _ = try portfolio.catalogue.logRelease(
                ReleaseRequest(model: Self.models[4], releasedOn: CivilDate(iso: "2024-03-01")!, kind: .retirement), in: session)
        }.reassessment
        #expect(report.changes.map { "\($0.current.company) \($0.current.status.rawValue)" }.sorted()
            == ["on-base migrate", "on-snapshot migrate"])
        let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
        #expect(full.changes.isEmpty, "the batch missed \(full.changes.map(\.current.company))")
    }

    @Test("a batch reassesses only the companies whose exposure counts a release's provider (rule 4), and a full run finds nothing more")
    func batchProviderScopes() throws {
        let today = CivilDate(iso: "2024-06-30")!
        let portfolio = try Self.emptyPortfolio(today: today)
        // openai-a ships vision on 2024-03-01; google is a host.
        for (slug, providers) in [
            ("any-provider", [String]()), ("names-openai", ["openai"]), ("names-anthropic", ["anthropic"]),
            ("names-the-host", ["google"]),
        ] {
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "12", since: "2024-01-01"))
            _ = try portfolio.companies.setExposure(company: slug, capability: "vision", effect: .necessity, providers: providers)
        }
        _ = try portfolio.companies.addCompany(slug: "split", fields: CompanyFields(tier: "12", since: "2024-01-01"))
        _ = try portfolio.companies.setExposure(company: "split", capability: "vision", effect: .advantage, providers: ["anthropic"])
        _ = try portfolio.companies.setExposure(company: "split", capability: "vision", effect: .necessity, providers: [])
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        let report = try portfolio.batch(trigger: "import") { session in
            for (model, day) in [(Self.models[0], "2024-03-01"), (Self.models[4], "2024-04-01")] {
                _ = try portfolio.catalogue.logRelease(
                    ReleaseRequest(model: model, releasedOn: CivilDate(iso: day)!, capabilities: ["vision"], kind: .capability), in: session)
            }
        }.reassessment
        #expect(report.changes.map { "\($0.current.company) \($0.current.status.rawValue)" }.sorted()
            == ["any-provider replaced", "names-openai replaced", "names-the-host replaced", "split replaced"])
        #expect(report.companiesComputed == 4, "names-anthropic counts neither openai's release nor the host's")
        let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
        #expect(full.changes.isEmpty, "the batch missed \(full.changes.map(\.current.company))")
    }

    @Test("after every change, reassessing only the affected companies equals reassessing all", arguments: [
        (UInt64(11), "2023-08-01"), (12, "2024-02-29"), (13, "2023-12-31"),
    ])
    func incrementalEqualsFull(seed: UInt64, today: String) throws {
        let today = CivilDate(iso: today)!
        let plan = Plan(seed: seed)
        let portfolio = try Self.emptyPortfolio(today: today)
        func fullRecomputeFindsNothingNew(_ step: String) throws {
            let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
            #expect(full.changes.isEmpty, "after \(step): \(full.changes.map(\.current.company))")
        }
        for company in plan.companies.prefix(12) { try Self.addCompany(company, to: portfolio) }
        // A nightly run makes the assessments known to be current, so that logging a
        // release reassesses only the companies it can still end: that too is checked.
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        for (index, request) in plan.releases.enumerated() {
            let release = try portfolio.catalogue.logRelease(request).value.release
            try fullRecomputeFindsNothingNew("logging release \(release.id)")
            if index % 7 == 3 {
                _ = try portfolio.catalogue.removeRelease(id: release.id, confirmed: true)
                try fullRecomputeFindsNothingNew("removing release \(release.id)")
            }
        }
        for company in plan.companies.dropFirst(12) { try Self.addCompany(company, to: portfolio) }
        try fullRecomputeFindsNothingNew("adding companies")
        for company in plan.companies.prefix(6) {
            if let exposure = company.exposures.first {
                _ = try portfolio.companies.removeExposure(company: company.slug, capability: exposure.capability)
                try fullRecomputeFindsNothingNew("unexposing \(company.slug)")
            }
            _ = try portfolio.companies.editCompany(slug: company.slug, fields: CompanyFields(tier: "12"))
            try fullRecomputeFindsNothingNew("editing \(company.slug)")
            let start = min(company.since, today)
            if start.adding(days: 45) <= today {
                _ = try portfolio.companies.rebuildCompany(slug: company.slug, on: start.adding(days: 45), tier: nil, note: nil)
                try fullRecomputeFindsNothingNew("rebuilding \(company.slug)")
            }
            if start.adding(days: 100) <= today {
                _ = try portfolio.companies.renewCompany(slug: company.slug, on: start.adding(days: 90), tier: .threeMonths, runwayMonths: 1, note: nil)
                try fullRecomputeFindsNothingNew("renewing \(company.slug)")
                _ = try portfolio.companies.closeCompany(slug: company.slug, on: start.adding(days: 100), reason: .exit, note: nil)
                try fullRecomputeFindsNothingNew("closing \(company.slug)")
                if company.slug.hasSuffix("1") {
                    _ = try portfolio.companies.reopenCompany(slug: company.slug)
                    try fullRecomputeFindsNothingNew("reopening \(company.slug)")
                }
            }
            if company.dependencies.count > 1 {
                _ = try portfolio.companies.removeDependencies(company: company.slug, models: [company.dependencies[0]])
                try fullRecomputeFindsNothingNew("undepending \(company.slug)")
            }
        }
        // Reassessing everything for real now records no change either: idempotence.
        #expect(try portfolio.reassessment.reassessAll(asOf: today).changes.isEmpty)
    }

    @Test("after a backtest pulls the incremental window back, a night with many releases to look up computes everyone, as --full would")
    func incrementalAfterBacktest() throws {
        let today = CivilDate(iso: "2024-06-30")!
        let portfolio = try Self.loggedPortfolio(seed: 21, today: today)
        #expect(Plan(seed: 21).releases.count > Reassessment.mostReleasesLookedUp)
        _ = try portfolio.reassessment.reassessAll(asOf: today.adding(days: -1))
        _ = try portfolio.reassessment.reassessAll(asOf: CivilDate(iso: "2023-01-15")!)  // a backtest
        let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
        let nightly = try portfolio.reassessment.reassessAll(asOf: today)
        #expect(nightly.companiesComputed == nightly.companiesAssessed, "too many releases to look up one by one")
        #expect(nightly.changes == full.changes)
        // The rule itself: past `mostReleasesLookedUp` releases known in the period, every
        // company is due; a quiet night names its few.
        let reassessment = portfolio.reassessment
        #expect(try reassessment.companiesDue(since: CivilDate(iso: "2023-01-15")!, asOf: today, warnDays: 30) == nil)
        #expect(try reassessment.companiesDue(since: today.adding(days: -1), asOf: today, warnDays: 30) != nil)
    }
}
