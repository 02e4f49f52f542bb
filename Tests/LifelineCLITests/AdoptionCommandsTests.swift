import Foundation
import LifelineStorage
import Testing

/// `company adopt`, end to end (issue 21): an opportunity taken up leaves the list to
/// adopt from its date - not before, so a backtest still lists it - and its lag from
/// the release is kept, shown, exported and restored.
@Suite("Adoptions, end to end")
struct AdoptionCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String = "a.db") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": "2026-01-15"])
    }

    @discardableResult
    func ok(_ arguments: [String], db: String = "a.db") throws -> String {
        let result = try run(arguments, db: db)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func sql(_ query: String, db: String = "a.db") throws -> [String] {
        let connection = try Database(path: scratch.file(db), configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { try $0.get(0) as String }
    }

    /// webby builds on ChatGPT from 2023-01-01 and is exposed to file upload: ChatGPT's
    /// browsing (2023-05-12, again 2024-10-31) and code interpreter are opportunities.
    func makePortfolio() throws {
        try ok(["init", "--with-history"])
        try ok(["company", "add", "webby", "--tier", "12", "--since", "2023-01-01", "--depend", "openai/chatgpt", "--expose", "file-upload:advantage"])
    }

    func browsingRelease(on date: String) throws -> String {
        try sql("""
            SELECT CAST(r.id AS TEXT) FROM releases r JOIN models m ON m.id = r.model_id JOIN release_capabilities x ON x.release_id = r.id
            JOIN capabilities k ON k.id = x.capability_id WHERE m.slug = 'chatgpt' AND k.slug = 'web-browsing' AND r.released_on = '\(date)'
            """)[0]
    }

    func toAdopt(asOf: String? = nil) throws -> [String] {
        let shown = try ok(["company", "show", "webby", "--format", "json"] + (asOf.map { ["--as-of", $0] } ?? []))
        return shown.components(separatedBy: #""capability":""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("adopting takes the capability off the list from its date, with the lag from the earliest release")
    func adopt() throws {
        try makePortfolio()
        #expect(try ok(["company", "show", "webby"]).contains("2023-05-12   openai/chatgpt  web-browsing"))
        let first = try browsingRelease(on: "2023-05-12")
        let said = try ok(["company", "adopt", "webby", "web-browsing", "--on", "2023-06-01", "--note", "browsing in the assistant"])
        #expect(said == "Recorded that webby adopted web-browsing on 2023-06-01: release \(first) (openai/chatgpt, 2023-05-12), 20 days after it shipped.\n")
        let shown = try ok(["company", "show", "webby"])
        #expect(!shown.contains("openai/chatgpt  web-browsing"), "both browsing releases leave the list: \(shown)")
        #expect(shown.contains("Adopted (lag: days from the release):\n"))
        #expect(shown.contains("web-browsing  2023-06-01"))
        // Before the adoption, a backtest still lists it, and shows no adoption.
        let before = try ok(["company", "show", "webby", "--as-of", "2023-05-31"])
        #expect(before.contains("2023-05-12   openai/chatgpt  web-browsing"))
        #expect(!before.contains("Adopted"))
        let history = try ok(["history", "webby", "--format", "json"])
        #expect(history.contains(#""adoptions":[{"capability":"web-browsing","adopted_on":"2023-06-01","release_id":\#(first),"model":"openai/chatgpt","released_on":"2023-05-12","lag_days":20,"note":"browsing in the assistant"}]"#))
    }

    @Test("--release names the opportunity adopted; one that is not among them is refused with those that are")
    func namedRelease() throws {
        try makePortfolio()
        let later = try browsingRelease(on: "2024-10-31")
        let first = try browsingRelease(on: "2023-05-12")
        let early = try run(["company", "adopt", "webby", "web-browsing", "--on", "2024-10-30", "--release", later])
        #expect(early.status == 65)
        #expect(early.stderr == "lifeline: error: release \(later) is no opportunity of web-browsing for 'webby' by 2024-10-30; its releases by then: \(first)\n")
        #expect(try ok(["company", "adopt", "webby", "web-browsing", "--on", "2024-11-05", "--release", later]).hasSuffix(", 5 days after it shipped.\n"))
    }

    @Test("refusals write nothing: an exposure, no opportunity, twice, the future, unknown names")
    func refusals() throws {
        try makePortfolio()
        let cases: [([String], Int32, String)] = [
            (["file-upload", "--on", "2024-01-01"], 65, "lifeline: error: 'webby' is exposed to file-upload: a release of it is a threat to its lifeline, not an opportunity to adopt"),
            // Announced on 2023-03-23, shipped on 2023-05-12: not adoptable before.
            (["web-browsing", "--on", "2023-05-11"], 65, "lifeline: error: web-browsing is no opportunity for 'webby' by 2023-05-11: no release shipped it on a model it depends on within its lifeline ('lifeline company show webby' lists what to adopt)"),
            (["web-browsing", "--on", "2027-01-01"], 65, "lifeline: error: 2027-01-01 is after today (2026-01-15): an adoption is recorded on or after the day it happens"),
            (["web-browsng", "--on", "2024-01-01"], 65, "lifeline: error: unknown capability 'web-browsng'; did you mean 'web-browsing'?"),
            (["web-browsing", "--on", "2024-02-30"], 65, "lifeline: error: invalid --on date '2024-02-30': no such day in the calendar"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(["company", "adopt", "webby"] + arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr == message + "\n")
        }
        let company = try run(["company", "adopt", "weby", "web-browsing", "--on", "2024-01-01"])
        #expect(company.stderr == "lifeline: error: unknown company 'weby'; did you mean 'webby'?\n")
        #expect(try sql("SELECT CAST(count(*) AS TEXT) FROM adoptions") == ["0"])
        try ok(["company", "adopt", "webby", "web-browsing", "--on", "2024-01-01"])
        let twice = try run(["company", "adopt", "webby", "web-browsing", "--on", "2024-02-01"])
        #expect(twice.stderr == "lifeline: error: 'webby' adopted web-browsing on 2024-01-01 already\n")
        #expect(try sql("SELECT adopted_on FROM adoptions") == ["2024-01-01"])
    }

    @Test("export and restore keep adoptions; an export from before them restores with none")
    func exportRestore() throws {
        try makePortfolio()
        try ok(["company", "adopt", "webby", "code-execution", "--on", "2023-08-01", "--note", "analysis"])
        try ok(["export", "--out", "out"])
        try ok(["init", "--db", "b.db"], db: "b.db")
        try ok(["restore", "out"], db: "b.db")
        #expect(try ok(["history", "webby"], db: "b.db").contains("code-execution  2023-08-01"))
        try FileManager.default.removeItem(atPath: scratch.file("out/adoptions.csv"))
        try ok(["init", "--db", "c.db"], db: "c.db")
        try ok(["restore", "out"], db: "c.db")
        #expect(try sql("SELECT CAST(count(*) AS TEXT) FROM adoptions", db: "c.db") == ["0"])
    }

    @Test("removing the release an adoption names moves it to the next opportunity of the same capability, or says it goes")
    func releaseRemoval() throws {
        try makePortfolio()
        let first = try browsingRelease(on: "2023-05-12")
        let later = try browsingRelease(on: "2024-10-31")
        try ok(["company", "adopt", "webby", "web-browsing", "--on", "2024-11-05"])
        try ok(["company", "adopt", "webby", "code-execution", "--on", "2023-08-01"])
        let preview = try run(["release", "remove", first])
        #expect(preview.status == 64)
        #expect(preview.stderr == "lifeline: error: this would remove release \(first) (openai/chatgpt capability web-browsing on 2023-05-12), move webby's adoption of web-browsing (2024-11-05) to release \(later); run again with --yes to confirm\n")
        #expect(try sql("SELECT CAST(release_id AS TEXT) FROM adoptions ORDER BY adopted_on") == [try sql("SELECT CAST(release_id AS TEXT) FROM adoptions WHERE adopted_on = '2023-08-01'")[0], first], "a preview writes nothing")
        #expect(try ok(["release", "remove", first, "--yes"]) == """
            Removed release \(first) (openai/chatgpt capability web-browsing on 2023-05-12).
            Moved webby's adoption of web-browsing (2024-11-05) to release \(later).

            """)
        #expect(try sql("SELECT CAST(release_id AS TEXT) FROM adoptions WHERE adopted_on = '2024-11-05'") == [later])
        // Code execution shipped only once on ChatGPT: its adoption goes with the release, and says so.
        let codeExecution = try sql("SELECT CAST(release_id AS TEXT) FROM adoptions WHERE adopted_on = '2023-08-01'")[0]
        let removed = try ok(["release", "remove", codeExecution, "--yes"])
        #expect(removed.contains("Removed webby's adoption of code-execution (2023-08-01): no other release of it was an opportunity by then.\n"))
        #expect(try sql("SELECT adopted_on FROM adoptions") == ["2024-11-05"])
    }

    @Test("company unadopt makes the capability an opportunity again; one not adopted is refused with those that are")
    func unadopt() throws {
        try makePortfolio()
        try ok(["company", "adopt", "webby", "web-browsing", "--on", "2023-06-01"])
        let first = try browsingRelease(on: "2023-05-12")
        let wrong = try run(["company", "unadopt", "webby", "code-execution"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr == "lifeline: error: 'webby' has no adoption of code-execution; it adopted web-browsing\n")
        let typo = try run(["company", "unadopt", "webby", "web-browsng"])
        #expect(typo.stderr == "lifeline: error: unknown capability 'web-browsng'; did you mean 'web-browsing'?\n")
        #expect(try ok(["company", "unadopt", "webby", "web-browsing"])
            == "Removed webby's adoption of web-browsing (2023-06-01, release \(first) (openai/chatgpt, 2023-05-12)): it is an opportunity again.\n")
        #expect(try ok(["company", "show", "webby"]).contains("2023-05-12   openai/chatgpt  web-browsing"))
        #expect(try sql("SELECT CAST(count(*) AS TEXT) FROM adoptions") == ["0"])
    }
}
