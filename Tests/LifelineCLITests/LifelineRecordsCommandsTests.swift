import Foundation
import LifelineStorage
import Testing

/// Lifelines as dated records through the CLI: renew, close and reopen; what is refused,
/// with nothing written; and lifelines and closings through export and restore, including
/// an export made before lifelines were dated records.
@Suite("Lifelines as dated records, end to end")
struct LifelineRecordsCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        for command in [
            ["init"],
            ["provider", "add", "openai"],
            ["model", "add", "openai/chatgpt", "--kind", "product"],
            ["model", "add", "openai/gpt-4"],
            ["company", "add", "deck", "--tier", "6", "--since", "2023-03-01"],
            ["company", "depend", "deck", "openai/gpt-4"],
            ["company", "expose", "deck", "file-upload", "--effect", "advantage", "--provider", "openai"],
            ["company", "invest", "deck", "--on", "2023-03-10", "--amount", "1M"],
        ] {
            let result = try run(command, on: "2023-03-01")
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try run(["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"], on: "2023-07-06").status == 0)
    }

    func run(_ arguments: [String], db: String = "p.db", on today: String) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": today])
    }

    @Test("rebuild, renew, close and reopen: each lifeline kept with its own exposures, history and backtests tell them apart")
    func lifecycle() throws {
        #expect(try run(["company", "rebuild", "deck", "--on", "2023-09-01", "--note", "On the Assistants API"], on: "2023-09-02").status == 0)
        #expect(try run(["company", "unexpose", "deck", "file-upload"], on: "2023-09-02").status == 0)
        #expect(try run(["company", "expose", "deck", "agents", "--effect", "necessity"], on: "2023-09-02").status == 0)
        let renewed = try run(["company", "renew", "deck", "--on", "2024-03-05", "--tier", "12", "--runway", "9", "--note", "Reviewed"], on: "2024-03-05")
        // As of a date before the renewal, the lifeline in force then: its tier and runway.
        let listed = { (date: String) in
            try run(["company", "list", "--as-of", date, "--format", "csv"], on: "2024-03-05").stdout.split(separator: "\n").last ?? ""
        }
        let then = try listed("2024-01-01")
        let now = try listed("2024-03-05")
        #expect(then.hasPrefix("deck,deck,6,2023-09-01,"), "\(then)")
        #expect(then.contains(",3,,1000000,"), "runway 3 then: \(then)")
        #expect(now.contains(",9,,1000000,"), "runway 9 now: \(now)")
        #expect(renewed.stdout.hasPrefix("Renewed deck: new lifeline, tier 12 months from 2024-03-05, runway 9 months."), "\(renewed.stderr)")
        // As of a date in the first lifeline, its own exposure decides: file upload ended it.
        let first = try run(["company", "show", "deck", "--as-of", "2023-08-01", "--format", "json"], on: "2024-03-05").stdout
        #expect(first.contains(#""status":"rebuild","tier_months":6,"lifeline_start":"2023-03-01""#), "\(first)")
        let second = try run(["company", "show", "deck", "--as-of", "2023-10-01", "--format", "json"], on: "2024-03-05").stdout
        #expect(second.contains(#""status":"alive","tier_months":6,"lifeline_start":"2023-09-01""#), "\(second)")
        let before = try run(["company", "show", "deck", "--as-of", "2023-02-28"], on: "2024-03-05").stdout
        #expect(before.contains("not in the portfolio as of 2023-02-28: its first lifeline began on 2023-03-01"))
        #expect(before.contains("Threats to the current lifeline, as of the latest assessment"), "a past picture does not pass today's threats off as its own")
        #expect(try run(["company", "list", "--as-of", "2023-02-28", "--format", "csv"], on: "2024-03-05").stdout.split(separator: "\n").count == 1)

        let closed = try run(["company", "close", "deck", "--on", "2024-04-01", "--reason", "write-off"], on: "2024-04-02")
        #expect(closed.stdout == "Closed deck on 2024-04-01 (write-off).\ndeck: alive -> closed (left the portfolio on 2024-04-01)\n")
        let history = try run(["history", "deck"], on: "2024-04-02").stdout
        #expect(history.contains("Closed on 2024-04-01 (write-off)"))
        #expect(history.contains("2023-03-01                6  added    2023-07-06  rebuild  2023-09-01"), "\(history)")
        #expect(history.contains("2023-09-01                6  rebuilt  2024-03-05  renewed  2024-03-05  On the Assistants API"), "\(history)")
        #expect(history.contains("2024-03-05               12  renewed  2024-04-01  closed               Reviewed"), "\(history)")
        let report = try run(["report", "--format", "json"], on: "2024-04-02").stdout
        #expect(report.contains(#""capital_at_risk_usd":0"#), "a closed company is no capital at risk")
        let reopened = try run(["company", "reopen", "deck"], on: "2024-04-02")
        #expect(reopened.stdout.hasPrefix("Reopened deck (closed on 2024-04-01, write-off).\ndeck: closed -> alive"))
    }

    @Test("future starts, closings out of place and lifelines out of order are refused with nothing written", arguments: [
        (["company", "add", "late", "--tier", "3", "--since", "2024-01-02"],
         "--since date 2024-01-02 is after today (2024-01-01): a lifeline is recorded on or after the day it starts"),
        (["company", "edit", "deck", "--since", "2024-01-02"],
         "--since date 2024-01-02 is after today (2024-01-01): a lifeline is recorded on or after the day it starts"),
        (["company", "rebuild", "deck", "--on", "2024-01-02"], "2024-01-02 is after today (2024-01-01): a rebuild is recorded on or after the day it happens"),
        (["company", "renew", "deck", "--on", "2024-02-01"], "2024-02-01 is after today (2024-01-01): a renewal is recorded on or after the day it happens"),
        (["company", "renew", "deck", "--on", "2023-03-01"],
         "a renewal must come after the current lifeline's start (2023-03-01); to correct the start, use 'lifeline company edit deck --since'"),
        (["company", "close", "deck", "--on", "2024-01-02", "--reason", "exit"], "2024-01-02 is after today (2024-01-01): a closing is recorded on or after the day it happens"),
        (["company", "close", "deck", "--on", "2023-02-01", "--reason", "exit"],
         "--on 2023-02-01 is before the current lifeline's start (2023-03-01); a company closes during its current lifeline"),
        (["company", "close", "deck", "--on", "2023-12-01", "--reason", "sold"], "invalid reason 'sold': use exit, shutdown, write-off or other"),
        (["company", "reopen", "deck"], "'deck' is not closed; nothing to reopen"),
        (["company", "renew", "dekc", "--on", "2023-12-01"], "unknown company 'dekc'; did you mean 'deck'?"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let refused = try run(arguments, on: "2024-01-01")
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderrLines == ["lifeline: error: \(message)"])
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }

    @Test("a closed company is reopened before a new lifeline; an edited start stays after the earlier lifelines")
    func orderOfThings() throws {
        #expect(try run(["company", "close", "deck", "--on", "2023-08-01", "--reason", "shutdown"], on: "2023-08-02").status == 0)
        let refused = try run(["company", "renew", "deck", "--on", "2023-09-01"], on: "2023-09-01")
        #expect(refused.stderrLines == ["lifeline: error: 'deck' was closed on 2023-08-01 (shutdown); 'lifeline company reopen deck' first"])
        #expect(try run(["company", "close", "deck", "--on", "2023-08-05", "--reason", "exit"], on: "2023-09-01").stderrLines
            == ["lifeline: error: 'deck' is already closed, on 2023-08-01 (shutdown); 'lifeline company reopen deck' undoes it"])
        #expect(try run(["company", "reopen", "deck"], on: "2023-09-01").status == 0)
        #expect(try run(["company", "renew", "deck", "--on", "2023-09-01"], on: "2023-09-01").status == 0)
        let edit = try run(["company", "edit", "deck", "--since", "2023-03-01"], on: "2023-09-01")
        #expect(edit.status == 65)
        #expect(edit.stderrLines == [
            "lifeline: error: --since 2023-03-01 is not after the start of 'deck''s earlier lifeline (2023-03-01); 'lifeline history deck' lists its lifelines",
        ])
    }

    @Test("export and restore keep every lifeline with its own links, and the closing")
    func roundTrip() throws {
        #expect(try run(["company", "rebuild", "deck", "--on", "2023-09-01", "--tier", "3"], on: "2023-09-01").status == 0)
        #expect(try run(["company", "expose", "deck", "agents", "--effect", "necessity"], on: "2023-09-01").status == 0)
        #expect(try run(["company", "close", "deck", "--on", "2023-10-01", "--reason", "exit", "--note", "Acquired"], on: "2023-10-01").status == 0)
        #expect(try run(["export", "--out", "out"], on: "2023-10-01").status == 0)
        let lifelines = try String(contentsOfFile: scratch.file("out/lifelines.csv"), encoding: .utf8)
        #expect(lifelines.hasPrefix("company,starts_on,tier_months,runway_months,began,note,superseded_at,depends,exposures\n"))
        #expect(lifelines.contains("deck,2023-03-01,6,3,added,,"))
        #expect(lifelines.contains(",openai/gpt-4,file-upload:advantage@openai\n"))
        #expect(try run(["company", "invest", "deck", "--on", "2023-10-01", "--amount", "5k"], on: "2023-10-01").status == 0)
        #expect(try run(["export", "--out", "out", "--force"], on: "2023-10-01").status == 0)
        // companies.csv has a row per investment: two rows, one company.
        let restored = try run(["restore", "out"], db: "b.db", on: "2023-10-01")
        #expect(restored.stdout.contains(" 1 companies, "), "\(restored.stdout)")
        let query = ["sql", "SELECT * FROM v_lifelines UNION ALL SELECT company_id, closed_on, reason, note, NULL, NULL, NULL, NULL FROM closures", "--format", "csv"]
        #expect(try run(query, db: "b.db", on: "2023-10-01").stdout == run(query, on: "2023-10-01").stdout)
        for date in ["2023-08-01", "2023-09-15", "2023-10-01"] {
            let show = ["company", "show", "deck", "--as-of", date, "--format", "json"]
            #expect(try run(show, db: "b.db", on: "2023-10-01").stdout == run(show, on: "2023-10-01").stdout, "\(date)")
        }
    }

    @Test("an export made before lifelines were dated records restores its rebuilds as earlier lifelines")
    func legacyExport() throws {
        #expect(try run(["export", "--out", "old"], on: "2023-10-01").status == 0)
        try FileManager.default.removeItem(atPath: scratch.file("old/lifelines.csv"))
        try FileManager.default.removeItem(atPath: scratch.file("old/closures.csv"))
        try """
            company,previous_start,previous_tier_months,rebuilt_on,tier_months,note,recorded_at
            deck,2022-09-01,3,2023-03-01,6,Rebuilt on GPT-4,2023-03-01T09:00:00.000Z

            """.write(toFile: scratch.file("old/rebuilds.csv"), atomically: true, encoding: .utf8)
        let restored = try run(["restore", "old"], db: "b.db", on: "2023-10-01")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try run(["sql", "SELECT starts_on, tier_months, began, note, is_current FROM v_lifelines", "--format", "csv"], db: "b.db", on: "2023-10-01").stdout == """
            starts_on,tier_months,began,note,is_current
            2022-09-01,3,added,,0
            2023-03-01,6,rebuilt,Rebuilt on GPT-4,1

            """)
    }

    /// An export of this portfolio with one file's text changed by `edit`.
    func editedExport(_ file: String, _ edit: (String) -> String) throws {
        if !scratch.exists("out/companies.csv") { #expect(try run(["export", "--out", "out"], on: "2023-10-01").status == 0) }
        let path = scratch.file("out/\(file)")
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("restore checks every row as the CLI and the schema would, and says where the first bad one is", arguments: [
        // A 20 KB logged_at full of terminal escape codes.
        ("releases.csv", "logged_at", String(repeating: "\u{1B}[2J\u{1B}[31m", count: 2_000),
         "releases.csv:2: invalid logged_at '\\u{1b}[2J\\u{1b}[31m\\u{1b}[2J\\u{1b}[31m\\u{1b}[2J\\u{1b}[31m\\u{1b}[2J\\u{1b}[31m\\u{1b}[2J...': use a UTC time such as 2024-06-01T06:15:02.118Z"),
        ("lifelines.csv", "superseded_at", "yesterday",
         "lifelines.csv:2: invalid superseded_at 'yesterday': use a UTC time such as 2024-06-01T06:15:02.118Z"),
        // Only the schema knows: an earlier lifeline may not start after the current one.
        ("lifelines.csv", "starts_on", "2023-09-15",
         "lifelines.csv:2: refused by the database: an earlier lifeline must start before the company's current one"),
    ])
    func restoreChecksRows(file: String, column: String, value: String, message: String) throws {
        #expect(try run(["company", "rebuild", "deck", "--on", "2023-09-01"], on: "2023-09-01").status == 0)
        try editedExport(file) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[header.firstIndex(of: column)!] = "\"" + value + "\""
            lines[1] = cells.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
        let refused = try run(["restore", "out"], db: "b.db", on: "2023-10-01")
        #expect(refused.status == 65)
        #expect(refused.stderrLines == ["lifeline: error: \(message)"])
        #expect(!scratch.exists("b.db"))
    }

    @Test("restore refuses a column it would not read, and a dismissal the CLI would refuse")
    func restoreRefusesWhatItWouldLose() throws {
        try editedExport("dismissals.csv") { $0.replacing("recorded_at", with: "recorded_at,recored_by") }
        let unknown = try run(["restore", "out"], db: "b.db", on: "2023-10-01")
        #expect(unknown.stderrLines == [
            "lifeline: error: dismissals.csv:1: unknown column 'recored_by' (did you mean 'recorded_at'?); the columns are company, release_id, reason, until, recorded_at",
        ])
        try editedExport("dismissals.csv") { _ in
            "company,release_id,reason,until,recorded_at\ndeck,1,not for us,,2023-10-01T00:00:00.000Z\n"
        }
        // Release 1 ships file upload from OpenAI, which deck is exposed to; release 2 ships nothing it is.
        #expect(try run(["restore", "out"], db: "b.db", on: "2023-10-01").status == 0)
        #expect(try run(["release", "log", "openai/gpt-4", "--on", "2023-08-01", "--capability", "vision"], on: "2023-10-01").status == 0)
        try FileManager.default.removeItem(atPath: scratch.file("out"))
        try editedExport("dismissals.csv") { _ in
            "company,release_id,reason,until,recorded_at\ndeck,2,not for us,,2023-10-01T00:00:00.000Z\n"
        }
        let refused = try run(["restore", "out"], db: "c.db", on: "2023-10-01")
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("lifeline: error: dismissals.csv:2: release 2 (openai/gpt-4 capability on 2023-08-01) does not threaten 'deck'"), "\(refused.stderr)")
    }

    @Test("times written by hand are held to the schema's rule, and doctor finds those written before it")
    func recordedTimesByHand() throws {
        let database = try Database(path: scratch.file("p.db"))
        #expect(throws: SQLiteError.self) { try database.execute(sql: "UPDATE releases SET logged_at = 'soon'") }
        try database.execute(sql: "DROP TRIGGER releases_logged_at_is_a_time_on_update")
        try database.execute(sql: "UPDATE releases SET logged_at = 'soon'")
        let doctor = try run(["doctor"], on: "2023-10-01")
        #expect(doctor.status == 1)
        #expect(doctor.stderr.contains(
            "lifeline: problem: stored value: releases.logged_at: 1 row holds a value lifeline does not know (such as 'soon'); expected a UTC time such as 2024-06-01T06:15:02.118Z"),
            "\(doctor.stderr)")
    }

    @Test("a company name that would display as something else is refused")
    func invisibleCharactersInNames() throws {
        let refused = try run(["company", "add", "evil", "--tier", "3", "--since", "2023-01-01", "--name", "Deck\u{202E}cod.exe"], on: "2023-10-01")
        #expect(refused.status == 65)
        #expect(refused.stderrLines == ["lifeline: error: the company name contains U+202E, which would make it display as something else"])
    }

    @Test("company add records a whole company in one command: one transaction, one assessment in its history")
    func addWithLinks() throws {
        let added = try run([
            "company", "add", "slides", "--tier", "6", "--since", "2023-05-01", "--depend", "openai/gpt-4",
            "--expose", "file-upload:necessity@openai", "--expose", "agents:advantage", "--invest", "1.5M@2023-05-02@Seed",
            "--invest", "250k@2023-06-01",
        ], on: "2023-06-01")
        #expect(added.stdout.hasPrefix(
            "Added company slides (slides): tier 6 months from 2023-05-01, runway 3 months; 1 dependency, 2 exposures, 2 investments ($1,750,000)."),
            "\(added.stdout)\(added.stderr)")
        let history = try run(["history", "slides", "--all", "--format", "csv"], on: "2023-06-01").stdout
        #expect(history.split(separator: "\n").count == 2, "one assessment, made with everything known: \(history)")
        let show = try run(["company", "show", "slides", "--format", "csv"], on: "2023-06-01").stdout
        #expect(show.contains(",1500000,2023-05-02,Seed,openai/gpt-4,agents:advantage;file-upload:necessity@openai\n"), "\(show)")
    }

    @Test("expose and unexpose per provider: what each did, and what is refused with nothing written")
    func exposuresPerProvider() throws {
        let necessity = try run(["company", "expose", "deck", "file-upload", "--effect", "necessity"], on: "2023-08-01")
        #expect(necessity.stdout.hasPrefix("deck is exposed to file-upload (necessity, any other provider).\n"), "\(necessity.stderr)")
        let moved = try run(["company", "expose", "deck", "file-upload", "--effect", "necessity", "--provider", "openai"], on: "2023-08-01")
        #expect(moved.stdout.hasPrefix("""
            deck is now exposed to file-upload (necessity, openai).
            deck: rebuild -> replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-10-06)
            """), "\(moved.stdout)")
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        for (arguments, status, message) in [
            (["--provider", "openai", "--any-other"], Int32(64), "--provider and --any-other remove different exposures; give one of them"),
            (["--provider", "microsoft"], 65, "unknown provider 'microsoft'"),
        ] {
            let refused = try run(["company", "unexpose", "deck", "file-upload"] + arguments, on: "2023-08-01")
            #expect(refused.status == status)
            #expect(refused.stderrLines.first?.hasPrefix("lifeline: error: \(message)") == true, "\(refused.stderr)")
        }
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
        let removed = try run(["company", "unexpose", "deck", "file-upload", "--any-other"], on: "2023-08-01")
        #expect(removed.stdout.hasPrefix("deck is exposed to file-upload only from the providers its exposures name.\n"))
        let show = try run(["company", "show", "deck", "--format", "csv"], on: "2023-08-01").stdout
        #expect(show.hasSuffix(",file-upload:necessity@openai\n"), "\(show)")
    }

    @Test("a bad link refuses the whole company, with nothing written", arguments: [
        (["--invest", "1.5M"], 64, "--invest takes AMOUNT@DATE or AMOUNT@DATE@ROUND, such as 1.5M@2023-05-10@Seed, not '1.5M'"),
        (["--expose", "file-uplod:necessity"], 65, "unknown capability 'file-uplod'; did you mean 'file-upload'?"),
        (["--expose", "vision:advantage", "--expose", "vision:necessity"], 65, "vision is given twice for any provider"),
        (["--expose", "vision:advantage@openai", "--expose", "vision:necessity@anthropic+openai"], 65,
         "vision names 'openai' in two exposures"),
        (["--depend", "openai/gpt-5"], 65, "unknown model 'openai/gpt-5'"),
        (["--invest", "1.2.3@2023-05-02"], 65, "invalid amount '1.2.3'"),
    ])
    func addWithBadLinks(options: [String], status: Int32, message: String) throws {
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let refused = try run(["company", "add", "slides", "--tier", "6", "--since", "2023-05-01"] + options, on: "2023-06-01")
        #expect(refused.status == status, "\(refused.stderr)")
        #expect(refused.stderrLines.first?.hasPrefix("lifeline: error: \(message)") == true, "\(refused.stderr)")
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }
}
