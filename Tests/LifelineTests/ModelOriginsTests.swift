import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Every model's origin lab (issue 19, item 2): found from a lab's name in its id, the
/// catalogue's family, a family in its id, or its provider when that is a lab, in that
/// order; editable through the families; the lab firsts credit.
@Suite("Model origins")
struct ModelOriginsTests {
    let portfolio: Portfolio

    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2024-12-01")!)
        for provider in ["openrouter", "amazon-bedrock", "openai", "alibaba-cn", "acme-cloud"] {
            _ = try portfolio.catalogue.addProvider(slug: provider, name: nil, role: provider == "acme-cloud" ? .host : nil)
        }
    }

    func add(_ model: String, family: String? = nil) throws {
        _ = try portfolio.write { session in
            try portfolio.catalogue.insertModel(try ModelReference(parsing: model), name: "x", kind: .api, family: family, in: session)
        }
    }

    func origin(_ model: String) throws -> String {
        try portfolio.database.fetchOne(
            sql: "SELECT coalesce(origin_lab, '-') || ' ' || coalesce(found_by, '-') FROM v_model_origins WHERE model = ?",
            arguments: [.text(model)]) { try $0.get(0) as String } ?? "missing"
    }

    @Test("each way of finding it, in order", arguments: [
        ("openrouter/openai-gpt-4o", nil, "openai prefix"),
        ("amazon-bedrock/us.anthropic.claude-3-haiku", nil, "anthropic prefix"),
        ("acme-cloud/cf-meta-llama-3-8b", nil, "meta prefix"),
        ("openrouter/sonnet-latest", "claude-sonnet", "anthropic family"),
        ("openrouter/gpt-4o-copy", "Qwen", "alibaba family"),
        ("acme-cloud/mistralai-mixtral-8x7b", nil, "mistral name"),
        ("acme-cloud/accounts-models-llama-v3p1-70b", nil, "meta name"),
        ("alibaba-cn/deepseek-r1", nil, "deepseek name"),
        ("acme-cloud/o3-mini", nil, "openai name"),
        ("acme-cloud/nova-pro-v1", nil, "amazon name"),
        ("openai/custom-thing", nil, "openai provider"),
        ("acme-cloud/gptx-1", nil, "- -"),
        ("acme-cloud/omni-x", nil, "- -"),
        ("acme-cloud/mystery-7b", nil, "- -"),
    ] as [(String, String?, String)])
    func found(model: String, family: String?, expected: String) throws {
        try add(model, family: family?.lowercased())
        #expect(try origin(model) == expected)
    }

    @Test("a short family deep in an id says nothing; a longer one does")
    func deepFamilies() throws {
        try add("acme-cloud/fast-turbo-o-7b")
        try add("acme-cloud/fast-turbo-qwen-7b")
        #expect(try origin("acme-cloud/fast-turbo-o-7b") == "- -")
        #expect(try origin("acme-cloud/fast-turbo-qwen-7b") == "alibaba name")
    }

    @Test("family map and unmap change what the view finds, at once")
    func editedFamilies() throws {
        try add("acme-cloud/mystery-7b")
        #expect(try portfolio.catalogue.mapFamily("mystery", to: "mysterylab") == nil)
        #expect(try origin("acme-cloud/mystery-7b") == "mysterylab name")
        #expect(try portfolio.catalogue.mapFamily("mystery", to: "otherlab") == "mysterylab")
        #expect(try origin("acme-cloud/mystery-7b") == "otherlab name")
        #expect(try portfolio.catalogue.unmapFamily("mystery") == "otherlab")
        #expect(try origin("acme-cloud/mystery-7b") == "- -")
        #expect(try portfolio.catalogue.families().contains(.init(family: "gpt", lab: "openai")))
    }

    @Test("families refuse a host as their lab, a bad name, and an unknown family, with a suggestion")
    func refusals() throws {
        #expect(throws: LifelineError.self) { try portfolio.catalogue.mapFamily("thing", to: "openrouter") }
        #expect(throws: LifelineError.self) { try portfolio.catalogue.mapFamily("Thing X", to: "acme") }
        #expect(throws: LifelineError.self) { try portfolio.catalogue.mapFamily("thing", to: "Not A Slug") }
        let error = #expect(throws: LifelineError.self) { try portfolio.catalogue.unmapFamily("qwn") }
        #expect(error?.message == "no family 'qwn'; did you mean 'qwen'?")
    }

    @Test("firsts count labs' and hand-logged releases, and credit the model's origin lab")
    func firsts() throws {
        try add("openrouter/deepseek-r1")
        try add("alibaba-cn/deepseek-r1")
        for (model, date, source) in [
            ("openrouter/deepseek-r1", "2024-01-01", "import: models.dev api.json"),
            ("alibaba-cn/deepseek-r1", "2024-02-01", "import: models.dev api.json"),
        ] {
            _ = try portfolio.catalogue.logRelease(ReleaseRequest(
                model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: date)!, capabilities: ["reasoning"],
                kind: .capability, importedFrom: source))
        }
        let first = { try portfolio.database.fetchOne(
            sql: "SELECT lab || ' ' || provider || ' ' || released_on || ' ' || date_basis FROM v_capability_firsts WHERE capability = 'reasoning'"
        ) { try $0.get(0) as String? } ?? nil }
        #expect(try first() == "deepseek alibaba-cn 2024-02-01 catalogue-diff")
        try add("acme-cloud/o1-preview")
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "acme-cloud", model: "o1-preview"), releasedOn: CivilDate(iso: "2023-09-12")!,
            capabilities: ["reasoning"], kind: .capability, source: "https://example.com/o1"))
        #expect(try first() == "openai acme-cloud 2023-09-12 logged", "a host's release logged by hand counts, credited to its maker")
    }

    @Test("migration 0018 keeps the models recorded before, with no family")
    func migration() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(17))).migrate(database)
        try database.executeScript(sql: """
            INSERT INTO providers (slug, name, role) VALUES ('openrouter', 'OpenRouter', 'host');
            INSERT INTO models (provider_id, slug, name, kind) VALUES (1, 'anthropic-claude-3-opus', 'Claude 3 Opus', 'api');
            """)
        _ = try Schema.migrator().migrate(database)
        #expect(try database.fetchAll(sql: "SELECT model || ' ' || origin_lab || ' ' || found_by || ' ' || coalesce(family, '-') FROM v_model_origins") {
            try $0.get(0) as String
        } == ["openrouter/anthropic-claude-3-opus anthropic prefix -"])
    }
}

