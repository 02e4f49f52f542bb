import Foundation
import LifelineStorage
import Testing

/// Nothing lost, nothing half-written: concurrent writers, processes killed mid-write,
/// backups while writing, and a database that cannot be trusted. docs/reliability.md
/// states the figures these tests prove.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    let scratch: Scratch
    var database: String { scratch.file("p.db") }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String? = nil, today: String = "2024-06-01") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": db ?? database, "LIFELINE_TODAY": today])
    }

    /// Starts `lifeline` with each argument list at once and waits for all of them.
    func runTogether(_ commands: [[String]]) throws -> [Int32] {
        let binary = LifelineProcess.binaryPath
        let processes = try commands.map { script -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // Each writer runs its commands one after another; the writers run side by side.
            process.arguments = ["-c", script.map { "'\(binary)' \($0)" }.joined(separator: " && ")]
            process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
            process.environment = ["LIFELINE_DB": database, "LIFELINE_TODAY": "2024-06-01", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        return processes.map { $0.waitUntilExit(); return $0.terminationStatus }
    }

    func sql(_ query: String, db: String? = nil) throws -> [String] {
        let connection = try Database(path: db ?? database, configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { row in
            row.values.map { value -> String in
                switch value {
                case .null: "NULL"
                case .integer(let number): String(number)
                case .real(let number): String(number)
                case .text(let text): text
                case .blob(let bytes): "\(bytes.count) bytes"
                }
            }.joined(separator: "|")
        }
    }

    func checkSound(_ db: String? = nil) throws {
        let connection = try Database(path: db ?? database, configuration: .init(mode: .readOnly))
        #expect(try connection.integrityCheck() == ["ok"])
        #expect(try connection.foreignKeyViolations().isEmpty)
    }

    // MARK: Concurrency

    @Test("8 writers and a nightly run at once, three times: every write lands exactly once")
    func concurrentWriters() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        for round in 1...3 {
            var commands: [[String]] = (1...8).map { writer in
                let slug = "w\(round)-\(writer)"
                return [
                    "company add \(slug) --tier 6 --since 2024-0\(round)-0\(writer)",
                    "company invest \(slug) --on 2024-0\(round)-1\(writer) --amount \(writer)00k",
                    "company expose \(slug) agents --effect advantage",
                    "release log openai/gpt-4 --on 2024-0\(round)-2\(writer) --capability fine-tuning --kind capability",
                ]
            }
            commands.append(["reassess --as-of 2024-06-01", "reassess --as-of 2024-06-01"])
            commands.append(["sql 'SELECT count(*) FROM v_company_lifeline'", "report --format json"])
            let statuses = try runTogether(commands)
            #expect(statuses.allSatisfy { $0 == 0 }, "round \(round): exit codes \(statuses)")
        }
        #expect(try sql("SELECT count(*) FROM companies WHERE slug LIKE 'w%'") == ["24"])
        #expect(try sql("SELECT count(*) FROM investments i JOIN companies c ON c.id = i.company_id WHERE c.slug LIKE 'w%'") == ["24"])
        #expect(try sql("""
            SELECT count(*), count(DISTINCT released_on) FROM releases r JOIN models m ON m.id = r.model_id
            WHERE m.slug = 'gpt-4' AND r.kind = 'capability' AND r.released_on GLOB '2024-0[123]-2[1-8]'
            """) == ["24|24"])
        #expect(try sql("SELECT count(*) FROM exposures e JOIN companies c ON c.id = e.company_id WHERE c.slug LIKE 'w%'") == ["24"])
        // Every run is whole: it recorded exactly the assessments it counts.
        #expect(try sql("""
            SELECT count(*) FROM reassessment_runs r
            WHERE r.changes_recorded != (SELECT count(*) FROM assessments a WHERE a.run_id = r.id)
            """) == ["0"])
        try checkSound()
    }

    // MARK: Crash safety

    /// Kills `arguments` with SIGKILL after `delay` seconds (if it is still running).
    func killed(_ arguments: [String], db: String, after delay: Double) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LifelineProcess.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.environment = ["LIFELINE_DB": db, "LIFELINE_TODAY": "2024-06-01"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A portfolio big enough that a reassessment takes a while: 3,000 companies.
    func largePortfolio() throws {
        #expect(try run(["init"]).status == 0)
        #expect(try run(["import", "models-dev", Self.fixtures.appendingPathComponent("models-dev-sample.json").path]).status == 0)
        var sheet = "slug,tier,since,depends,exposures\n"
        let capabilities = ["file-upload", "function-calling", "vision", "long-context", "reasoning"]
        for index in 0..<3000 {
            sheet += "c\(index),\([3, 6, 12][index % 3]),2023-\(String(format: "%02d", 1 + index % 12))-01,openai/gpt-4o,\(capabilities[index % 5]):\(index % 2 == 0 ? "advantage" : "necessity")\n"
        }
        try sheet.write(toFile: scratch.file("sheet.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["company", "import", "sheet.csv"]).status == 0)
    }

    @Test("SIGKILL at 36 points of reassess and import: the database stays sound, each run whole or absent")
    func crashes() throws {
        try largePortfolio()
        var generator = UInt64(42)
        func delay(upTo limit: Double) -> Double {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return limit * Double(generator >> 11) / Double(1 << 53)
        }
        // How long an uninterrupted run takes, to spread the kills across it.
        let start = Date()
        #expect(try run(["reassess", "--as-of", "2023-01-02"]).status == 0)
        let reassessTime = Date().timeIntervalSince(start)
        var kills = 0
        for index in 0..<24 {
            // Each run is as of a new date, so it has changes to record.
            let asOf = "2023-\(String(format: "%02d", 2 + index % 11))-\(String(format: "%02d", 3 + index))"
            // Up to the first run's length, no further: that run, on a cold cache and often
            // beside other tests, is the slowest, and kills after a run's end prove nothing.
            let status = try killed(["reassess", "--as-of", asOf], db: database, after: delay(upTo: reassessTime))
            if status != 0 { kills += 1 }
            try checkSound()
            #expect(try sql("""
                SELECT count(*) FROM reassessment_runs r
                WHERE r.changes_recorded != (SELECT count(*) FROM assessments a WHERE a.run_id = r.id)
                """) == ["0"], "after a kill as of \(asOf)")
        }
        // Imports: from the same starting copy each time, so each either lands whole or not at all.
        #expect(try run(["backup", "base.db"]).status == 0)
        let liteLLM = Self.fixtures.appendingPathComponent("litellm-sample.json").path
        let importStart = Date()
        try FileManager.default.copyItem(atPath: scratch.file("base.db"), toPath: scratch.file("timing.db"))
        #expect(try run(["import", "litellm", liteLLM], db: scratch.file("timing.db")).status == 0)
        let importTime = Date().timeIntervalSince(importStart)
        let whole = try sql("SELECT count(*) FROM releases WHERE source LIKE 'import: LiteLLM%'", db: scratch.file("timing.db"))
        for index in 0..<12 {
            let copy = scratch.file("import-\(index).db")
            try FileManager.default.copyItem(atPath: scratch.file("base.db"), toPath: copy)
            if try killed(["import", "litellm", liteLLM], db: copy, after: delay(upTo: importTime * 1.3)) != 0 { kills += 1 }
            try checkSound(copy)
            let landed = try sql("SELECT count(*) FROM releases WHERE source LIKE 'import: LiteLLM%'", db: copy)
            #expect(landed == ["0"] || landed == whole, "import \(index): \(landed) of \(whole) releases")
        }
        // Most runs must really have been cut short for the test to mean anything.
        #expect(kills >= 20, "only \(kills) of 36 runs were killed before they finished")
    }

    // MARK: Backups and health

    @Test("a backup taken while writers run is a sound, consistent snapshot; it never overwrites by accident")
    func backupWhileWriting() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        let writers: [[String]] = (1...4).map { writer in
            (1...5).map { step in "company add b\(writer)-\(step) --tier 3 --since 2024-01-0\(step)" }
        }
        let backups: [[String]] = [(1...5).map { "backup copy-\($0).db" }]
        #expect(try runTogether(writers + backups).allSatisfy { $0 == 0 })
        for index in 1...5 {
            let copy = scratch.file("copy-\(index).db")
            try checkSound(copy)
            #expect(try sql("PRAGMA journal_mode", db: copy) == ["delete"])
            #expect(try sql("SELECT count(*) FROM releases", db: copy) == ["125"])
        }
        let again = try run(["backup", "copy-1.db"])
        #expect(again.status == 64)
        #expect(again.stderr == "lifeline: error: 'copy-1.db' exists; add --force to overwrite it\n")
        #expect(try run(["backup", "copy-1.db", "--force"]).status == 0)
        #expect(try run(["backup", "/nonexistent-dir/x.db"]).status == 74)
    }

    @Test("doctor on a damaged index page: exit 1 listing what it found, not exit 65; the other checks still run")
    func doctorOnDamage() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        try byHand("PRAGMA wal_checkpoint(TRUNCATE);")
        let pageSize = Int(try sql("PRAGMA page_size")[0])!
        let root = Int(try sql("SELECT rootpage FROM sqlite_schema WHERE name = 'releases_by_date'")[0])!
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: database))
        try file.seek(toOffset: UInt64((root - 1) * pageSize + 8))
        try file.write(contentsOf: Data(repeating: 0xFF, count: 200))
        try file.close()
        let doctor = try run(["doctor"])
        #expect(doctor.status == 1, "\(doctor.stderr)")
        #expect(doctor.stderr.contains("lifeline: problem: integrity"), "\(doctor.stderr)")
        #expect(doctor.stdout.contains("companies          9"))
        #expect(try run(["release", "list"]).status == 65)
    }

    @Test("a backup onto the live database is refused, by its path, a link, a hard link, or as its -wal or -shm")
    func backupOntoItself() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("link.db"), withDestinationPath: database)
        try FileManager.default.linkItem(atPath: database, toPath: scratch.file("hard.db"))
        try FileManager.default.createDirectory(atPath: scratch.file("sub"), withIntermediateDirectories: true)
        let before = try scratch.bytes("p.db")
        for (target, which) in [
            ("p.db", ""), (database, ""), ("./sub/../p.db", ""), ("link.db", ""), ("hard.db", ""), ("p.db-wal", " (its -wal file)"),
            ("p.db-shm", " (its -shm file)"),
        ] {
            let refused = try run(["backup", target, "--force"])
            #expect(refused.status == 64, "\(target): \(refused.stderr)")
            #expect(refused.stderr == "lifeline: error: refused: '\(target)' is the database itself\(which); a backup onto it would destroy it - choose another file\n")
        }
        #expect(try scratch.bytes("p.db") == before)
        try checkSound()
        #expect(try run(["backup", "sub/p.db"]).status == 0, "a file of the same name elsewhere is another file")
    }

    @Test("doctor: 0 for a healthy database, 1 with the problems of a broken one; computing refuses it")
    func doctor() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        let healthy = try run(["doctor"])
        #expect(healthy.status == 0)
        #expect(healthy.stdout.contains("integrity check    ok"))
        #expect(healthy.stdout.hasSuffix("Healthy.\n"))
        #expect(healthy.stdout.contains("assessment state   current since 2024-06-01: the nightly run computes only what can have changed"))
        let labels = healthy.stdout.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first }
        #expect(Set(labels).count == labels.count, "each check once: \(labels)")
        try byHand("INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (999, '2024-01-01', 5);")
        let broken = try run(["doctor"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("lifeline: problem: foreign key: investments row"))
        for command in [["reassess"], ["report"]] {
            let refused = try run(command)
            #expect(refused.status == 65)
            #expect(refused.stderr.hasPrefix("lifeline: error: the database cannot be trusted: 1 row(s) point at rows that do not exist"))
        }
    }

    /// `make test-replication` runs the real Litestream; this holds the rule on every
    /// `swift test`, with the tables made as Litestream 0.5 makes them.
    @Test("a file Litestream replicates: doctor names its tables and stays healthy; export, restore, the views and the nightly run ignore them")
    func litestreamTables() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        let before = try run(["sql", "SELECT * FROM v_company_lifeline", "--format", "csv"])
        try byHand("""
            CREATE TABLE IF NOT EXISTS _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);
            CREATE TABLE IF NOT EXISTS _litestream_lock (id INTEGER);
            INSERT INTO _litestream_seq (id, seq) VALUES (1, 42);
            """)
        let doctor = try run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stderr)")
        #expect(doctor.stdout.contains("replication        Litestream's tables are here (_litestream_lock, _litestream_seq): docs/scale-out.md"))
        #expect(doctor.stdout.hasSuffix("Healthy.\n"))
        #expect(try run(["sql", "SELECT * FROM v_company_lifeline", "--format", "csv"]).stdout == before.stdout)
        #expect(try run(["reassess", "--as-of", "2024-06-01", "--quiet"]).status == 0)
        #expect(try run(["export", "--out", "out"]).status == 0)
        let exported = try FileManager.default.contentsOfDirectory(atPath: scratch.file("out"))
        #expect(!exported.contains { $0.contains("litestream") }, "\(exported)")
        #expect(try run(["restore", "out"], db: scratch.file("restored.db")).status == 0)
        let plain = try run(["doctor"], db: scratch.file("restored.db"))
        #expect(plain.status == 0 && !plain.stdout.contains("replication"))
    }

    @Test(
        "a value edited by hand that lifeline does not know is an error naming table, column and value, never a default",
        arguments: [
            ("UPDATE assessments SET status = 'zombie' WHERE id = (SELECT max(id) FROM assessments)",
             "assessments.status holds 'zombie', expected one of alive, at-risk, elapsed, rebuild, replaced, migrate, closed",
             "assessments.status: 1 row holds a value lifeline does not know (such as 'zombie')", ["report", "reassess"]),
            ("UPDATE releases SET released_on = '2023-02-30' WHERE id = 3",
             "releases.released_on holds '2023-02-30', expected a date (YYYY-MM-DD)",
             "releases.released_on: 1 row holds a value lifeline does not know (such as '2023-02-30')", ["release list", "report"]),
            ("UPDATE exposures SET effect = 'both'",
             "exposures.effect holds 'both', expected one of advantage, necessity",
             "exposures.effect: 8 rows hold a value lifeline does not know (such as 'both')", ["company show deckly", "reassess --full"]),
            ("UPDATE companies SET tier_months = 9 WHERE slug = 'deckly'",
             "companies.tier_months holds '9', expected one of 3, 6, 12",
             "companies.tier_months: 1 row holds a value lifeline does not know (such as 9)", ["company list", "history deckly"]),
        ])
    func unknownStoredValues(edit: String, error: String, problem: String, commands: [String]) throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        // The sqlite3 shell, as a user would, with the schema's CHECK constraints off.
        try byHand("PRAGMA ignore_check_constraints = ON; \(edit);")
        let before = try DatabaseSnapshot(path: database)
        for command in commands {
            let refused = try run(command.split(separator: " ").map(String.init))
            #expect(refused.status == 65, "\(command): \(refused.stdout)")
            #expect(
                refused.stderrLines == ["lifeline: error: the database holds a value lifeline cannot read: \(error); 'lifeline doctor' lists every such value"],
                "\(command)")
        }
        #expect(try DatabaseSnapshot(path: database) == before)
        let doctor = try run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("stored values      1 column(s) with unknown values"))
        #expect(doctor.stderr.contains("lifeline: problem: stored value: \(problem)"))
    }

    /// Runs `statements` with the sqlite3 shell, foreign keys off (its default).
    func byHand(_ statements: String) throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [database, "PRAGMA foreign_keys = OFF; " + statements]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "sqlite3 ran: \(statements)")
    }

    @Test("while the assessments are current, computing skips the references triggers watch; a deletion by hand is still refused")
    func trustWhileCurrent() throws {
        #expect(try run(["demo", "--db", database, "--as-of", "2024-06-01"]).status == 0)
        let current = ["2024-06-01"]
        #expect(try sql("SELECT current_since FROM assessment_state") == current)

        // lifeline's own record, inserted by hand: no trigger watches it, and it changes
        // no computation, so the nightly run goes on; --full and doctor check everything.
        try byHand("INSERT INTO assessments SELECT NULL, run_id, 999, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end, days_remaining, runway_end, cause_kind, cause_release_id, cause_provider, cause_model, cause_capability, cause_effect, cause_released_on FROM assessments LIMIT 1;")
        #expect(try sql("SELECT current_since FROM assessment_state") == current)
        #expect(try run(["reassess", "--quiet"], today: "2024-06-02").status == 0)
        #expect(try run(["report"], today: "2024-06-02").status == 0)
        let full = try run(["reassess", "--full", "--quiet"], today: "2024-06-02")
        #expect(full.status == 65)
        #expect(full.stderr.hasPrefix("lifeline: error: the database cannot be trusted: 1 row(s) point at rows that do not exist (assessments row"))
        #expect(try run(["doctor"]).status == 1)
        try byHand("DELETE FROM assessments WHERE company_id = 999;")
        #expect(try run(["reassess", "--full", "--quiet"], today: "2024-06-02").status == 0)
        #expect(try sql("SELECT current_since FROM assessment_state") == ["2024-06-02"])

        // A model deleted by hand leaves dependencies and releases pointing nowhere: its
        // trigger forgets that the assessments are current, so the check runs in full.
        let model = try sql("SELECT model_id FROM dependencies LIMIT 1")[0]
        try byHand("DELETE FROM models WHERE id = \(model);")
        #expect(try sql("SELECT current_since FROM assessment_state") == ["NULL"])
        for command in [["reassess", "--quiet"], ["report"]] {
            let refused = try run(command, today: "2024-06-03")
            #expect(refused.status == 65, "\(command)")
            #expect(refused.stderr.contains("point at rows that do not exist"))
        }
    }
}
