import Foundation
import LifelineStorage
import Testing

/// Reassessment end to end: a scripted portfolio through the CLI, then the nightly job
/// on successive days, as cron would run it.
@Suite("Reassessment, end to end")
struct ReassessCommandsTests {
    let scratch: Scratch
    var database: String { scratch.file("p.db") }

    init() throws {
        scratch = try Scratch()
        for command in [
            ["init"],
            ["provider", "add", "openai", "--name", "OpenAI"],
            ["provider", "add", "anthropic", "--name", "Anthropic"],
            ["model", "add", "openai/chatgpt", "--kind", "product"],
            ["model", "add", "openai/gpt-4"],
            ["model", "add", "anthropic/claude-2"],
            ["company", "add", "chatpdf", "--tier", "3", "--since", "2023-05-01"],
            ["company", "depend", "chatpdf", "openai/gpt-4"],
            ["company", "expose", "chatpdf", "file-upload", "--effect", "necessity"],
            ["company", "invest", "chatpdf", "--on", "2023-05-10", "--amount", "2M"],
            ["company", "add", "agentco", "--tier", "6", "--since", "2023-06-01"],
            ["company", "depend", "agentco", "openai/gpt-4", "anthropic/claude-2"],
            ["company", "expose", "agentco", "agents", "--effect", "advantage", "--provider", "openai"],
            ["company", "invest", "agentco", "--on", "2023-06-05", "--amount", "500k"],
        ] {
            let result = try run(command, on: "2023-06-01")
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
    }

    func run(_ arguments: [String], on today: String) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": today])
    }