/// `ModelOrigin`, the rule in Swift an import counts with, against `v_model_origins`, the
/// rule in SQL everything else reads: the same origin for every model of the catalogues.
@Suite("Model origins: Swift and the view agree")
struct ModelOriginAgreementTests {
    static let fixtures = ModalityRuleCountTests.fixtures
    static let samples = [("models-dev-sample.json", false), ("litellm-sample.json", true)].map {
        (fixtures.appendingPathComponent($0.0).path, $0.1)
    }
    static let real = [(ModalityRuleCountTests.realModelsDev, false), (ModalityRuleCountTests.realLiteLLM, true)]

    static func disagreements(after files: [(path: String, liteLLM: Bool)]) throws -> (models: Int, disagreements: [String]) {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        let portfolio = Portfolio(database: database, today: CivilDate(iso: "2026-07-10")!)
        for file in files {
            let document = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file.path))))
            let catalogue = file.liteLLM
                ? try LiteLLMCatalogue.read(document, fileName: "catalogue.json")
                : try ModelsDevCatalogue.read(document, fileName: "catalogue.json")
            _ = try portfolio.onboarding.importCatalogue(catalogue, asOf: portfolio.today)
        }
        // Hosts' ids with a lab's name deep inside, a family past the second word, and none.
        for provider in ["acme-cloud", "acme-lab"] {
            _ = try portfolio.catalogue.addProvider(slug: provider, name: nil, role: provider == "acme-cloud" ? .host : .lab)
        }
        for model in ["acme-cloud/us-east-1-openai.gpt-4o", "acme-cloud/x-y-o-1", "acme-cloud/x-y-qwen-1", "acme-cloud/1-2--_.-",
                      "acme-lab/acme-lab-1", "acme-lab/zzz", "acme-cloud/black-forest-labs-flux-2"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        let rules = try portfolio.catalogue.originRules()
        var disagreements: [String] = []
        let rows = try database.fetchAll(sql: """
            SELECT model, substr(model, length(provider) + 2), family, provider, provider_role, origin_lab, found_by FROM v_model_origins
            """) { $0.values }
        for row in rows {
            guard case .text(let model) = row[0], case .text(let slug) = row[1], case .text(let provider) = row[3], case .text(let role) = row[4]
            else { continue }
            let family: String? = if case .text(let text) = row[2] { text } else { nil }
            let swift = ModelOrigin.find(slug: slug, family: family, provider: provider, providerIsLab: role == "lab", rules: rules)
            let view: String? = if case .text(let lab) = row[5], case .text(let basis) = row[6] { "\(lab) \(basis)" } else { nil }
            let mine = swift.map { "\($0.lab) \($0.foundBy.rawValue)" }
            if mine != view { disagreements.append("\(model): swift \(mine ?? "none"), view \(view ?? "none")") }
        }
        return (rows.count, disagreements)
    }

    @Test("on the samples, and ids made to test the edges")
    func samples() throws {
        let result = try Self.disagreements(after: Self.samples)
        #expect(result.models > 140)
        #expect(result.disagreements.isEmpty, "\(result.disagreements.prefix(10))")
    }

    @Test("on the real catalogues",
          .enabled(if: FileManager.default.fileExists(atPath: ModalityRuleCountTests.realModelsDev)
                   && FileManager.default.fileExists(atPath: ModalityRuleCountTests.realLiteLLM),
                   "skipped: ../shared/fixtures/models-dev-api.json or litellm-model-prices.json is absent"))
    func realCatalogues() throws {
        let result = try Self.disagreements(after: Self.real)
        #expect(result.models > 9000)
        #expect(result.disagreements.isEmpty, "\(result.disagreements.count): \(result.disagreements.prefix(10))")
    }
}
