import Foundation
import LifelineStorage
import Testing

/// Stagnation flags, end to end (issue 21, rule 11): an opportunity left unadopted, or a
/// rebuild left undone, for more than the stall window - in `company list`, `company
/// show`, the report, `v_company_lifeline` and the digest, as of any date with what was
/// recorded by then.
///
/// webby builds on ChatGPT from 2023-01-01 and is exposed to file upload (advantage), in
/// the shipped history: browsing (2023-05-12) is an opportunity, stale from 2023-08-11;
/// file upload with code execution (2023-07-06) makes it rebuild, overdue from
/// 2023-10-05, and code execution is an opportunity, stale from the same day.
@Suite("Stagnation flags, end to end")
struct StagnationCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String = "s.db", today: String = "2026-01-15") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": today])
    }

    @discardableResult
    func ok(_ arguments: [String], db: String = "s.db", today: String = "2026-01-15") throws -> String {
        let result = try run(arguments, db: db, today: today)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func makePortfolio() throws {
        try ok(["init", "--with-history"])
        try ok(["company", "add", "webby", "--tier", "12", "--since", "2023-01-01", "--depend", "openai/chatgpt", "--expose", "file-upload:advantage"])
    }

    /// webby's `flags` cell in `company list --as-of`.
    func listedFlags(asOf: String, db: String = "s.db") throws -> String {
        let rows = try ok(["company", "list", "--as-of", asOf, "--format", "tsv"], db: db).split(separator: "\n")
        #expect(rows.first?.hasSuffix("\texposures\tflags") == true, "flags is the last column: \(rows.first ?? "")")
        return rows.dropFirst().first { $0.hasPrefix("webby\t") }.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).last!) } ?? "?"
    }

    @Test("a flag goes up the day after the stall window has passed, not before")
    func windows() throws {
        try makePortfolio()
        #expect(try listedFlags(asOf: "2023-08-10") == "")
        #expect(try listedFlags(asOf: "2023-08-11") == "stale-opportunities 91d")
        #expect(try listedFlags(asOf: "2023-10-04") == "stale-opportunities 145d")
        #expect(try listedFlags(asOf: "2023-10-05") == "stale-opportunities 146d, rebuild-overdue 91d")
        let shown = try ok(["company", "show", "webby", "--as-of", "2023-10-05"])
        #expect(shown.contains("""
            Stagnating (flags):
            stale-opportunities: web-browsing on openai/chatgpt (release 6, 2023-05-12) not adopted for 146 days
            rebuild-overdue: in rebuild for 91 days since openai/chatgpt shipped file-upload on 2023-07-06 (release 9), with no new lifeline
            """), "\(shown)")
        #expect(!(try ok(["company", "show", "webby", "--as-of", "2023-08-10"])).contains("Stagnating"))
        let json = try ok(["company", "show", "webby", "--as-of", "2023-08-11", "--format", "json"])
        #expect(json.contains(#""flags":[{"flag":"stale-opportunities","since":"2023-05-12","days":91,"raised_on":"2023-08-11","release_id":6,"model":"openai/chatgpt","capability":"web-browsing"}]"#))
    }

    @Test("an adoption takes the stale flag down from its date; a backtest before it still has it; a new lifeline starts clean")
    func adoptionsAndRebuilds() throws {
        try makePortfolio()
        try ok(["company", "adopt", "webby", "web-browsing", "--on", "2023-09-01"])
        #expect(try listedFlags(asOf: "2023-08-31") == "stale-opportunities 111d")
        #expect(try listedFlags(asOf: "2023-09-01") == "", "code execution (2023-07-06) is 57 days old")
        #expect(try listedFlags(asOf: "2023-10-05") == "stale-opportunities 91d, rebuild-overdue 91d")
        try ok(["company", "rebuild", "webby", "--on", "2023-11-01"])
        #expect(try listedFlags(asOf: "2023-12-01") == "", "the new lifeline's only opportunity, voice of 2023-11-21, is 10 days old")
        // The new lifeline ended too: the Assistants API's file upload (2023-11-06).
        #expect(try listedFlags(asOf: "2024-02-20") == "stale-opportunities 91d, rebuild-overdue 106d")
        #expect(try listedFlags(asOf: "2023-10-31") == "stale-opportunities 117d, rebuild-overdue 117d", "the day before, by the lifeline then")
    }

    @Test("the report lists the stagnating companies, longest standing first, with the window used")
    func report() throws {
        try makePortfolio()
        try ok(["reassess", "--as-of", "2023-10-05", "--stall-days", "60"])
        let text = try ok(["report", "--as-of", "2023-10-05"])
        #expect(text.contains("""
            Stagnating (stall window 60 days):
            company  status   flag                 since       days  what
            -------  -------  -------------------  ----------  ----  ---------------------------------------------------------------------------------------------------------------
            webby    rebuild  stale-opportunities  2023-05-12   146  web-browsing on openai/chatgpt (release 6, 2023-05-12) not adopted for 146 days
            webby    rebuild  rebuild-overdue      2023-07-06    91  in rebuild for 91 days since openai/chatgpt shipped file-upload on 2023-07-06 (release 9), with no new lifeline
            """), "\(text)")
        let json = try ok(["report", "--as-of", "2023-10-05", "--format", "json"])
        #expect(json.contains(#""stall_days":60,"stagnating":[{"company":"webby","status":"rebuild","flag":"stale-opportunities","since":"2023-05-12","days":146,"#))
        #expect(try ok(["report", "--as-of", "2023-06-01"]).contains("Stagnating (stall window 60 days):\n(none)"))
    }

    @Test("the digest tells a flag that went up since the previous nightly run, once")
    func digest() throws {
        try makePortfolio()
        try ok(["reassess", "--as-of", "2023-08-01"])
        let text = try ok(["reassess", "--as-of", "2023-08-15"])
        #expect(text.contains("""
              webby: stagnating on 2023-08-11 (stale-opportunities: web-browsing on openai/chatgpt (release 6, 2023-05-12) not adopted for 95 days); now rebuild
            """.trimmingCharacters(in: .newlines)), "\(text)")
        #expect(!(try ok(["reassess", "--as-of", "2023-08-15"])).contains("stagnating"), "a second run on the same date has no period")
        let json = try ok(["reassess", "--as-of", "2023-10-10", "--format", "json"])
        #expect(json.contains(#""warn_days":30,"stall_days":90,"#))
        #expect(json.contains(#""kind":"stagnating","company":"webby","on":"2023-10-05","release_id":9,"#))
        #expect(json.contains(#""flag":{"flag":"rebuild-overdue","since":"2023-07-06","days":96,"raised_on":"2023-10-05","release_id":9,"model":"openai/chatgpt","capability":"file-upload"}"#))
        #expect(json.components(separatedBy: #""kind":"stagnating""#).count == 2, "the stale flag was up already, by browsing: \(json)")
    }

    @Test("--stall-days out of range is bad data, a word is a usage error; nothing is recorded")
    func badStallDays() throws {
        try makePortfolio()
        let runs = { () throws -> Int in
            let connection = try Database(path: scratch.file("s.db"), configuration: .init(mode: .readOnly))
            return try connection.fetchOne(sql: "SELECT count(*) FROM reassessment_runs") { try $0.get(0) as Int } ?? -1
        }
        let before = try runs()
        for bad in ["-1", "3651"] {
            let result = try run(["reassess", "--stall-days=\(bad)"])
            #expect(result.status == 65)
            #expect(result.stderr == "lifeline: error: invalid stall window \(bad): use 0 to 3650 days\n")
        }
        #expect(try run(["reassess", "--stall-days", "ninety"]).status == 64)
        #expect(try runs() == before)
    }

    @Test("v_company_lifeline's flags are company list's, as of the latest run, with its window", arguments: [
        ("2023-10-01", 90), ("2023-12-20", 30), ("2024-06-01", 120), ("2025-01-01", 0), ("2026-01-15", 365),
    ])
    func viewAgreesWithTheList(today: String, stallDays: Int) throws {
        // Each case on its own day: every write reassesses as of today, which is then the
        // view's date.
        try ok(["demo", "--db", "v.db", "--as-of", "2023-09-01"], today: today)
        try ok(["company", "adopt", "chainsmith", "fine-tuning", "--on", "2023-09-15"], db: "v.db", today: today)
        try ok(["company", "rebuild", "autopilot", "--on", "2023-09-20"], db: "v.db", today: today)
        try ok(["reassess", "--stall-days", String(stallDays)], db: "v.db", today: today)
        let listed = try ok(["company", "list", "--format", "tsv"], db: "v.db", today: today).split(separator: "\n").dropFirst()
            .map { line -> String in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                let flags = cells.last!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0] }
                return "\(cells[0])|\(flags.joined(separator: ","))"
            }
        let connection = try Database(path: scratch.file("v.db"), configuration: .init(mode: .readOnly))
        let viewed = try connection.fetchAll(sql: "SELECT company || '|' || coalesce(flags, '') FROM v_company_lifeline ORDER BY company") {
            try $0.get(0) as String
        }
        #expect(viewed == listed)
        #expect(listed.contains { $0.contains("stale-opportunities") || $0.contains("rebuild-overdue") } || stallDays == 365)
    }
}
