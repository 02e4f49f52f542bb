import Foundation
import LifelineStorage
import Testing

/// Importing the models.dev and LiteLLM catalogues, end to end.
@Suite("Catalogue imports, end to end")
struct ImportCommandsTests {
    let scratch: Scratch
    var database: String { scratch.file("p.db") }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let modelsDevSample = fixtures.appendingPathComponent("models-dev-sample.json").path
    static let liteLLMSample = fixtures.appendingPathComponent("litellm-sample.json").path

    init() throws {
        scratch = try Scratch()
        #expect(try run(["init"]).status == 0)
    }

    func run(_ arguments: [String], input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2026-07-10"], input: input)
    }

    func sql<T: SQLColumnDecodable>(_ query: String, as type: T.Type = T.self) throws -> [T] {
        let connection = try Database(path: database, configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { try $0.get(0) as T }
    }

    @Test("models.dev into a fresh database: providers, models, dated launches with capabilities")
    func modelsDev() throws {
        let result = try run(["import", "models-dev", Self.modelsDevSample])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Imported models.dev (models-dev-sample.json): 4 providers, 127 models, 127 releases (127 launch, 0 capability, 0 retirement)."))
        #expect(result.stdout.contains("Fields that map to no capability"))
        #expect(result.stdout.contains("temperature ("))
        #expect(try sql("SELECT count(*) FROM releases WHERE source = 'import: models.dev models-dev-sample.json'", as: Int.self) == [127])
        let gpt4o = try sql("""
            SELECT r.released_on || ' ' || group_concat(k.slug, ' ') FROM releases r JOIN models m ON m.id = r.model_id
            JOIN release_capabilities x ON x.release_id = r.id JOIN capabilities k ON k.id = x.capability_id
            WHERE m.slug = 'gpt-4o' GROUP BY r.id
            """, as: String.self)
        #expect(gpt4o.count == 1)
        #expect(gpt4o.first?.hasPrefix("2024-05-13") == true)
        for capability in ["function-calling", "vision", "long-context"] { #expect(gpt4o.first?.contains(capability) == true) }
        // File upload means documents: never from an attachment of images, never on an image generator.
        #expect(result.stdout.contains(
            "Read by modality: documents as file-upload (50 models); attachments of images as vision, not file-upload (46 models); "), "\(result.stdout)")
        let fileUploads = """
            SELECT count(*) FROM release_capabilities x JOIN capabilities k ON k.id = x.capability_id AND k.slug = 'file-upload'
            """
        #expect(try sql(fileUploads, as: Int.self) == [50])
        #expect(try sql(fileUploads + """
             WHERE x.release_id IN (SELECT x2.release_id FROM release_capabilities x2 JOIN capabilities g ON g.id = x2.capability_id
                                    WHERE g.slug = 'image-generation')
            """, as: Int.self) == [0])
        // One transaction, one instant: every release of the import was logged at the same time.
        let loggedAt = try sql("SELECT DISTINCT logged_at FROM releases", as: String.self)
        #expect(loggedAt.count == 1)
        #expect(loggedAt.first?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(loggedAt)")
        // A release logged afterwards has its own time, as `release log` prints it.
        let logged = try run(["release", "log", "openai/gpt-4o", "--on", "2026-07-01", "--capability", "file-upload", "--format", "json"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let later = try sql("SELECT logged_at FROM releases ORDER BY id DESC LIMIT 1", as: String.self)
        #expect(later.count == 1 && later[0] >= loggedAt[0])
        #expect(logged.stdout.contains(#""logged_at":"\#(later[0])""#), "\(logged.stdout)")
    }

    @Test("re-importing the same file changes nothing and says so")
    func idempotent() throws {
        _ = try run(["import", "models-dev", Self.modelsDevSample])
        let before = try DatabaseSnapshot(path: database)
        let again = try run(["import", "models-dev", Self.modelsDevSample])
        #expect(again.stdout.hasPrefix("Nothing new in models.dev (models-dev-sample.json): its 127 models are all recorded already."))
        let after = try DatabaseSnapshot(path: database)
        for table in ["providers", "models", "releases", "release_capabilities", "assessments"] {
            #expect(after.tables[table] == before.tables[table], "\(table)")
        }
    }

    @Test("a newer snapshot that adds one capability yields exactly one capability release")
    func newerSnapshot() throws {
        _ = try run(["import", "models-dev", Self.modelsDevSample])
        var text = try String(contentsOfFile: Self.modelsDevSample, encoding: .utf8)
        // gpt-3.5-turbo gains function calling in the newer snapshot, updated 2024-01-25.
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var openai = document["openai"] as! [String: Any]
        var models = openai["models"] as! [String: Any]
        var turbo = models["gpt-3.5-turbo"] as! [String: Any]
        turbo["tool_call"] = true
        turbo["last_updated"] = "2024-01-25"
        models["gpt-3.5-turbo"] = turbo
        openai["models"] = models
        var newer = document
        newer["openai"] = openai
        text = String(decoding: try JSONSerialization.data(withJSONObject: newer), as: UTF8.self)
        try text.write(toFile: scratch.file("api-newer.json"), atomically: true, encoding: .utf8)
        let result = try run(["import", "models-dev", "api-newer.json"])
        #expect(result.stdout.hasPrefix("Imported models.dev (api-newer.json): 0 providers, 0 models, 1 release (0 launch, 1 capability, 0 retirement)."))
        #expect(try sql("""
            SELECT r.kind || ' ' || r.released_on || ' ' || k.slug FROM releases r JOIN models m ON m.id = r.model_id
            JOIN release_capabilities x ON x.release_id = r.id JOIN capabilities k ON k.id = x.capability_id
            WHERE m.slug = 'gpt-3.5-turbo' AND r.kind = 'capability'
            """, as: String.self) == ["capability 2024-01-25 function-calling"])
    }

    @Test("LiteLLM: launches dated --as-of, deprecations as announced retirements, over models.dev")
    func liteLLM() throws {
        _ = try run(["import", "models-dev", Self.modelsDevSample])
        let result = try run(["import", "litellm", Self.liteLLMSample, "--as-of", "2026-07-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("without a release date in the catalogue, dated --as-of."))
        #expect(try sql("""
            SELECT r.released_on || ' ' || coalesce(r.announced_on, '-') FROM releases r JOIN models m ON m.id = r.model_id
            JOIN providers p ON p.id = m.provider_id WHERE p.slug = 'azure' AND m.slug = 'gpt-4o' AND r.kind = 'retirement'
            """, as: String.self) == ["2027-04-14 2026-07-01"])
        #expect(try sql("SELECT count(*) FROM releases r JOIN models m ON m.id = r.model_id WHERE m.slug = 'gpt-4o' AND r.kind = 'launch'", as: Int.self) == [2])
        #expect(try run(["import", "litellm", Self.liteLLMSample]).stdout.hasPrefix("Nothing new in LiteLLM"))
    }

    @Test("into a populated portfolio: hand-logged facts kept, affected companies reassessed")
    func populated() throws {
        for command in [
            ["provider", "add", "openai", "--name", "OpenAI (hand-made)"], ["model", "add", "openai/gpt-4o", "--name", "Mine"],
            ["company", "add", "visionco", "--tier", "12", "--since", "2024-01-01"],
            ["company", "expose", "visionco", "vision", "--effect", "necessity"],
            ["release", "log", "openai/gpt-4o", "--on", "2024-05-13", "--capability", "voice", "--kind", "launch"],
        ] {
            #expect(try run(command).status == 0, "\(command)")
        }
        let result = try run(["import", "models-dev", Self.modelsDevSample])
        #expect(result.status == 0)
        #expect(result.stdout.contains("visionco: "))
        #expect(try sql("SELECT name FROM providers WHERE slug = 'openai'", as: String.self) == ["OpenAI (hand-made)"])
        #expect(try sql("SELECT name FROM models WHERE slug = 'gpt-4o'", as: String.self) == ["Mine"])
        #expect(try sql("SELECT count(*) FROM releases WHERE source IS NULL", as: Int.self) == [1])
        #expect(try sql("SELECT status FROM v_company_lifeline WHERE company = 'visionco'", as: String.self) == ["replaced"])
    }

    @Test("dry run and standard input")
    func dryRunAndStdin() throws {
        let before = try DatabaseSnapshot(path: database)
        let dry = try run(["import", "models-dev", Self.modelsDevSample, "--dry-run"])
        #expect(dry.stdout.hasPrefix("Would import models.dev"))
        #expect(dry.stdout.contains("Dry run: nothing was written."))
        #expect(try DatabaseSnapshot(path: database) == before)
        let stdin = try run(["import", "litellm", "-"], input: try String(contentsOfFile: Self.liteLLMSample, encoding: .utf8))
        #expect(stdin.status == 0)
        #expect(stdin.stdout.hasPrefix("Imported LiteLLM (stdin)"))
    }

    static let malformed: [(name: String, content: String, strict: Bool, message: String)] = [
        ("truncated.json", #"{"openai": {"models": {"gpt-4": {"name": "GPT-4", "#, false, "not valid JSON at line 1"),
        ("empty.json", "", false, "not valid JSON at line 1, column 1: the document ends too early"),
        ("text.json", "model,date\ngpt-4,2023-03-14\n", false, "not valid JSON at line 1, column 1: expected a value"),
        ("array.json", "[]", false, "$: expected an object, found an array"),
        ("types.json", #"{"openai": {"models": {"gpt-4": {"tool_call": 1}}}}"#, false, "$.openai.models.gpt-4.tool_call: expected true or false, found a number"),
        ("dates.json", #"{"openai": {"models": {"a": {"release_date": "2024-01-01"}, "b": {"release_date": "2024-02-30"}}}}"#, true,
         "$.openai.models.b.release_date: '2024-02-30' is not a date"),
        ("names.json", #"{"openai": {"models": {"///": {}}}}"#, false, "$.openai.models.///: the model id '///' makes no usable slug"),
    ]

    @Test("malformed files fail with the JSON path and leave the database unchanged", arguments: 0..<Self.malformed.count)
    func malformedFiles(index: Int) throws {
        let file = Self.malformed[index]
        _ = try run(["import", "models-dev", Self.modelsDevSample])
        try file.content.write(toFile: scratch.file(file.name), atomically: true, encoding: .utf8)
        let before = try DatabaseSnapshot(path: database)
        let result = try run(["import", "models-dev", file.name] + (file.strict ? ["--strict"] : []))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("lifeline: error: " + file.message), "\(result.stderr)")
        #expect(try DatabaseSnapshot(path: database) == before)
    }

    @Test("a missing file: exit 66")
    func missingFile() throws {
        let result = try run(["import", "litellm", "nope.json"])
        #expect(result.status == 66)
        #expect(result.stderr == "lifeline: error: cannot read catalogue 'nope.json': No such file or directory\n")
    }

    static let fullCatalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/models-dev-api.json").path

    @Test("the whole models.dev catalogue imports",
          .enabled(if: FileManager.default.fileExists(atPath: fullCatalogue), "skipped: ../shared/fixtures/models-dev-api.json is absent"))
    func wholeCatalogue() throws {
        let result = try run(["import", "models-dev", Self.fullCatalogue])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("5276 models"))
        #expect(result.stdout.contains("Worked around 1 unusable value"))
    }

    static let fullLiteLLM = URL(fileURLWithPath: fullCatalogue).deletingLastPathComponent().appendingPathComponent("litellm-model-prices.json").path

    @Test("the whole catalogues, models.dev then LiteLLM: every first is a lab's, and no host's listing ends a lifeline",
          .enabled(if: FileManager.default.fileExists(atPath: fullCatalogue) && FileManager.default.fileExists(atPath: fullLiteLLM),
                   "skipped: ../shared/fixtures/models-dev-api.json or litellm-model-prices.json is absent"))
    func wholeCataloguesCreditLabs() throws {
        let capabilities = ["function-calling", "file-upload", "vision", "voice", "reasoning"]
        for capability in capabilities {
            let added = try run(["company", "add", "on-\(capability)", "--tier", "12", "--since", "2023-01-01", "--expose", "\(capability):necessity"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        for (importer, file) in [("models-dev", Self.fullCatalogue), ("litellm", Self.fullLiteLLM)] {
            let result = try run(["import", importer, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let list = capabilities.map { "'\($0)'" }.joined(separator: ", ")
        #expect(try sql("SELECT count(*) FROM v_capability_firsts WHERE capability IN (\(list)) AND provider IS NOT NULL", as: Int.self) == [5])
        #expect(try sql("SELECT count(*) FROM v_capability_firsts WHERE capability IN (\(list)) AND lab IS NOT NULL", as: Int.self) == [5])
        #expect(try sql("SELECT count(*) FROM v_model_origins WHERE origin_lab IS NULL", as: Int.self).first ?? 0 < 1000)
        #expect(try sql("""
            SELECT DISTINCT p.role FROM v_capability_firsts f JOIN providers p ON p.slug = f.provider WHERE f.capability IN (\(list))
            """, as: String.self) == ["lab"])
        #expect(try sql("SELECT count(*) FROM providers WHERE role = 'host'", as: Int.self).first ?? 0 > 100)
        #expect(try sql("""
            SELECT count(*) FROM v_company_lifeline v JOIN providers p ON p.slug = v.cause_provider WHERE p.role = 'host'
            """, as: Int.self) == [0])
        // Labs still end some: the catalogues date function calling and vision in 2023.
        #expect(try sql("SELECT company FROM v_company_lifeline WHERE cause_provider IS NOT NULL ORDER BY company", as: String.self)
            == ["on-function-calling", "on-vision"])
    }
}

extension ImportCommandsTests {
    /// The essay's portfolio: the demo's nine companies and six more, each on a capability
    /// the catalogues flag, with lifelines that run into the catalogues' years.
    static let essayCompanies = [
        ("function-calling:necessity", "openai/gpt-4o"), ("file-upload:necessity", "anthropic/claude-3-5-sonnet-20241022"),
        ("vision:advantage", "openai/gpt-4o"), ("voice:necessity", "openai/gpt-4o"), ("reasoning:advantage", "deepseek/deepseek-chat"),
        ("image-generation:necessity", "openai/gpt-4o"),
    ]

    @Test("a 15-company portfolio after both whole catalogues: the report lists only what touches it, in under 100 KB of HTML",
          .enabled(if: FileManager.default.fileExists(atPath: fullCatalogue) && FileManager.default.fileExists(atPath: fullLiteLLM),
                   "skipped: ../shared/fixtures/models-dev-api.json or litellm-model-prices.json is absent"))
    func essayPortfolioReport() throws {
        #expect(try run(["demo", "--db", database]).status == 0)
        for (importer, file) in [("models-dev", Self.fullCatalogue), ("litellm", Self.fullLiteLLM)] {
            let result = try run(["import", importer, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for (index, (exposure, model)) in Self.essayCompanies.enumerated() {
            let added = try run([
                "company", "add", "essay-\(index + 1)", "--tier", "12", "--since", "2025-0\(index + 1)-01",
                "--expose", exposure, "--depend", model, "--invest", "1000000@2025-01-01",
            ])
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try sql("SELECT count(*) FROM companies", as: Int.self) == [15])
        #expect(try sql("""
            SELECT count(*) FROM v_company_lifeline v JOIN providers p ON p.slug = v.cause_provider WHERE p.role = 'host'
            """, as: Int.self) == [0])
        let html = try run(["report", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.utf8.count < 100_000, "the page is \(html.stdout.utf8.count) bytes")
        #expect(html.stdout.contains("other releases, none touching the portfolio."))
        // Every release the report lists touches some company; the rest are counted, not listed.
        let text = try run(["report"])
        let listed = text.stdout.split(separator: "\n").drop { !$0.hasPrefix("Recent releases") }.dropFirst(3)
            .prefix { !$0.hasPrefix("And ") && !$0.isEmpty }
        #expect(!listed.isEmpty)
        for line in listed { #expect(!line.hasSuffix(" -"), "\(line)") }
        // A date a catalogue snapshot gave is marked as such, and the JSON report keeps every recent release with its basis.
        #expect(listed.contains { $0.dropFirst(13).hasPrefix("d  ") }, "\(listed)")
        #expect(text.stdout.contains("Dated: d by the day a catalogue snapshot first showed it; unmarked, logged by a person."))
        let json = try run(["report", "--format", "json"])
        let recent = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["recent_releases"] as? [[String: Any]])
        #expect(recent.count > listed.count + 1000)
        #expect(Set(recent.compactMap { $0["date_basis"] as? String }).isSuperset(of: ["catalogue-diff", "catalogue-deprecation-date"]))
        let touching = try run(["release", "list", "--touching", "--format", "csv"])
        #expect(touching.status == 0)
        #expect(touching.stdout.split(separator: "\n").count - 1 < 100, "\(touching.stdout.prefix(2000))")
    }
}
