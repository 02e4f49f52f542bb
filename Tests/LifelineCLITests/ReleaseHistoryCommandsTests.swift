import Foundation
import LifelineStorage
import Testing

/// The release history lifeline ships, and release feeds, end to end (issue 20):
/// `init --with-history`, `import history`, `import releases` and its `--check`.
@Suite("Release history and feeds, end to end")
struct ReleaseHistoryCommandsTests {
    let scratch: Scratch

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let history = repository.appendingPathComponent("data/provider-history.csv").path
    static let modelsDevSample = repository.appendingPathComponent("Tests/Fixtures/models-dev-sample.json").path

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String = "h.db", input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(
            arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": "2026-03-01"], input: input)
    }

    @discardableResult
    func ok(_ arguments: [String], db: String = "h.db", input: String? = nil) throws -> String {
        let result = try run(arguments, db: db, input: input)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func sql<T: SQLColumnDecodable>(_ query: String, db: String = "h.db", as type: T.Type = T.self) throws -> [T] {
        let connection = try Database(path: scratch.file(db), configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { try $0.get(0) as T }
    }

    @Test("with only the history, the essay's three cases come out right from facts alone")
    func essayCases() throws {
        let created = try ok(["init", "--with-history"])
        #expect(created.contains("Imported provider-history.csv: 125 releases, "), "\(created)")
        try ok(["company", "add", "pdfchat", "--tier", "6", "--since", "2023-04-01", "--expose", "file-upload:necessity"])
        try ok(["company", "add", "slides", "--tier", "12", "--since", "2023-03-01", "--expose", "office-integration:advantage"])
        try ok(["company", "add", "copywriter", "--tier", "3", "--since", "2022-09-01", "--expose", "chat-assistant:necessity"])
        #expect(try sql("""
            SELECT company || ' ' || status || ' ' || lifeline_end || ' ' || cause_model FROM v_company_lifeline ORDER BY company
            """, as: String.self) == [
                "copywriter replaced 2022-11-30 openai/chatgpt",
                "pdfchat replaced 2023-07-06 openai/chatgpt",
                "slides rebuild 2023-11-01 microsoft/m365-copilot",
            ])
        #expect(try sql("SELECT DISTINCT date_basis FROM releases", as: String.self) == ["history"])
        #expect(try sql("SELECT count(*) FROM releases WHERE source IS NULL", as: Int.self) == [0])
    }

    @Test("importing the history twice adds nothing the second time; a dry run writes nothing")
    func idempotent() throws {
        try ok(["init"])
        let dryRun = try ok(["import", "history", "--dry-run"])
        #expect(dryRun.hasPrefix("Would import provider-history.csv: 125 releases, "))
        #expect(dryRun.contains("\n  openai/chatgpt launch chat-assistant on 2022-11-30\n"))
        #expect(dryRun.hasSuffix("Dry run: nothing was written.\n"))
        #expect(try sql("SELECT count(*) FROM releases", as: Int.self) == [0])
        try ok(["import", "history"])
        let before = try DatabaseSnapshot(path: scratch.file("h.db"))
        #expect(try ok(["import", "history"]) == "Nothing new in provider-history.csv: its 125 releases are all logged already.\n")
        #expect(try DatabaseSnapshot(path: scratch.file("h.db")) == before)
    }

    @Test("after a catalogue, the history's dates are the firsts: a catalogue's date never pushes a lab's history aside")
    func historyFirsts() throws {
        try ok(["init"])
        try ok(["import", "models-dev", Self.modelsDevSample])
        try ok(["import", "history"])
        let firsts: [String] = try sql("""
            SELECT capability || ' ' || date_basis FROM v_capability_firsts
            WHERE capability IN (SELECT k.slug FROM capabilities k JOIN release_capabilities x ON x.capability_id = k.id
                                 JOIN releases r ON r.id = x.release_id WHERE r.date_basis = 'history')
            """)
        #expect(firsts.count >= 15)
        for first in firsts { #expect(first.hasSuffix(" history"), "\(first)") }
        #expect(try sql("SELECT model || ' ' || released_on FROM v_capability_firsts WHERE capability = 'function-calling'", as: String.self)
            == ["openai/gpt-3.5-turbo-0613 2023-06-13"])
    }

    @Test("the repository's history passes --check, with no database")
    func repositoryHistoryChecks() throws {
        let result = try run(["import", "releases", "--check", Self.history])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "provider-history.csv: 125 releases, no problems.\n")
        #expect(!scratch.exists("h.db"))
    }

    static let malformed = """
        date,provider,model_or_product,kind,capability,announced,source
        2023-07-06,openai,chatgpt,capability,file-upload,,https://help.openai.com/notes
        2023-02-30,openai,chatgpt,capability,vision,,https://example.com/a
        2023-08-01,openai,chatgpt,capability,computer use,,https://example.com/b
        2023-07-06,openai,chatgpt,capability,file-upload,,https://help.openai.com/notes
        2023-06-01,openai,chatgpt,capability,voice,,
        2023-09-01,openai,chatgpt,retirement,voice,,https://example.com/c
        2023-09-02,openai,chatgpt,capability,voice,2023-09-05,https://example.com/d

        """

    @Test("a malformed feed: --check lists every problem; an import refuses it whole and writes nothing")
    func malformedFeed() throws {
        try Data(Self.malformed.utf8).write(to: URL(fileURLWithPath: scratch.file("feed.csv")))
        let checked = try run(["import", "releases", "--check", "feed.csv"])
        #expect(checked.status == 65)
        #expect(checked.stdout == """
            feed.csv:3: date: '2023-02-30' is not a date (YYYY-MM-DD)
            feed.csv:7: capability: a retirement ships no capabilities
            feed.csv:8: announced: 2023-09-05 is after the release (2023-09-02)
            feed.csv:4: capability: unknown capability 'computer use' (did you mean 'computer-use'?)
            feed.csv:5: the same release as feed.csv:2
            feed.csv:5: date: 2023-07-06 comes before the row above (2023-08-01); keep the feed in date order
            feed.csv:6: source: missing; every row needs the public page that dates it
            feed.csv:6: date: 2023-06-01 comes before the row above (2023-08-01); keep the feed in date order

            """)
        #expect(checked.stderr == "lifeline: error: feed.csv: 8 problems in 7 rows\n")
        try ok(["init"])
        try ok(["import", "history"])
        let before = try DatabaseSnapshot(path: scratch.file("h.db"))
        let imported = try run(["import", "releases", "feed.csv", "--create-models"])
        #expect(imported.status == 65)
        #expect(imported.stderr == """
            lifeline: problem: feed.csv:3: date: '2023-02-30' is not a date (YYYY-MM-DD)
            lifeline: problem: feed.csv:7: capability: a retirement ships no capabilities
            lifeline: problem: feed.csv:8: announced: 2023-09-05 is after the release (2023-09-02)
            lifeline: error: feed.csv: 3 problems; nothing was imported

            """)
        #expect(try DatabaseSnapshot(path: scratch.file("h.db")) == before)
    }

    @Test("a feed naming what the database lacks needs --create-models; capability names go through the aliases")
    func createModelsAndAliases() throws {
        try ok(["init"])
        try ok(["company", "add", "toolkit", "--tier", "12", "--since", "2024-01-01", "--expose", "function-calling:advantage"])
        let feed = """
            date,provider,model_or_product,kind,capability,announced,source
            2024-03-01,acme,acme-1,launch,tool_call,,https://acme.example/launch

            """
        let refused = try run(["import", "releases", "-"], input: feed)
        #expect(refused.status == 65)
        #expect(refused.stderr == "lifeline: error: stdin:2: unknown provider 'acme' of model 'acme/acme-1'; add --create-models to record it with its releases\n")
        let imported = try ok(["import", "releases", "-", "--create-models"], input: feed)
        #expect(imported.hasPrefix("Imported stdin: 1 release, 1 new provider, 1 new model.\n"))
        #expect(imported.contains("toolkit: elapsed -> rebuild (acme/acme-1 shipped function-calling on 2024-03-01; rebuild on it)"), "\(imported)")
        #expect(try sql("SELECT date_basis || ' ' || source FROM releases", as: String.self) == ["history https://acme.example/launch"])
        // The same release with more capabilities is a new one.
        let more = feed.replacing("tool_call", with: "tool_call;vision")
        #expect(try ok(["import", "releases", "-"], input: more).hasPrefix("Imported stdin: 1 release."))
    }

    @Test("JSON lines, and one database's export read by another: the same releases, a catalogue's date kept as one")
    func feedsBetweenDatabases() throws {
        try ok(["init"], db: "a.db")
        try ok(["import", "history"], db: "a.db")
        try ok(["import", "models-dev", Self.modelsDevSample], db: "a.db")
        try ok(["export", "--out", "out"], db: "a.db")
        try ok(["init"], db: "b.db")
        let imported = try ok(["import", "releases", "out/releases.csv", "--create-models"], db: "b.db")
        #expect(imported.hasPrefix("Imported releases.csv: 251 releases, "), "\(imported)")
        #expect(try sql("SELECT count(*) FROM releases", db: "a.db", as: Int.self) == [251])
        let bases = { (db: String) -> [String] in try sql("SELECT date_basis || ' ' || count(*) FROM releases GROUP BY date_basis ORDER BY 1", db: db) }
        #expect(try bases("b.db") == bases("a.db"))
        #expect(try ok(["import", "releases", "out/releases.csv"], db: "b.db").hasPrefix("Nothing new in releases.csv"))
        let lines = """
            {"date": "2026-02-01", "provider": "openai", "model_or_product": "chatgpt", "kind": "capability", "capability": ["memory", "vision"], "source": "https://example.com/x"}

            {"date": "2026-02-02", "provider": "openai", "model_or_product": "chatgpt", "kind": "retirement", "source": "https://example.com/y"}

            """
        #expect(try ok(["import", "releases", "-"], db: "b.db", input: lines).hasPrefix("Imported stdin: 2 releases."))
        let broken = #"{"date": "2026-02-03", "provider": "openai", "model_or_product": "chatgpt", "kind": "launch", "capability": 7}"#
        let refused = try run(["import", "releases", "-"], db: "b.db", input: broken)
        #expect(refused.status == 65)
        #expect(refused.stderr == "lifeline: problem: stdin:1: capability: expected a string, found a number\nlifeline: error: stdin: 1 problem; nothing was imported\n")
    }
}
