import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// The incremental nightly run (only the companies whose outcome can have moved are
/// computed) must record exactly what a full run would, whatever happened in between:
/// changes through lifeline, days passing, releases announced ahead, dismissals
/// expiring, backtests, the clock going back, and writes by hand with SQL. So must
/// `company list`, which reads the recorded outcomes where it can.
@Suite("Incremental nightly runs")
struct IncrementalNightlyTests {
    typealias Properties = ReassessmentPropertyTests

    /// A portfolio on one in-memory database, as of any day.
    struct World {
        let database: Database
        var random: Properties.SeededGenerator
        var today: CivilDate
        /// The portfolio's `engineChunkSize`: below the number of companies, the
        /// engine runs a chunk ahead on a second thread.
        var chunkSize = Reassessment.assessmentRowsPerInsert
        var portfolio: Portfolio {
            let portfolio = Portfolio(database: database, today: today)
            portfolio.engineChunkSize = chunkSize
            return portfolio
        }

        init(seed: UInt64) throws {
            database = try Properties.emptyPortfolio(today: CivilDate(iso: "2023-01-01")!).database
            random = Properties.SeededGenerator(state: seed)
            today = CivilDate(iso: "2023-01-01")!
        }

        func stateIsCurrent() throws -> Bool {
            try database.fetchOne(sql: "SELECT current_since IS NOT NULL FROM assessment_state") { try $0.get(0) as Bool } ?? false
        }

        /// Checks that `company list`'s assessments as of today (from the recorded ones
        /// where they are current) are the engine's for every company; returns whether
        /// the recorded ones could be used.
        func checkLiveAssessments(_ step: String) throws -> Bool {
            let portfolio = self.portfolio
            let live = try portfolio.reports.liveOutcomes(asOf: today).all
            var computed: [Int64: Assessment.Outcome] = [:]
            try portfolio.reassessment.forEachAssessment(.all, asOf: today, warnDays: portfolio.warnDays, details: false) {
                computed[$0.companyID] = $0.outcome
            }
            #expect(live == computed, "after \(step), as of \(today): \(live.filter { computed[$0.key] != $0.value }.keys.sorted())")
            return try stateIsCurrent()
        }

        /// Runs the nightly job as of today, then checks that a full computation finds
        /// nothing it did not record; returns the run.
        func nightly(_ step: String) throws -> ReassessmentReport {
            let report = try portfolio.reassessment.reassessAll(asOf: today)
            let full = try portfolio.reassessment.reassessAll(asOf: today, dryRun: true, full: true)
            #expect(full.changes.isEmpty, "after \(step), as of \(today): the incremental run missed \(full.changes.map(\.current.company))")
            #expect(report.companiesAssessed == full.companiesAssessed)
            return report
        }
    }

