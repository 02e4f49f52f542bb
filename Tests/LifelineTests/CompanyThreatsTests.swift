import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// `v_company_threats`: every open threat to a company's current lifeline, with its
/// role, and dismissing threats by what they are.
@Suite("Every open threat")
struct CompanyThreatsTests {
    let portfolio: Portfolio

    /// docuchat (6 months from 2023-03-01) is exposed to file-upload from anyone and to
    /// office-integration from Microsoft only; it builds on two models.
    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2023-09-01")!)
        for provider in ["openai", "anthropic", "microsoft"] { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in ["openai/gpt-4", "openai/chatgpt", "anthropic/claude-2", "microsoft/copilot"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        let companies = portfolio.companies
        _ = try companies.addCompany(slug: "docuchat", fields: CompanyFields(tier: "6", since: "2023-03-01"))
        _ = try companies.setExposure(company: "docuchat", capability: "file-upload", effect: .necessity, providers: [])
        _ = try companies.setExposure(company: "docuchat", capability: "office-integration", effect: .advantage, providers: ["microsoft"])
        _ = try companies.addDependencies(
            company: "docuchat", models: [ModelReference(provider: "openai", model: "gpt-4"), ModelReference(provider: "anthropic", model: "claude-2")])
        for (model, on, kind, capabilities, announced) in [
            ("openai/chatgpt", "2023-02-01", Release.Kind.capability, ["file-upload"], nil),  // before the lifeline
            ("openai/chatgpt", "2023-07-06", .capability, ["file-upload"], nil),  // the cause
            ("anthropic/claude-2", "2023-07-11", .capability, ["file-upload"], nil),  // later
            ("openai/chatgpt", "2023-08-01", .capability, ["office-integration"], nil),  // outside the scope
            ("openai/gpt-4", "2023-08-10", .retirement, [], nil),  // claude-2 is a fallback
            ("microsoft/copilot", "2023-11-01", .capability, ["office-integration"], "2023-08-20"),  // announced
        ] as [(String, String, Release.Kind, [String], String?)] {
            _ = try portfolio.catalogue.logRelease(ReleaseRequest(
                model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: on)!, capabilities: capabilities, kind: kind,
                announcedOn: announced.map { CivilDate(iso: $0)! }))
        }
    }

    func rows() throws -> [[SQLValue]] {
        try portfolio.database.fetchAll(sql: """
            SELECT release_id, capability, effect, dismissed_until, role FROM v_company_threats ORDER BY released_on, release_id
            """) { $0.values }
    }

    @Test("each threat once, with its role: the cause, later ones, announced ones; none out of scope or with a fallback")
    func roles() throws {
        #expect(try rows() == [
            [2, "file-upload", "necessity", .null, "cause"],
            [3, "file-upload", "necessity", .null, "later"],
            [6, "office-integration", "advantage", .null, "announced"],
        ])
        #expect(try portfolio.reports.threats(of: "docuchat").map(\.role) == [.cause, .later, .announced])
    }

    @Test("a retirement with no fallback left is a threat; a dismissal in force makes a threat 'dismissed'")
    func retirementsAndDismissals() throws {
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "anthropic", model: "claude-2"), releasedOn: CivilDate(iso: "2023-08-15")!, kind: .retirement))
        _ = try portfolio.companies.dismiss(company: "docuchat", releaseID: 2, reason: "on-premise", until: CivilDate(iso: "2024-01-01")!)
        let rows = try rows()
        #expect(rows.contains([2, "file-upload", "necessity", "2024-01-01", "dismissed"]))
        #expect(rows.contains([3, "file-upload", "necessity", .null, "cause"]))
        #expect(rows.contains([7, .null, .null, .null, "later"]), "\(rows)")
        #expect(!rows.contains { $0[0] == 5 }, "gpt-4's retirement had claude-2 to fall back on")
    }

    @Test("dismissing by capability dismisses every current threat that ships it, from the providers named")
    func dismissByCapability() throws {
        let anthropic = try portfolio.companies.dismiss(
            company: "docuchat", capability: "file-upload", providers: ["anthropic"], reason: "r", until: nil)
        #expect(anthropic.value == [3])
        let all = try portfolio.companies.dismiss(company: "docuchat", capability: "file-upload", providers: [], reason: "r", until: nil)
        #expect(all.value == [2, 3])
        #expect(all.reassessment.changes.map(\.current.status) == [.elapsed], "no threat left before its natural end, today")
        let none = #expect(throws: LifelineError.self) {
            try portfolio.companies.dismiss(company: "docuchat", capability: "vision", providers: [], reason: "r", until: nil)
        }
        #expect(none?.message == "no release threatens 'docuchat' with vision; the releases that threaten it: 2 (file-upload), 3 (file-upload), 6 (office-integration)")
        let before = try rows()
        #expect(throws: LifelineError.self) {
            try portfolio.companies.dismiss(company: "docuchat", capability: "file-upload", providers: ["googel"], reason: "r", until: nil)
        }
        #expect(try rows() == before)
    }

    @Test("the view gives the rows of 0009's, on a generated portfolio with nightly runs and dismissals, with no host and where no capability is split by provider")
    func sameRowsAsTheFirstView() throws {
        let today = CivilDate(iso: "2024-02-29")!
        let portfolio = try ReassessmentPropertyTests.loggedPortfolio(seed: 12, today: today)
        try portfolio.catalogue.setRole(of: "google", to: .lab)  // 0009 knew no hosts (0015)
        _ = try portfolio.reassessment.reassessAll(asOf: today)
        let threatened = try portfolio.database.fetchAll(sql: "SELECT company, release_id FROM v_company_threats WHERE role = 'later' LIMIT 3") {
            (try $0.get(0) as String, try $0.get(1) as Int64)
        }
        for (company, release) in threatened {
            _ = try portfolio.companies.dismiss(company: company, releaseID: release, reason: "test", until: nil)
        }
        let first = try #require(Schema.migrations.first { $0.version == 9 }).sql
        let definition = String(first[first.range(of: "CREATE VIEW v_company_threats AS")!.lowerBound...])
            .replacing("CREATE VIEW v_company_threats AS", with: "CREATE TEMP VIEW first_company_threats AS")
        try portfolio.database.executeScript(sql: definition)
        // 0009 knew one exposure per capability; a split one is 0013's (ExposuresPerProviderTests).
        let rows = { (view: String) in
            try portfolio.database.fetchAll(sql: """
                SELECT company, lifeline_start, release_id, released_on, announced_on, provider, model, capability, effect,
                       dismissed_until, role
                FROM \(view) WHERE company NOT IN (
                    SELECT c.slug FROM exposures e JOIN companies c ON c.id = e.company_id
                    GROUP BY e.company_id, e.capability_id HAVING count(*) > 1)
                ORDER BY company, release_id, capability
                """) { $0.values }
        }
        let now = try rows("v_company_threats")
        #expect(now.count > 100)
        #expect(Set(now.map { $0[10] }).count == 4, "causes, dismissed, announced and later threats")
        #expect(try rows("first_company_threats") == now)
    }
}
