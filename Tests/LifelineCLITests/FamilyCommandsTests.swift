import Foundation
import LifelineStorage
import Testing

/// Model families end to end: an import says how many new models have no known origin
/// lab, `family map` gives them one, and export and restore keep the families as edited.
@Suite("Model families, end to end")
struct FamilyCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        #expect(try run(["init"]).status == 0)
    }

    func run(_ arguments: [String], db: String = "p.db", input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(
            arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": "2024-12-01"], input: input)
    }

    func origins(db: String = "p.db") throws -> [String] {
        let connection = try Database(path: scratch.file(db), configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: "SELECT model || ' ' || coalesce(origin_lab, '-') FROM v_model_origins ORDER BY model") {
            try $0.get(0) as String
        }
    }

    static let catalogue = """
        {"openrouter": {"id": "openrouter", "name": "OpenRouter", "models": {
          "openai/gpt-4o": {"id": "openai/gpt-4o", "family": "gpt", "release_date": "2024-05-13", "tool_call": true},
          "mysterious/mystery-7b": {"id": "mysterious/mystery-7b", "family": "mystery", "release_date": "2024-06-01"}}}}
        """

    @Test("an import counts the new models with no known origin lab; family map gives them one")
    func unknownOrigins() throws {
        let imported = try run(["import", "models-dev", "-"], input: Self.catalogue)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(
            "1 new model with no known origin lab (SELECT * FROM v_model_origins WHERE origin_lab IS NULL); map a family with 'lifeline family map FAMILY LAB'."),
            "\(imported.stdout)")
        #expect(try origins() == ["openrouter/mysterious-mystery-7b -", "openrouter/openai-gpt-4o openai"])
        let mapped = try run(["family", "map", "mystery", "mysterious"])
        #expect(mapped.stdout == "Family 'mystery' is now made by mysterious.\n")
        #expect(try origins() == ["openrouter/mysterious-mystery-7b mysterious", "openrouter/openai-gpt-4o openai"])
        #expect(try run(["family", "list", "--format", "csv"]).stdout.contains("\nmystery,mysterious\n"))
    }

    @Test("bad input: a host as the lab, a bad family, an unknown family, a missing argument")
    func badInput() throws {
        #expect(try run(["provider", "add", "openrouter"]).status == 0)
        for (arguments, status, message) in [
            (["family", "map", "mystery", "openrouter"], Int32(65), "lifeline: error: 'openrouter' is a host, which serves other labs' models; name the lab that makes the family (or 'lifeline provider edit openrouter --role lab')\n"),
            (["family", "map", "My Family", "acme"], 65, "lifeline: error: invalid family 'My Family': use lower-case letters, digits, '.', '_' and '-', up to 64 characters\n"),
            (["family", "unmap", "lama"], 65, "lifeline: error: no family 'lama'; did you mean 'llama'?\n"),
        ] {
            let result = try run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr == message)
        }
        let missing = try run(["family", "map", "mystery"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("lifeline: error: missing expected argument '<lab>'"), "\(missing.stderr)")
    }

    @Test("export and restore keep the families as edited, a seeded one unmapped included")
    func exportAndRestore() throws {
        #expect(try run(["family", "map", "mystery", "mysterious"]).status == 0)
        #expect(try run(["family", "unmap", "phi"]).status == 0)
        #expect(try run(["export", "--out", "out"]).status == 0)
        let restored = try run(["restore", "out"], db: "b.db")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try run(["family", "list"], db: "b.db").stdout == run(["family", "list"]).stdout)
        // An export made before families were exported restores with the seeded ones.
        try FileManager.default.removeItem(atPath: scratch.file("out/model_families.csv"))
        let older = try run(["restore", "out"], db: "c.db")
        #expect(older.status == 0, "\(older.stderr)")
        #expect(try run(["family", "list", "--format", "csv"], db: "c.db").stdout.contains("\nphi,microsoft\n"))
    }
}