    @Test("an incremental run records what a full run would, through every kind of change", arguments: [
        (UInt64(31), Reassessment.assessmentRowsPerInsert), (UInt64(32), Reassessment.assessmentRowsPerInsert), (UInt64(33), 2), (UInt64(34), 5),
    ])
    func agreesWithFullRuns(seed: UInt64, chunkSize: Int) throws {
        let plan = Properties.Plan(seed: seed)
        var world = try World(seed: seed)
        world.chunkSize = chunkSize
        for company in plan.companies.prefix(15) { try Properties.addCompany(company, to: world.portfolio) }
        _ = try world.nightly("adding companies")
        var incremental = 0
        var latestNightly = world.today
        var pending = plan.releases[...]
        var laterCompanies = plan.companies.dropFirst(15)[...]
        for step in 0..<60 {
            // Days pass, now and then the clock goes back a few days.
            let move = Int.random(in: 0..<8, using: &world.random) == 0 ? -Int.random(in: 1...5, using: &world.random)
                : Int.random(in: 1...25, using: &world.random)
            world.today = world.today.adding(days: move)
            let portfolio = world.portfolio
            let action: String
            switch Int.random(in: 0..<10, using: &world.random) {
            case 0...3 where !pending.isEmpty:
                let release = try portfolio.catalogue.logRelease(pending.removeFirst()).value.release
                action = "logging release \(release.id) of \(release.releasedOn)"
            case 4 where !laterCompanies.isEmpty:
                let company = laterCompanies.removeFirst()
                try Properties.addCompany(company, to: portfolio)
                action = "adding \(company.slug)"
            case 5:
                let threatened = try portfolio.reports.currentAssessments().filter { $0.value.outcome.cause.threat != nil }.sorted { $0.key < $1.key }
                guard let first = threatened.first, let threat = first.value.outcome.cause.threat else { continue }
                let slug = first.key
                _ = try portfolio.companies.dismiss(company: slug, releaseID: threat.releaseID, reason: "checked", until: world.today.adding(days: 20))
                action = "dismissing release \(threat.releaseID) for \(slug) for 20 days"
            case 6:
                try world.database.execute(sql: "UPDATE companies SET tier_months = 12 WHERE id = (SELECT min(id) FROM companies WHERE tier_months < 12)")
                action = "changing a tier by hand"
            case 7:
                _ = try portfolio.reassessment.reassessAll(asOf: world.today.adding(days: -Int.random(in: 10...200, using: &world.random)))
                action = "a backtest"
            case 8:
                try world.database.execute(sql: "DELETE FROM assessments WHERE id = (SELECT max(id) FROM assessments)")
                action = "deleting an assessment by hand"
            default:
                action = "nothing"
            }
            let wasCurrent = try world.checkLiveAssessments("step \(step), \(action)")
            let report = try world.nightly("step \(step), \(action)")
            if wasCurrent && report.companiesComputed < report.companiesAssessed { incremental += 1 }
            // Unless the clock went back, the run leaves the assessments known to be current.
            #expect(try world.stateIsCurrent() || world.today < latestNightly, "after the nightly run of step \(step)")
            latestNightly = max(latestNightly, world.today)
        }
        // The incremental path was taken, often: otherwise this test proves nothing. (When
        // it was, so was the reading of recorded outcomes by `liveOutcomes`.)
        #expect(incremental >= 20)
    }

    @Test("writes by hand make the next run a full one; lifeline's own writes do not")
    func handWritesForgetCurrentness() throws {
        var world = try World(seed: 41)
        let plan = Properties.Plan(seed: 41)
        for company in plan.companies.prefix(5) { try Properties.addCompany(company, to: world.portfolio) }
        _ = try world.nightly("adding companies")
        #expect(try world.stateIsCurrent())
        world.today = world.today.adding(days: 1)
        _ = try world.portfolio.catalogue.logRelease(plan.releases[0])
        #expect(try world.stateIsCurrent())
        for statement in [
            "UPDATE companies SET lifeline_start = '2023-02-01' WHERE id = 1",
            "DELETE FROM exposures WHERE id = (SELECT min(id) FROM exposures)",
            "INSERT INTO dependencies (company_id, model_id) SELECT 2, id FROM models WHERE id NOT IN (SELECT model_id FROM dependencies WHERE company_id = 2) LIMIT 1",
            "UPDATE releases SET released_on = date(released_on, '+1 day') WHERE id = 1",
            "DELETE FROM reassessment_runs WHERE id = (SELECT max(run_id) FROM assessments)",
        ] {
            _ = try world.nightly("resetting")
            #expect(try world.stateIsCurrent())
            try world.database.execute(sql: statement)
            #expect(try !world.stateIsCurrent(), "\(statement)")
            let report = try world.nightly(statement)
            #expect(report.companiesComputed == report.companiesAssessed, "\(statement)")
        }
        // A company's notes or investments change no outcome: the state is kept.
        try world.database.execute(sql: "UPDATE companies SET notes = 'met the founders' WHERE id = 1")
        try world.database.execute(sql: "INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-01-02', 100)")
        #expect(try world.stateIsCurrent())
    }

