import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Dated snapshots (issue 25, item 8): what `model add --snapshot-of` and `model edit`
/// accept, the schema's guard, and what a snapshot changes for the base's dependents and
/// its own, in the engine's assessments and in v_company_threats alike.
@Suite("Model snapshots")
struct ModelSnapshotsTests {
    let portfolio: Portfolio
    static let turbo = ModelReference(provider: "openai", model: "gpt-3.5-turbo")
    static let turbo0613 = ModelReference(provider: "openai", model: "gpt-3.5-turbo-0613")

    /// pdfchat builds on gpt-3.5-turbo, oldbot on its June snapshot, both on both.
    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2023-12-01")!)
        for provider in ["openai", "anthropic"] { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in ["openai/gpt-3.5-turbo", "openai/gpt-4", "anthropic/claude-2"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        _ = try portfolio.catalogue.addModel(Self.turbo0613, name: nil, kind: .api, snapshotOf: Self.turbo)
        for (slug, models) in [("pdfchat", [Self.turbo]), ("oldbot", [Self.turbo0613]), ("both", [Self.turbo, Self.turbo0613])] {
            var links = CompanyLinks()
            links.dependencies = models
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "12", since: "2023-05-01"), links: links)
        }
    }

    func log(_ model: ModelReference, on date: String, _ capabilities: [String] = [], kind: Release.Kind? = nil) throws {
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: model, releasedOn: CivilDate(iso: date)!, capabilities: capabilities, kind: kind))
    }

    func statuses() throws -> [String: String] {
        try portfolio.reports.currentAssessments().mapValues(\.outcome.status.rawValue)
    }

    func threatRows() throws -> [String] {
        try portfolio.database.fetchAll(sql: "SELECT company || ' ' || release_id FROM v_company_threats ORDER BY 1") { try $0.get(0) as String }
    }

    @Test("function calling on the June snapshot is an opportunity for a company on gpt-3.5-turbo")
    func opportunityThroughSnapshot() throws {
        try log(Self.turbo0613, on: "2023-06-13", ["function-calling"])
        let picture = try portfolio.reports.companyPicture("pdfchat", asOf: CivilDate(iso: "2023-12-01")!)
        #expect(picture.assessment?.opportunities.map { "\($0.model) \($0.capability)" } == ["openai/gpt-3.5-turbo-0613 function-calling"])
        try portfolio.catalogue.setSnapshot(Self.turbo0613, of: nil)
        let unlinked = try portfolio.reports.companyPicture("pdfchat", asOf: CivilDate(iso: "2023-12-01")!)
        #expect(unlinked.assessment?.opportunities.isEmpty == true)
    }

    @Test("the base's retirement retires the snapshot; the snapshot's retires only itself; the view agrees")
    func retirements() throws {
        try log(Self.turbo0613, on: "2023-09-13", kind: .retirement)
        #expect(try statuses() == ["pdfchat": "alive", "oldbot": "migrate", "both": "alive"])
        #expect(try threatRows() == ["oldbot 1"])
        try log(Self.turbo, on: "2023-10-01", kind: .retirement)
        #expect(try statuses() == ["pdfchat": "migrate", "oldbot": "migrate", "both": "migrate"])
        #expect(try threatRows() == ["both 2", "oldbot 1", "oldbot 2", "pdfchat 2"], "the base's retirement once for a company on both")
    }

    @Test("recording a snapshot afterwards reassesses the dependents of both models")
    func editReassesses() throws {
        try portfolio.catalogue.setSnapshot(Self.turbo0613, of: nil)
        try log(Self.turbo, on: "2023-10-01", kind: .retirement)
        #expect(try statuses()["oldbot"] == "alive")
        let result = try portfolio.catalogue.setSnapshot(Self.turbo0613, of: Self.turbo)
        #expect(result.reassessment.changes.map(\.current.company) == ["both", "oldbot"], "both loses its fallback")
        #expect(try statuses()["oldbot"] == "migrate")
    }

    @Test("a snapshot's base is another model of its provider that is no snapshot itself; nothing is written otherwise", arguments: [
        ("openai/gpt-4-0613", "anthropic/claude-2", "'openai/gpt-4-0613' cannot be a snapshot of 'anthropic/claude-2': a snapshot's base is a model of the same provider"),
        ("openai/gpt-4-0613", "openai/gpt-3.5-turbo-0613", "'openai/gpt-3.5-turbo-0613' is itself a snapshot of 'openai/gpt-3.5-turbo'"),
        ("openai/gpt-4-0613", "openai/gpt-5", "unknown model 'openai/gpt-5'"),
        ("openai/gpt-4-0613", "openai/gpt-4-0613", "'openai/gpt-4-0613' cannot be a snapshot of itself"),
    ])
    func refusedBases(model: String, base: String, message: String) throws {
        let error = #expect(throws: LifelineError.self) {
            try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api, snapshotOf: try ModelReference(parsing: base))
        }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(try portfolio.catalogue.models(provider: "openai").count == 3)
    }

    @Test("a model with snapshots cannot become one; the schema holds the rules by hand too")
    func noChains() throws {
        let error = #expect(throws: LifelineError.self) { try portfolio.catalogue.setSnapshot(Self.turbo, of: ModelReference(provider: "openai", model: "gpt-4")) }
        #expect(error?.message == "'openai/gpt-3.5-turbo' has snapshots of its own (openai/gpt-3.5-turbo-0613); a snapshot's base is no snapshot itself")
        for sql in [
            "UPDATE models SET snapshot_of = (SELECT id FROM models WHERE slug = 'gpt-4') WHERE slug = 'gpt-3.5-turbo'",
            "UPDATE models SET snapshot_of = (SELECT id FROM models WHERE slug = 'gpt-3.5-turbo-0613') WHERE slug = 'gpt-4'",
            "UPDATE models SET snapshot_of = (SELECT id FROM models WHERE slug = 'claude-2') WHERE slug = 'gpt-4'",
            "UPDATE models SET snapshot_of = id WHERE slug = 'gpt-4'",
        ] {
            #expect(throws: SQLiteError.self, "\(sql)") { try portfolio.database.execute(sql: sql) }
        }
    }
}