    func sql<T: SQLColumnDecodable>(_ query: String, as type: T.Type = T.self) throws -> [T] {
        let connection = try Database(path: database, configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { try $0.get(0) as T }
    }

    @Test("the nightly job on successive days: digests, runs, --quiet, idempotence")
    func nightly() throws {
        let quietDay = try run(["reassess"], on: "2023-06-15")
        #expect(quietDay.stdout == "Reassessed 2 companies as of 2023-06-15 (run \(try sql("SELECT max(id) FROM reassessment_runs", as: Int.self)[0])): no changes.\n")
        #expect(try run(["reassess", "--quiet"], on: "2023-06-16").stdout.isEmpty)

        let warning = try run(["reassess", "--quiet"], on: "2023-07-03")
        #expect(warning.stdout.hasSuffix("""
            : 1 changed.

            at-risk (1):
              chatpdf: alive -> at-risk (tier of 3 months runs out on 2023-08-01, in 29 days)

            """))

        let logged = try run(["release", "log", "openai/chatgpt", "--on", "today", "--capability", "file-upload"], on: "2023-07-06")
        #expect(logged.stdout == """
            1
            chatpdf: at-risk -> replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-10-06)

            """)
        #expect(try run(["reassess", "--quiet"], on: "2023-07-06").stdout.isEmpty)
        #expect(try run(["reassess"], on: "2023-07-06").stdout.hasSuffix(": no changes.\n"))

        let announced = try run(
            ["release", "log", "openai/assistants-api", "--create-model", "--on", "2023-11-06", "--announced", "2023-10-20",
             "--capability", "agents"], on: "2023-10-01")
        #expect(announced.stdout == "2\n")  // not known until it is announced
        let atRisk = try run(["reassess"], on: "2023-10-20")
        #expect(atRisk.stdout.contains("agentco: alive -> at-risk (openai/assistants-api ships agents on 2023-11-06, in 17 days)"))
        let hit = try run(["reassess", "--format", "json"], on: "2023-11-06")
        let digest = try JSONSerialization.jsonObject(with: Data(hit.stdout.utf8)) as? [String: Any]
        let changes = digest?["changes"] as? [[String: Any]]
        #expect(changes?.count == 1)
        #expect(changes?.first?["company"] as? String == "agentco")
        #expect(changes?.first?["previous_status"] as? String == "at-risk")
        #expect(changes?.first?["status"] as? String == "rebuild")
        #expect(changes?.first?["cause_capability"] as? String == "agents")

        let runs = try sql("SELECT trigger || ' ' || as_of || ' ' || changes_recorded FROM reassessment_runs WHERE trigger = 'reassess' ORDER BY id", as: String.self)
        #expect(runs == [
            "reassess 2023-06-15 0", "reassess 2023-06-16 0", "reassess 2023-07-03 1", "reassess 2023-07-06 0",
            "reassess 2023-07-06 0", "reassess 2023-10-20 1", "reassess 2023-11-06 1",
        ])
        #expect(try sql("SELECT DISTINCT rules_version FROM reassessment_runs", as: Int.self) == [3])
        let statuses = try sql("""
            SELECT a.as_of || ' ' || a.status FROM assessments a JOIN companies c ON c.id = a.company_id
            WHERE c.slug = 'chatpdf' ORDER BY a.as_of, a.run_id
            """, as: String.self)
        #expect(statuses == ["2023-06-01 alive", "2023-07-03 at-risk", "2023-07-06 replaced"])
    }

    @Test("a nightly run computes only what can have changed; writes by hand and --full compute every company")
    func incrementalNightly() throws {
        func computed(_ arguments: [String] = [], on today: String) throws -> (assessed: Int?, computed: Int?) {
            let result = try run(["reassess", "--format", "json"] + arguments, on: today)
            #expect(result.status == 0, "\(result.stderr)")
            let digest = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return (digest?["companies_assessed"] as? Int, digest?["companies_computed"] as? Int)
        }
        #expect(try computed(on: "2023-06-15") == (2, 2))  // the first run
        #expect(try computed(on: "2023-06-16") == (2, 0))
        #expect(try computed(on: "2023-07-03") == (2, 1))  // chatpdf's warning window opens
        #expect(try computed(["--full"], on: "2023-07-03") == (2, 2))
        #expect(try run(["company", "edit", "agentco", "--runway", "4"], on: "2023-07-04").status == 0)
        #expect(try computed(on: "2023-07-04") == (2, 0))  // lifeline's own write: still current

        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [database, "UPDATE companies SET runway_months = 5 WHERE slug = 'chatpdf'"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(try computed(on: "2023-07-05") == (2, 2))  // a write by hand: everything again
        #expect(try computed(on: "2023-07-05") == (2, 0))
    }

    @Test("a backtest records the past without touching the present; the future needs --dry-run")
    func backtest() throws {
        _ = try run(["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"], on: "2023-12-01")
        let present = try run(["company", "list", "--format", "csv"], on: "2023-12-01").stdout
        #expect(present.contains("chatpdf,chatpdf,3,2023-05-01,replaced,2023-07-06"))
        let past = try run(["reassess", "--as-of", "2023-07-05"], on: "2023-12-01")
        #expect(past.stdout.contains("chatpdf: alive -> at-risk (tier of 3 months runs out on 2023-08-01, in 27 days)"))
        #expect(try run(["company", "list", "--format", "csv"], on: "2023-12-01").stdout == present)
        let future = try run(["reassess", "--as-of", "2024-01-01"], on: "2023-12-01")
        #expect(future.status == 65)
        #expect(future.stderr.contains("look ahead with --dry-run"))
        let lookAhead = try run(["reassess", "--as-of", "2024-01-01", "--dry-run"], on: "2023-12-01")
        #expect(lookAhead.status == 0)
        #expect(lookAhead.stdout.contains("(dry run, nothing recorded)"))
    }

    @Test("whatif reports the hypothetical's victims and the capital at stake, and writes nothing")
    func whatIf() throws {
        let before = try DatabaseSnapshot(path: database)
        let bytes = try scratch.bytes("p.db")
        let result = try run(["whatif", "anthropic/claude-3", "--capability", "file-upload", "--capability", "agents", "--on", "2023-07-01"], on: "2023-06-20")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("chatpdf  alive          replaced      2023-07-01         2000000  anthropic/claude-3 shipped file-upload on 2023-07-01; runway to 2023-10-01"))
        #expect(result.stdout.contains("It would end or put at risk 1 of 1 company, with $2,000,000 invested."))
        let openai = try run(["whatif", "openai/gpt-5", "--capability", "agents", "--format", "json"], on: "2023-08-01")
        let object = try JSONSerialization.jsonObject(with: Data(openai.stdout.utf8)) as? [String: Any]
        #expect(object?["capital_ended_or_at_risk_usd"] as? Double == 500_000)
        #expect((object?["companies"] as? [[String: Any]])?.first?["status_after"] as? String == "rebuild")
        let unknown = try run(["whatif", "mistral/large", "--capability", "agents"], on: "2023-08-01")
        #expect(unknown.status == 65)
        #expect(try DatabaseSnapshot(path: database) == before)
        #expect(try scratch.bytes("p.db") == bytes)
    }

    @Test("rebuild starts a new lifeline and keeps the old one in history")
    func rebuildAndHistory() throws {
        _ = try run(["release", "log", "openai/assistants-api", "--create-model", "--on", "2023-07-01", "--capability", "agents"], on: "2023-07-01")
        let rebuilt = try run(["company", "rebuild", "agentco", "--on", "2023-08-01", "--note", "Now built on the Assistants API"], on: "2023-08-02")
        #expect(rebuilt.stdout == """
            Rebuilt agentco: new lifeline, tier 6 months from 2023-08-01, runway 3 months.
            agentco: rebuild -> alive (lifeline to 2024-02-01, tier of 6 months)

            """)
        let history = try run(["history", "agentco"], on: "2023-08-02").stdout
        // The old lifeline ended when the agents release landed; the rebuild began the next.
        #expect(history.contains("2023-06-01                6  added    2023-07-01  rebuild  2023-08-01"), "\(history)")
        #expect(history.contains("2023-08-01                6  rebuilt              running              Now built on the Assistants API"), "\(history)")
        #expect(history.contains("2023-07-01  rebuild"))
        #expect(history.contains("company rebuild agentco"))
        let early = try run(["company", "rebuild", "agentco", "--on", "2023-07-15"], on: "2023-08-02")
        #expect(early.status == 65)
        #expect(early.stderr.contains("a rebuild must come after the current lifeline's start (2023-08-01)"))
    }

    @Test("dismiss, show and undismiss a threat")
    func dismissals() throws {
        _ = try run(["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"], on: "2023-07-10")
        let dismissed = try run(["dismiss", "chatpdf", "1", "--reason", "Scanned PDFs need our OCR", "--until", "2023-08-01"], on: "2023-07-10")
        #expect(dismissed.stdout == """
            Dismissed release 1 for chatpdf, until 2023-08-01.
            chatpdf: replaced -> at-risk (tier of 3 months runs out on 2023-08-01, in 22 days)

            """)
        #expect(try run(["company", "show", "chatpdf"], on: "2023-07-10").stdout.contains("Scanned PDFs need our OCR"))
        #expect(try run(["history", "chatpdf"], on: "2023-07-10").stdout.contains("Scanned PDFs need our OCR"))
        let expired = try run(["reassess"], on: "2023-08-01")
        #expect(expired.stdout.contains("chatpdf: at-risk -> replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-10-06)"))
        #expect(try run(["undismiss", "chatpdf", "1"], on: "2023-08-02").status == 0)
        #expect(try run(["company", "show", "chatpdf", "--format", "json"], on: "2023-08-02").stdout.contains("\"dismissals\":[]"))

        let before = try DatabaseSnapshot(path: database)
        for (arguments, message) in [
            (["dismiss", "agentco", "1", "--reason", "x"], "release 1 (openai/chatgpt capability on 2023-07-06) does not threaten 'agentco'"),
            (["dismiss", "chatpdf", "9", "--reason", "x"], "no release 9"),
            (["dismiss", "chatpdf", "1", "--reason", "x", "--until", "2023-08-01"], "--until 2023-08-01 is not after today (2023-08-02)"),
            (["dismiss", "chatpdf", "1", "--reason", ""], "the reason is empty"),
            (["undismiss", "chatpdf", "1"], "release 1 is not dismissed for 'chatpdf'"),
            (["dismiss", "chatpd", "1", "--reason", "x"], "unknown company 'chatpd'; did you mean 'chatpdf'?"),
        ] {
            let result = try run(arguments, on: "2023-08-02")
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.hasPrefix("lifeline: error: " + message), "\(result.stderr)")
        }
        #expect(try DatabaseSnapshot(path: database) == before)
    }

    @Test("a second writer waits on the busy timeout, then exits 75 with a clear message")
    func busy() throws {
        let holder = try Database(path: database)
        try holder.execute(sql: "BEGIN IMMEDIATE")
        let result = try LifelineProcess.run(
            ["reassess", "--busy-timeout", "0.2"], in: scratch.path,
            environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2023-07-01"])
        try holder.execute(sql: "ROLLBACK")
        #expect(result.status == 75)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("lifeline: error: the database is busy"))
        #expect(try run(["reassess"], on: "2023-07-01").status == 0)
    }

    static let refusals: [(arguments: [String], status: Int32)] = [
        (["reassess", "--as-of", "2023-02-30"], 65), (["reassess", "--warn-days", "-1"], 64),
        (["reassess", "--warn-days", "99999"], 65), (["whatif", "openai/gpt-5"], 64),
        (["whatif", "openai/gpt-5", "--capability", "agent"], 65), (["history", "nobody"], 65),
    ]

    @Test("bad reassess, whatif and history options are refused", arguments: 0..<Self.refusals.count)
    func badOptions(index: Int) throws {
        let (arguments, status) = Self.refusals[index]
        let before = try DatabaseSnapshot(path: database)
        let result = try run(arguments, on: "2023-07-01")
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(try DatabaseSnapshot(path: database) == before)
    }

    @Test("the digest reports the events since the previous nightly run: runways, expired dismissals, announced releases")
    func events() throws {
        for (command, today) in [
            (["company", "expose", "agentco", "office-integration", "--effect", "advantage"], "2023-06-01"),
            (["model", "add", "openai/copilot", "--kind", "product"], "2023-06-01"),
            (["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"], "2023-07-06"),
            (["release", "log", "openai/copilot", "--on", "2023-11-01", "--announced", "2023-08-01", "--kind", "capability",
              "--capability", "office-integration"], "2023-08-01"),
            (["dismiss", "agentco", "2", "--reason", "not our market yet", "--until", "2023-12-01"], "2023-08-10"),
        ] {
            let result = try run(command, on: today)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        // The first nightly run has no previous one to count from: no events.
        let first = try run(["reassess", "--format", "json"], on: "2023-08-15")
        #expect(first.stdout.contains(#""events_since":null"#) && first.stdout.hasSuffix(#""events":[]}"# + "\n"), "\(first.stdout)")

        let later = try run(["reassess"], on: "2023-12-05")
        #expect(later.status == 0)
        let lines = later.stdout.split(separator: "\n").map(String.init)
        let section = try #require(lines.firstIndex(of: "Events since the nightly run of 2023-08-15 (3):"), "\(later.stdout)")
        #expect(Array(lines[(section + 1)...]) == [
            "  chatpdf: runway-ended on 2023-10-06 (release 1: openai/chatgpt file-upload); now replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-10-06)",
            "  agentco: announced-landed on 2023-11-01 (release 2: openai/copilot office-integration); now rebuild (openai/copilot shipped office-integration on 2023-11-01; rebuild on it)",
            "  agentco: dismissal-expired on 2023-12-01 (release 2: openai/copilot office-integration); now rebuild (openai/copilot shipped office-integration on 2023-11-01; rebuild on it)",
        ])

        // Nothing changed and nothing happened since: --quiet prints nothing. JSON lists the
        // same events when asked again over the same period (a dry run records nothing).
        let again = try run(["reassess", "--quiet"], on: "2023-12-05")
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stdout)")
        let json = try run(["reassess", "--as-of", "2023-12-05", "--dry-run", "--format", "json"], on: "2023-12-05")
        #expect(json.stdout.contains(#""events":[]"#))
        let event = try #require(DigestJSONTests.events(
            of: try run(["reassess", "--as-of", "2023-12-06", "--format", "json"], on: "2023-12-06").stdout))
        #expect(event.isEmpty)
    }
}
