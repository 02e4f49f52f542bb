import Foundation
import LifelineStorage
import Testing

/// `lifeline sql`, `lifeline report` and `lifeline demo`, end to end.
@Suite("Reporting commands, end to end")
struct ReportingCommandsTests {
    let scratch: Scratch
    var database: String { scratch.file("demo.db") }

    init() throws {
        scratch = try Scratch()
        let demo = try run(["demo", "--db", "demo.db", "--as-of", "2024-06-01"])
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    func run(_ arguments: [String], input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2024-06-01"], input: input)
    }

    // MARK: sql

    @Test("queries read the views in every format")
    func queries() throws {
        let csv = try run(["sql", "SELECT company, status, lifeline_end, cause_provider, cause_capability FROM v_company_lifeline ORDER BY company", "--format", "csv"])
        #expect(csv.stdout == """
            company,status,lifeline_end,cause_provider,cause_capability
            autopilot,rebuild,2023-11-06,openai,agents
            chainsmith,rebuild,2023-06-13,openai,function-calling
            deckly,rebuild,2023-11-01,microsoft,office-integration
            lexicon,elapsed,2024-06-01,,
            modelverse,elapsed,2024-03-01,,
            papertalk,replaced,2023-07-06,openai,file-upload
            pixelforge,replaced,2023-10-19,openai,image-generation
            quillcraft,replaced,2022-11-30,openai,chat-assistant
            tabulate,elapsed,2024-03-01,,

            """)
        let jsonl = try run(["sql", "SELECT status, companies FROM v_portfolio_status", "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").first == #"{"status":"replaced","companies":3}"#)
        let json = try run(["sql", "SELECT * FROM v_portfolio_status WHERE companies > 99", "--format", "json"])
        #expect(json.stdout == "[]\n")
    }

    @Test("the sqlite3 shell answers the same as lifeline sql")
    func sqliteShellAgrees() throws {
        let query = "select company,status,lifeline_end,cause_provider,cause_capability from v_company_lifeline order by company"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = ["-csv", database, query]
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let sqliteOutput = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        let ours = try run(["sql", query, "--format", "csv"]).stdout.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(sqliteOutput.replacing("\r\n", with: "\n").trimmingCharacters(in: .newlines) == ours)
    }

    @Test("parameters, saved queries, files and standard input")
    func sources() throws {
        let saved = try run(["sql", "--saved", "ending-within", "--param", "days=400", "--format", "csv"], )
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(try run(["sql", "--list"]).stdout.contains("at-risk"))
        #expect(try run(["sql", "--saved", "at-risk", "--format", "csv"]).stdout.split(separator: "\n").count == 7)
        try "SELECT count(*) AS n FROM companies WHERE tier_months = :tier".write(toFile: scratch.file("q.sql"), atomically: true, encoding: .utf8)
        #expect(try run(["sql", "--file", "q.sql", "--param", "tier=6", "--format", "csv"]).stdout == "n\n5\n")
        #expect(try run(["sql", "-", "--format", "tsv"], input: "SELECT 'a\tb' AS x").stdout == "x\na\\tb\n")
        let missing = try run(["sql", "--saved", "at-rsk"])
        #expect(missing.status == 65)
        #expect(missing.stderr == "lifeline: error: no saved query 'at-rsk'; did you mean 'at-risk'?\n")
        let unbound = try run(["sql", "--file", "q.sql"])
        #expect(unbound.status == 64)
        #expect(unbound.stderr == "lifeline: error: the query needs --param tier=VALUE\n")
        #expect(try run(["sql", "--file", "q.sql", "--param", "tier=6", "--param", "x=1"]).status == 64)
        #expect(try run(["sql", "--file", "nope.sql"]).status == 66)
        // Only plain decimals are numbers: 'nan' and '007' are text, as the user meant.
        let typed = try run(["sql", "SELECT typeof(:a), typeof(:b), typeof(:c), typeof(:d), :d", "--param", "a=nan", "--param", "b=007",
                             "--param", "c=-2.5", "--param-text", "d=42", "--format", "csv"])
        #expect(typed.stdout == "typeof(:a),typeof(:b),typeof(:c),typeof(:d),:d\ntext,text,real,text,42\n", "\(typed.stderr)")
        let huge = try run(["sql", "SELECT length(randomblob(50000000))"])
        #expect(huge.status == 65)
        #expect(huge.stderr == "lifeline: error: a value of the result would be larger than 16 MiB, the most one value may be; select less\n")
        #expect(try run(["sql", "SELECT length(randomblob(1000000))", "--format", "csv"]).stdout == "length(randomblob(1000000))\n1000000\n")
        let overflow = try run(["sql", "SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)"])
        #expect(overflow.status == 65)
        #expect(overflow.stderr == "lifeline: error: the query failed: integer overflow\n", "a query that ran and failed is no refusal")
        let directory = try run(["sql", "--file", "."])
        #expect(directory.status == 66)
        #expect(directory.stderr == "lifeline: error: cannot read query file '.': it is a directory, not a file\n")
        let twice = try run(["sql", "SELECT :a", "--param", "a=1", "--param-text", "a=1"])
        #expect(twice.status == 64)
        #expect(twice.stderr == "lifeline: error: a is given twice; give each parameter once\n")
    }

    @Test("it can never write: each attempt is refused and the file is unchanged byte for byte", arguments: [
        "INSERT INTO providers (slug, name) VALUES ('x', 'X')", "UPDATE companies SET tier_months = 12",
        "DELETE FROM releases", "DROP TABLE companies", "CREATE TABLE t (x)", "CREATE TEMP TABLE t (x)",
        "ATTACH 'other.db' AS other", "DETACH main", "PRAGMA journal_mode = delete", "PRAGMA user_version = 7",
        "PRAGMA wal_checkpoint", "VACUUM", "VACUUM INTO 'copy.db'", "SELECT 1; DROP TABLE companies",
        "SELECT 1; INSERT INTO providers (slug, name) VALUES ('x', 'X')", "REINDEX", "ANALYZE",
        "INSERT INTO providers (slug, name) SELECT 'y', 'Y' RETURNING id", "BEGIN", "WITH x AS (SELECT 1) DELETE FROM releases",
    ])
    func neverWrites(statement: String) throws {
        let before = try scratch.bytes("demo.db")
        let snapshot = try DatabaseSnapshot(path: database)
        let result = try run(["sql", statement])
        #expect(result.status == 65, "\(statement): \(result.stderr)")
        #expect(result.stderr.hasPrefix("lifeline: error: refused: "))
        #expect(result.stderrLines.count == 1)
        #expect(try scratch.bytes("demo.db") == before)
        #expect(try DatabaseSnapshot(path: database) == snapshot)
        #expect(!scratch.exists("copy.db") && !scratch.exists("other.db"))
    }

    @Test("a runaway query is interrupted at the time limit")
    func timeout() throws {
        let result = try run(["sql", "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n", "--timeout", "0.3"])
        #expect(result.status == 75)
        #expect(result.stderr == "lifeline: error: the query was interrupted after 0.3 s (--timeout); narrow it or allow more time\n")
    }

    @Test("csv, tsv and jsonl are written as the rows come, within the time limit", arguments: [
        ("csv", "x\n1\n2\n3\n"), ("tsv", "x\n1\n2\n3\n"), ("jsonl", "{\"x\":1}\n{\"x\":2}\n{\"x\":3}\n"),
    ])
    func streamedRows(format: String, start: String) throws {
        // Endless: held whole, it printed nothing and grew until the limit; streamed, its
        // rows are out when the limit interrupts it.
        let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"
        let result = try run(["sql", endless, "--timeout", "0.5", "--format", format])
        #expect(result.status == 75)
        #expect(result.stdout.hasPrefix(start))
        #expect(result.stdout.split(separator: "\n").count > 1_000)
        #expect(result.stderr == "lifeline: error: the query was interrupted after 0.5 s (--timeout); narrow it or allow more time\n")
        // Nothing held back when it ends: the same bytes as the whole result.
        let three = "SELECT value AS x FROM json_each('[1,2,3]')"
        #expect(try run(["sql", three, "--format", format]).stdout == start)
        #expect(try run(["sql", three + " WHERE 0", "--format", format]).stdout == (format == "jsonl" ? "" : "x\n"))
    }

    // MARK: report

    @Test("the report in text, markdown and JSON")
    func report() throws {
        let text = try run(["report"]).stdout
        #expect(text.hasPrefix("Portfolio as of 2024-06-01: 9 companies, $33,800,000 invested."))
        #expect(text.contains("Capital at risk (at risk or ended): $15,000,000 of $33,800,000 (44.4%)."))
        #expect(try run(["report", "--format", "markdown"]).stdout.contains("## Ended or elapsed\n| company | status |"))
        let json = try run(["report", "--format", "json", "--as-of", "2023-11-10"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2023-11-10")
        #expect((object?["companies"] as? [[String: Any]])?.count == 9)
        // Lexicon's first lifeline ends within the warning window: at risk.
        #expect(object?["capital_at_risk_usd"] as? Double == 16_800_000)
    }

    @Test("the HTML report is one self-contained page with the timeline")
    func html() throws {
        let result = try run(["report", "--format", "html", "--out", "report.html"])
        #expect(result.stdout == "Wrote the html report as of 2024-06-01 to report.html.\n")
        let page = try String(contentsOfFile: scratch.file("report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg class=\"timeline\""))
        #expect(page.components(separatedBy: "<rect class=\"bar\"").count - 1 == 9)
        // Tabulate's and Lexicon's earlier lifelines, drawn before their current ones.
        #expect(page.components(separatedBy: "<rect class=\"bar earlier\"").count - 1 == 2)
        #expect(page.contains("prefers-color-scheme: dark"))
        #expect(page.contains("@media print"))
        for forbidden in ["<script", " src=", " href=", "url(", "@import", "<link"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        #expect(try run(["report", "--out", "/nonexistent-dir/r.html"]).status == 74)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("the page renders in headless Chromium",
          .enabled(if: chromium != nil, "skipped: no Chromium installed (apt-get install chromium to run it)"))
    func rendersInChromium() throws {
        _ = try run(["report", "--format", "html", "--out", "report.html"])
        let page = URL(fileURLWithPath: scratch.file("report.html")).absoluteString
        for arguments in [
            ["--screenshot=\(scratch.file("report.png"))", "--window-size=1100,1400", page],
            ["--dump-dom", page],
        ] {
            let browser = Process()
            browser.executableURL = URL(fileURLWithPath: Self.chromium!)
            browser.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
            browser.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
            let output = Pipe()
            browser.standardOutput = output
            browser.standardError = FileHandle.nullDevice
            try browser.run()
            let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            browser.waitUntilExit()
            if arguments[0] == "--dump-dom" {
                #expect(dom.contains("<svg class=\"timeline\""))
                #expect(dom.contains("Lifelines as of 2024-06-01"))
            }
        }
        let png = try scratch.bytes("report.png")
        #expect(png.count > 20_000)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    // MARK: demo

    @Test("the demo can be run again, and prints the digest and the report")
    func demoAgain() throws {
        let again = try run(["demo", "--db", "demo.db", "--as-of", "2024-06-01"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Reassessed 9 companies as of 2024-06-01 (run "))
        #expect(again.stdout.contains("no changes."))
        #expect(again.stdout.contains("Portfolio as of 2024-06-01: 9 companies"))
        let later = try LifelineProcess.run(["demo", "--db", "demo.db"], in: scratch.path, environment: ["LIFELINE_TODAY": "2024-07-01"])
        #expect(later.status == 0)
        #expect(try run(["sql", "SELECT count(*) FROM releases", "--format", "csv"]).stdout == "count(*)\n125\n")
    }
}