    @Test("a different warning window or --full computes every company")
    func fullRuns() throws {
        let world = try World(seed: 42)
        for company in Properties.Plan(seed: 42).companies.prefix(5) { try Properties.addCompany(company, to: world.portfolio) }
        _ = try world.nightly("adding companies")
        #expect(try world.portfolio.reassessment.reassessAll(asOf: world.today).companiesComputed == 0)
        #expect(try world.portfolio.reassessment.reassessAll(asOf: world.today, full: true).companiesComputed == 5)
        #expect(try world.portfolio.reassessment.reassessAll(asOf: world.today, warnDays: 10).companiesComputed == 5)
        #expect(try world.portfolio.reassessment.reassessAll(asOf: world.today, warnDays: 10).companiesComputed == 0)
    }

    // MARK: The rare cases, one by one

    static func company(_ slug: String, since: String, dependsOn models: [String], exposures: [(String, Effect)], in portfolio: Portfolio) throws {
        _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "6", since: since, runwayMonths: "3"))
        _ = try portfolio.companies.addDependencies(company: slug, models: models.map { ModelReference(provider: "openai", model: $0) })
        for (capability, effect) in exposures {
            _ = try portfolio.companies.setExposure(company: slug, capability: capability, effect: effect, providers: [])
        }
    }

    static func release(_ model: String, on date: String, _ capabilities: [String], announced: String? = nil) -> ReleaseRequest {
        ReleaseRequest(
            model: ModelReference(provider: "openai", model: model), releasedOn: CivilDate(iso: date)!, capabilities: capabilities,
            kind: capabilities.isEmpty ? .retirement : .capability, announcedOn: announced.flatMap(CivilDate.init(iso:)))
    }

    @Test("a lifeline that starts with its end within the warning window is at-risk from its start")
    func startingAtRisk() throws {
        var world = try World(seed: 0)
        _ = try world.portfolio.catalogue.logRelease(Self.release("openai-b", on: "2023-02-15", ["vision"], announced: "2023-01-02"))
        for day in ["2023-01-10", "2023-01-20", "2023-02-01", "2023-02-05"] {
            world.today = CivilDate(iso: day)!
            // Added on its first day, between two nightly runs.
            if day == "2023-02-01" {
                try Self.company("late", since: day, dependsOn: ["openai-a"], exposures: [("vision", .advantage)], in: world.portfolio)
            }
            _ = try world.nightly("the nightly run of \(day)")
        }
        #expect(try world.portfolio.reports.currentAssessments()["late"]?.outcome.status == .atRisk)
    }

    @Test("a release on the day of the current ending can still take its place")
    func sameDayThreat() throws {
        var world = try World(seed: 0)
        world.today = CivilDate(iso: "2023-09-01")!
        // The release first, so that the company has no assessment ending later.
        _ = try world.portfolio.catalogue.logRelease(Self.release("openai-b", on: "2023-03-01", ["vision"]))
        try Self.company("tied", since: "2023-01-01", dependsOn: ["openai-a"], exposures: [("vision", .advantage), ("agents", .necessity)], in: world.portfolio)
        _ = try world.nightly("the first run")
        #expect(try world.portfolio.reports.currentAssessments()["tied"]?.outcome.status == .rebuild)
        _ = try world.portfolio.catalogue.logRelease(Self.release("openai-a", on: "2023-03-01", ["agents"]))
        #expect(try world.portfolio.reports.currentAssessments()["tied"]?.outcome.status == .replaced)
    }

    @Test("a retirement before a lifeline's start can take away the fallback of a later one")
    func retirementBeforeStart() throws {
        var world = try World(seed: 0)
        world.today = CivilDate(iso: "2023-09-01")!
        try Self.company("two-models", since: "2023-06-01", dependsOn: ["openai-a", "openai-b"], exposures: [("voice", .advantage)], in: world.portfolio)
        _ = try world.portfolio.catalogue.logRelease(Self.release("openai-a", on: "2023-08-01", []))
        _ = try world.nightly("the first run")
        #expect(try world.portfolio.reports.currentAssessments()["two-models"]?.outcome.status == .alive)
        _ = try world.portfolio.catalogue.logRelease(Self.release("openai-b", on: "2023-05-01", []))
        #expect(try world.portfolio.reports.currentAssessments()["two-models"]?.outcome.status == .migrate)
    }
}
