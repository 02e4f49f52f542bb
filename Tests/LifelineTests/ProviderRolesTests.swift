import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Labs and hosts (issue 19, item 1 and the threat rule of item 3): a host's listing
/// threatens only an exposure that names the host and is no first; its retirement still
/// threatens its dependents; the role comes from the known list, a guess, or the user.
@Suite("Provider roles")
struct ProviderRolesTests {
    let portfolio: Portfolio

    /// pdfchat (12 months from 2023-05-01) is exposed to file-upload from anyone; relay
    /// depends on azure/gpt-4o. openai ships file-upload on 2023-11-06; azure lists a
    /// model with it on 2023-08-01 (imported) and retires its gpt-4o on 2023-10-01.
    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2023-12-01")!)
        for provider in ["openai", "azure"] { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in ["openai/gpt-4-turbo", "azure/gpt-4o", "azure/gpt-4-turbo"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        var pdfchat = CompanyLinks()
        pdfchat.exposures = [try Exposure(cell: "file-upload:necessity")]
        _ = try portfolio.companies.addCompany(slug: "pdfchat", fields: CompanyFields(tier: "12", since: "2023-05-01"), links: pdfchat)
        var relay = CompanyLinks()
        relay.dependencies = [ModelReference(provider: "azure", model: "gpt-4o")]
        _ = try portfolio.companies.addCompany(slug: "relay", fields: CompanyFields(tier: "12", since: "2023-05-01"), links: relay)
        for (model, on, capabilities, kind, source) in [
            ("azure/gpt-4-turbo", "2023-08-01", ["file-upload"], Release.Kind.launch, "import: models.dev api.json"),
            ("azure/gpt-4o", "2023-10-01", [], .retirement, nil),
            ("openai/gpt-4-turbo", "2023-11-06", ["file-upload"], .capability, nil),
        ] as [(String, String, [String], Release.Kind, String?)] {
            _ = try portfolio.catalogue.logRelease(ReleaseRequest(
                model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: on)!, capabilities: capabilities, kind: kind,
                importedFrom: source))
        }
    }

    func cause(_ company: String) throws -> String {
        let outcome = try #require(portfolio.reports.currentAssessments()[company]?.outcome)
        return "\(outcome.status.rawValue) \(outcome.cause.threat.map { "\($0.model)" } ?? "\(outcome.cause.kind)")"
    }

    func firstFileUpload() throws -> String? {
        try portfolio.database.fetchOne(sql: "SELECT model FROM v_capability_firsts WHERE capability = 'file-upload'") { try $0.get(0) as String? } ?? nil
    }

    @Test("a known host is a host: its listing ends nothing and is no first; its retirement still migrates its dependents")
    func hostListings() throws {
        #expect(try portfolio.catalogue.providers().map { "\($0.slug) \($0.role.rawValue)" } == ["azure host", "openai lab"])
        #expect(try cause("pdfchat") == "replaced openai/gpt-4-turbo")
        #expect(try cause("relay") == "migrate azure/gpt-4o")
        #expect(try firstFileUpload() == "openai/gpt-4-turbo")
        #expect(try portfolio.reports.threats(of: "pdfchat").map(\.model.description) == ["openai/gpt-4-turbo"])
    }

    @Test("an exposure that names the host counts its listings")
    func namedHost() throws {
        _ = try portfolio.companies.setExposure(company: "pdfchat", capability: "file-upload", effect: .advantage, providers: ["azure"])
        #expect(try cause("pdfchat") == "rebuild azure/gpt-4-turbo")
        #expect(try portfolio.reports.threats(of: "pdfchat").map(\.model.description) == ["azure/gpt-4-turbo", "openai/gpt-4-turbo"])
    }

    @Test("made a lab, the provider's listings count again, and the companies are reassessed at once")
    func roleChange() throws {
        let result = try portfolio.catalogue.setRole(of: "azure", to: .lab)
        #expect(result.reassessment.changes.map(\.current.company) == ["pdfchat"])
        #expect(try cause("pdfchat") == "replaced azure/gpt-4-turbo")
        // Its listing counts for firsts again, but a release logged by hand comes before a catalogue's date.
        #expect(try firstFileUpload() == "openai/gpt-4-turbo")
        try portfolio.database.execute(sql: "DELETE FROM releases WHERE model_id = (SELECT id FROM models WHERE slug = 'gpt-4-turbo' AND provider_id = (SELECT id FROM providers WHERE slug = 'openai'))")
        #expect(try firstFileUpload() == "azure/gpt-4-turbo")
        #expect(throws: LifelineError.self) { try portfolio.catalogue.setRole(of: "azur", to: Provider.Role.lab) }
    }

