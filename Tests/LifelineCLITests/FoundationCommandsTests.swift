import Foundation
import LifelineStorage
import Testing

/// `lifeline init` and `lifeline migrate`, run as a user runs them.
@Suite("init and migrate, end to end")
struct FoundationCommandsTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// The migration files of the repository this binary was built from.
    static let migrationFiles: [String] = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try? FileManager.default.contentsOfDirectory(
            atPath: repository.appendingPathComponent("Migrations").path)
        return (files ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    }()

    func appliedFileNames(_ path: String) throws -> [String] {
        let database = try Database(path: path, configuration: .init(mode: .readOnly))
        return try database.fetchAll(sql: "SELECT printf('%04d_%s.sql', version, name) FROM schema_migrations ORDER BY version") {
            try $0.get(0) as String
        }
    }

    @Test("init, run from another directory, records every file in Migrations/")
    func initFromAnotherDirectory() throws {
        #expect(!Self.migrationFiles.isEmpty)
        let result = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Created x.db at schema version \(Self.migrationFiles.count)."))
        for file in Self.migrationFiles { #expect(result.stdout.contains("applied \(file)")) }
        #expect(try appliedFileNames(scratch.file("x.db")) == Self.migrationFiles)
    }

    @Test("init is idempotent and says so")
    func initTwice() throws {
        _ = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        let again = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        #expect(again.status == 0)
        #expect(again.stdout == "x.db is up to date (schema version \(Self.migrationFiles.count)).\n")
    }

    @Test("the database is --db, else $LIFELINE_DB, else ./lifeline.db")
    func databaseResolution() throws {
        let fromEnvironment = try LifelineProcess.run(["init"], in: scratch.path, environment: ["LIFELINE_DB": "env.db"])
        #expect(fromEnvironment.status == 0)
        #expect(scratch.exists("env.db"))
        let byDefault = try LifelineProcess.run(["init"], in: scratch.path)
        #expect(byDefault.status == 0)
        #expect(scratch.exists("lifeline.db"))
        let flagWins = try LifelineProcess.run(["init", "--db", "flag.db"], in: scratch.path, environment: ["LIFELINE_DB": "env2.db"])
        #expect(flagWins.status == 0)
        #expect(scratch.exists("flag.db") && !scratch.exists("env2.db"))
    }

    @Test("migrate --status lists each migration in every format")
    func status() throws {
        _ = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        let table = try LifelineProcess.run(["migrate", "--status", "--db", "x.db"], in: scratch.path)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("version  name") == true)
        #expect(lines.count == 2 + Self.migrationFiles.count)
        #expect(lines[2].contains("initial_schema") && lines[2].contains("applied"))

        let json = try LifelineProcess.run(["migrate", "--status", "--db", "x.db", "--format", "json"], in: scratch.path)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["version"] as? Int == 1)
        #expect(decoded?.first?["state"] as? String == "applied")

        let csv = try LifelineProcess.run(["migrate", "--status", "--db", "x.db", "--format", "csv"], in: scratch.path)
        #expect(csv.stdout.hasPrefix("version,name,state,applied_at\n1,initial_schema,applied,"))
        let tsv = try LifelineProcess.run(["migrate", "--status", "--db", "x.db", "--format", "tsv"], in: scratch.path)
        #expect(tsv.stdout.hasPrefix("version\tname\tstate\tapplied_at\n1\tinitial_schema\tapplied\t"))
        let markdown = try LifelineProcess.run(["migrate", "--status", "--db", "x.db", "--format", "markdown"], in: scratch.path)
        #expect(markdown.stdout.hasPrefix("| version | name | state | applied_at |\n| ---: | --- | --- | --- |\n| 1 | initial_schema | applied |"))
    }

    @Test("migrate and migrate --status on a missing database: exit 66, one line, no file made")
    func missingDatabase() throws {
        for arguments in [["migrate", "--db", "typo.db"], ["migrate", "--status", "--db", "typo.db"]] {
            let result = try LifelineProcess.run(arguments, in: scratch.path)
            #expect(result.status == 66)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.hasPrefix("lifeline: error: no lifeline database at 'typo.db'"))
            #expect(result.stdout.isEmpty)
            #expect(!scratch.exists("typo.db"))
        }
    }

    @Test("a database from a newer lifeline: exit 69 and the file untouched")
    func newerDatabase() throws {
        _ = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        do {
            let database = try Database(path: scratch.file("x.db"))
            try database.execute(sql: "INSERT INTO schema_migrations VALUES (9999, 'from_the_future', ?, '2030-01-01T00:00:00.000Z')",
                                 arguments: [.text(String(repeating: "0", count: 64))])
        }
        let before = try scratch.bytes("x.db")
        let result = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        #expect(result.status == 69)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("schema version 9999") && result.stderr.contains("upgrade lifeline"))
        #expect(try scratch.bytes("x.db") == before)
        let status = try LifelineProcess.run(["migrate", "--status", "--db", "x.db", "--format", "csv"], in: scratch.path)
        #expect(status.stdout.contains("9999,from_the_future,unknown,"))
    }

    @Test("a database whose migration differs: exit 65 and the file untouched")
    func changedChecksum() throws {
        _ = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        do {
            let database = try Database(path: scratch.file("x.db"))
            try database.execute(sql: "UPDATE schema_migrations SET checksum = ? WHERE version = 1",
                                 arguments: [.text(String(repeating: "a", count: 64))])
        }
        let before = try scratch.bytes("x.db")
        let result = try LifelineProcess.run(["migrate", "--db", "x.db"], in: scratch.path)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("lifeline: error: migration 1 (initial_schema) in the database differs"))
        #expect(try scratch.bytes("x.db") == before)
    }

    @Test("a locked database: exit 75 after the busy timeout, with a clear message")
    func busy() throws {
        let holder = try Database(path: scratch.file("x.db"))
        try holder.execute(sql: "CREATE TABLE placeholder (n INTEGER)")
        try holder.execute(sql: "BEGIN IMMEDIATE")
        let result = try LifelineProcess.run(["init", "--db", "x.db", "--busy-timeout", "0.1"], in: scratch.path)
        try holder.execute(sql: "ROLLBACK")
        #expect(result.status == 75)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("busy"))
        let retry = try LifelineProcess.run(["init", "--db", "x.db"], in: scratch.path)
        #expect(retry.status == 0)
    }

    @Test("a file that is not a database: exit 65")
    func notADatabase() throws {
        try "name,tier\npapertalk,3\n".write(toFile: scratch.file("portfolio.csv"), atomically: true, encoding: .utf8)
        let before = try scratch.bytes("portfolio.csv")
        let result = try LifelineProcess.run(["init", "--db", "portfolio.csv"], in: scratch.path)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("lifeline: error: not a usable lifeline database"))
        #expect(try scratch.bytes("portfolio.csv") == before)
    }

    @Test("usage errors exit 64: one line, then the help to see", arguments: [
        ["migrate", "--bogus"], ["init", "--busy-timeout", "-1"], ["init", "--db", ""], ["no-such-command"],
        ["migrate", "--status", "--format", "xml"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try LifelineProcess.run(arguments, in: scratch.path)
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 2, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("lifeline: error: ") == true, "\(result.stderr)")
        #expect(result.stderrLines.last?.hasPrefix("see 'lifeline") == true, "\(result.stderr)")
        #expect(!scratch.exists("lifeline.db"))
    }

    @Test("--help lists the commands with an example")
    func help() throws {
        let result = try LifelineProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("init") && result.stdout.contains("migrate"))
        #expect(result.stdout.contains("Examples:") && result.stdout.contains("lifeline reassess --quiet"))
    }

    @Test("the binary does not link full Foundation (start-up time)")
    func noFoundation() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [LifelineProcess.binaryPath]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(text.contains("libsqlite3"))
        #expect(!text.contains("libFoundation.so"))
    }
}
