import Foundation
import Testing

/// `lifeline datasette`, end to end (`make test-web` serves the kit to a real browser).
@Suite("lifeline datasette, end to end")
struct DatasetteCommandTests {
    let scratch: Scratch
    var database: String { scratch.file("team.db") }

    init() throws {
        scratch = try Scratch()
        let demo = try run(["demo", "--db", "team.db", "--as-of", "2023-11-10"])
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    func run(_ arguments: [String]) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2023-11-10"])
    }

    @Test("writes metadata.json and an executable serve.sh for the database, and says how to serve it")
    func writesTheKit() throws {
        let result = try run(["datasette", "--out", "kit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote kit/metadata.json, datasette.yaml and serve.sh for database 'team'."))
        let metadata = try JSONSerialization.jsonObject(with: try scratch.bytes("kit/metadata.json")) as? [String: Any]
        let databases = metadata?["databases"] as? [String: Any]
        #expect(databases?.keys.sorted() == ["team"])
        let script = String(decoding: try scratch.bytes("kit/serve.sh"), as: UTF8.self)
        let resolved = URL(fileURLWithPath: database).resolvingSymlinksInPath().path
        #expect(script.contains("serve '\(resolved)'"), "the database by its absolute path")
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.file("kit/serve.sh"))[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    @Test("an earlier kit is kept unless --force; nothing is written to the database")
    func overwriting() throws {
        let before = try scratch.bytes("team.db")
        #expect(try run(["datasette", "--out", "kit"]).status == 0)
        let again = try run(["datasette", "--out", "kit"])
        #expect(again.status == 64)
        #expect(again.stderrLines == ["lifeline: error: 'kit/metadata.json' exists; add --force to overwrite the kit in 'kit'"])
        #expect(try run(["datasette", "--out", "kit", "--force"]).status == 0)
        #expect(try scratch.bytes("team.db") == before)
    }

    @Test("a missing database, an output that is a file, a login that is no slug, and no --out are refused in one line")
    func refusals() throws {
        let missing = try run(["datasette", "--db", "typo.db", "--out", "kit"])
        #expect(missing.status == 66)
        #expect(missing.stderrLines.count == 1)
        #expect(!scratch.exists("kit") && !scratch.exists("typo.db"))
        FileManager.default.createFile(atPath: scratch.file("file"), contents: Data("x".utf8))
        let onFile = try run(["datasette", "--out", "file"])
        #expect(onFile.status == 74, "\(onFile.stderr)")
        #expect(onFile.stderrLines.count == 1)
        let before = try scratch.bytes("team.db")
        let badLogin = try run(["datasette", "--out", "kit", "--login", "Alice Smith"])
        #expect(badLogin.status == 65)
        #expect(badLogin.stderrLines.count == 1)
        #expect(badLogin.stderr.hasPrefix("lifeline: error: invalid login slug 'Alice Smith'"), "\(badLogin.stderr)")
        #expect(!scratch.exists("kit"), "nothing written")
        #expect(try scratch.bytes("team.db") == before)
        let noOut = try run(["datasette"])
        #expect(noOut.status == 64)
        #expect(noOut.stderrLines.first?.hasPrefix("lifeline: error:") == true)
    }

    @Test("ending-within gives the same rows whether :days comes as a number (lifeline sql) or as text (a Datasette form)")
    func endingWithinTakesText() throws {
        let number = try run(["sql", "--saved", "ending-within", "--param", "days=30", "--format", "csv"])
        let text = try run(["sql", "--saved", "ending-within", "--param-text", "days=30", "--format", "csv"])
        #expect(number.status == 0 && text.status == 0)
        #expect(number.stdout.split(separator: "\n").count == 2, "only lexicon ends within 30 days: \(number.stdout)")
        #expect(text.stdout == number.stdout)
    }
}