    @Test("release list keeps what touches the portfolio, by source, by labs, up to a limit")
    func releaseFilters() throws {
        let catalogue = portfolio.catalogue
        #expect(try catalogue.releases(touching: true).map(\.id) == [2, 3], "the host's retirement and the lab's release")
        #expect(try catalogue.releases(source: .imported).map(\.id) == [1])
        #expect(try catalogue.releases(source: .logged).map(\.id) == [2, 3])
        #expect(try catalogue.releases(labsOnly: true).map(\.id) == [3])
        #expect(try catalogue.releases(limit: 1).map(\.id) == [1])
        // An opportunity touches too: relay builds on azure/gpt-4o, which gains vision.
        _ = try catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "azure", model: "gpt-4o"), releasedOn: CivilDate(iso: "2023-11-20")!, capabilities: ["vision"]))
        #expect(try catalogue.releases(touching: true).map(\.id) == [2, 3, 4])
    }

    @Test("a hand-logged release by a host counts as a first; an imported one does not")
    func handLoggedFirst() throws {
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "azure", model: "gpt-4o"), releasedOn: CivilDate(iso: "2023-06-01")!, capabilities: ["file-upload"]))
        #expect(try firstFileUpload() == "azure/gpt-4o")
    }

    @Test("a provider the list does not know is a lab unless told; the list's role otherwise", arguments: [
        ("my-lab", nil, Provider.Role.lab), ("openrouter", nil, .host), ("openrouter", Provider.Role.lab, .lab), ("my-gateway", Provider.Role.host, .host),
    ])
    func addedRoles(slug: String, given: Provider.Role?, expected: Provider.Role) throws {
        #expect(try portfolio.catalogue.addProvider(slug: slug, name: nil, role: given).role == expected)
        #expect(try portfolio.catalogue.providers().first { $0.slug == slug }?.role == expected)
    }

    @Test("the guess: most ids carrying another provider's prefix or another lab's family make a host", arguments: [
        ("kilo", ["openai/gpt-4o", "anthropic/claude-3", "own-model"], Provider.Role.host),
        ("frogbot", ["gpt-4o", "claude-3-opus", "frog-1"], .host),
        ("cloud", ["anthropic.claude-3-haiku", "meta.llama3-8b", "cloud-embed"], .host),
        ("alibaba-cn", ["qwen-plus", "qwen-max", "qwq-32b"], .lab),
        ("newlab", ["newlab-1", "newlab-2-mini", "gpt-4o"], .lab),
        ("tools", ["commander-1", "phi-3"], .lab),
        // Ids outside ASCII are compared by character, the others by byte: the same rule.
        ("hostco", ["GPT-4o-é", "claude-3-ü", "Meta.Llama-ß", "own-ü"], .host),
        ("gateway", ["openai/gpt-4o", "gpt5", "phi:3", "own-1", "own-2"], .host),  // three of five: each rule counts
        ("tinylab", ["tiny-é", "tiny-ü", "gptx", "commander"], .lab),
    ])
    func guess(provider: String, ids: [String], expected: Provider.Role) {
        let families = ["gpt": "openai", "claude": "anthropic", "llama": "meta", "qwen": "alibaba", "qwq": "alibaba", "command": "cohere", "phi": "microsoft"]
        #expect(ProviderRoleGuess.role(of: provider, modelIDs: ids, otherProviders: ["openai", "anthropic", "meta", "alibaba"], families: families) == expected)
    }

    @Test("migration 0015 makes the known hosts recorded before hosts, and every other provider a lab")
    func migrationSeeds() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(14))).migrate(database)
        try database.executeScript(sql: "INSERT INTO providers (slug, name) VALUES ('azure', 'Azure'), ('openai', 'OpenAI'), ('acme', 'Acme');")
        _ = try Schema.migrator().migrate(database)
        #expect(try database.fetchAll(sql: "SELECT slug || ' ' || role FROM providers ORDER BY slug") { try $0.get(0) as String }
            == ["acme lab", "azure host", "openai lab"])
    }
}
