import Foundation
import LifelineStorage
import Testing

/// `lifeline scorecard` and `v_lifeline_outcomes`, end to end (issue 21), on a portfolio
/// dated by the shipped release history whose scorecard is worked out by hand below and
/// in docs/scorecard.md.
@Suite("Scorecard, end to end")
struct ScorecardCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], today: String = "2026-01-15") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file("s.db"), "LIFELINE_TODAY": today])
    }

    @discardableResult
    func ok(_ arguments: [String], today: String = "2026-01-15") throws -> String {
        let result = try run(arguments, today: today)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func sql(_ query: String) throws -> [String] {
        let connection = try Database(path: scratch.file("s.db"), configuration: .init(mode: .readOnly))
        return try connection.fetchAll(sql: query) { try $0.get(0) as String }
    }

    /// Fourteen lifelines with known ends, by the history's dates:
    /// - fell short (5): copy3 (ChatGPT, 2022-11-30, a day before its 3 months ran out),
    ///   pdfchat (ChatGPT's file upload, 2023-07-06), fncall (function calling,
    ///   2023-06-13), browse (ChatGPT browsing, 2023-05-12) and deckai (Microsoft 365
    ///   Copilot, 2023-11-01);
    /// - held (7): four with nothing to threaten them, researchy and vid (deep research
    ///   and video generation came after their tier ran out), and renewer's second lifeline;
    /// - closed (1): gone, shut down before anything ended it;
    /// - superseded (1): renewer's first lifeline, renewed after 5 of its 12 months.
    func makePortfolio() throws {
        try ok(["init", "--with-history"])
        let companies: [(String, String, String, String?)] = [
            ("copy3", "3", "2022-09-01", "chat-assistant:necessity"), ("pdfchat", "6", "2023-04-01", "file-upload:necessity"),
            ("deckai", "12", "2023-03-01", "office-integration:advantage"), ("fncall", "6", "2023-03-01", "function-calling:advantage"),
            ("browse", "6", "2023-01-01", "web-browsing:necessity"), ("q1", "3", "2022-01-01", nil), ("q2", "3", "2022-02-01", nil),
            ("q3", "6", "2022-01-01", nil), ("q4", "12", "2021-01-01", nil), ("researchy", "12", "2023-01-01", "deep-research:necessity"),
            ("vid", "6", "2024-01-01", "video-generation:advantage"), ("gone", "6", "2023-01-01", nil), ("renewer", "12", "2022-01-01", nil),
        ]
        for (slug, tier, since, exposure) in companies {
            try ok(["company", "add", slug, "--tier", tier, "--since", since] + (exposure.map { ["--expose", $0] } ?? []))
        }
        // Money counts by the day a lifeline ended: deckai's came after its end.
        try ok(["company", "invest", "pdfchat", "--on", "2023-05-01", "--amount", "500000"])
        try ok(["company", "invest", "deckai", "--on", "2024-01-01", "--amount", "1000000"])
        try ok(["company", "close", "gone", "--on", "2023-03-01", "--reason", "shutdown"])
        try ok(["company", "renew", "renewer", "--on", "2022-06-01"])
        try ok(["reassess", "--quiet"])
    }

    @Test("by tier: each group worked out by hand, every one too few to judge; the coin line over all twelve judged")
    func byTier() throws {
        try makePortfolio()
        let csv = try ok(["scorecard", "--format", "csv"])
        #expect(csv == """
            group,lifelines,held,fell_short,closed,superseded,held_pct,median_months_lasted_short,invested_short_usd,verdict
            3,3,2,1,0,0,67,3,0,too few to judge
            6,6,2,3,1,0,40,3.4,500000,too few to judge
            12,5,3,1,0,1,75,8,0,too few to judge

            """)
        let table = try ok(["scorecard"])
        #expect(table.hasPrefix("Scorecard as of 2026-01-15, by tier: 14 lifelines ended.\n"))
        #expect(table.hasSuffix("\nYour tiers held 58% of the time (7 of 12 judged lifelines); a coin would be right 50%.\n"))
        let json = try ok(["scorecard", "--format", "json"])
        #expect(json.contains(#""total":{"group":"all","lifelines":14,"held":7,"fell_short":5,"closed":1,"superseded":1,"held_pct":58,"median_months_lasted_short":3.4,"invested_short_usd":500000,"verdict":"better than a coin"}"#))
    }

    @Test("by provider and by capability: what ended lifelines early, ranked, with the money in them")
    func rankings() throws {
        try makePortfolio()
        #expect(try ok(["scorecard", "--by", "provider", "--format", "csv"]) == """
            rank,group,lifelines_ended,median_months_lasted,invested_usd
            1,openai,4,3.3,500000
            2,microsoft,1,8,0

            """)
        #expect(try ok(["scorecard", "--by", "capability", "--format", "tsv"]) == """
            rank\tgroup\tlifelines_ended\tmedian_months_lasted\tinvested_usd
            1\tfile-upload\t1\t3.2\t500000
            2\tchat-assistant\t1\t3\t0
            3\tfunction-calling\t1\t3.4\t0
            4\toffice-integration\t1\t8\t0
            5\tweb-browsing\t1\t4.3\t0

            """)
    }

    @Test("the judged lifelines are the rows of v_lifeline_outcomes")
    func viewEqualsCommand() throws {
        try makePortfolio()
        let listed = try ok(["scorecard", "--lifelines", "--format", "csv"]).split(separator: "\n").map(String.init)
        let viewed = try ok(["sql", "--format", "csv", "SELECT * FROM v_lifeline_outcomes ORDER BY company, lifeline_start"])
            .split(separator: "\n").map(String.init)
        #expect(listed.count == 15)
        #expect(listed == viewed)
        #expect(listed.contains("copy3,,2022-09-01,3,2022-12-01,2022-11-30,90,3,0,fell-short,threat,openai,chat-assistant,necessity,0"))
        #expect(listed.contains("renewer,,2022-01-01,12,2023-01-01,2022-06-01,151,5,,superseded,,,,,0"))
        #expect(listed.contains("gone,,2023-01-01,6,2023-07-01,2023-03-01,59,1.9,,closed,,,,,0"))
    }

    @Test("as of an earlier date, only what was recorded by then counts")
    func timeTrue() throws {
        try makePortfolio()
        // Nothing was assessed as of mid-2023: only the closing and the renewal were
        // known to have ended a lifeline, and neither tests an estimate.
        #expect(try ok(["scorecard", "--as-of", "2023-06-30", "--format", "csv"]) == """
            group,lifelines,held,fell_short,closed,superseded,held_pct,median_months_lasted_short,invested_short_usd,verdict
            6,1,0,0,1,0,,,0,too few to judge
            12,1,0,0,0,1,,,0,too few to judge

            """)
        #expect(try ok(["scorecard", "--as-of", "2023-06-30"]).hasSuffix("\nNo lifeline has been judged yet; a coin would be right 50%.\n"))
        // A backtest recorded as of that day: the lifelines ended by then are judged
        // (renewer's second elapsed on 2023-06-01), and a scorecard as of the day reads
        // it, not the later run: pdfchat and deckai, ended later, are not there.
        try ok(["reassess", "--as-of", "2023-06-30", "--quiet"])
        let known = try ok(["scorecard", "--as-of", "2023-06-30", "--lifelines", "--format", "csv"])
        #expect(known.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
            == ["browse", "copy3", "fncall", "gone", "q1", "q2", "q3", "q4", "renewer", "renewer"])
    }

    @Test("the HTML report has a scorecard panel: the coin line and the groups by tier")
    func reportPanel() throws {
        try makePortfolio()
        let page = try ok(["report", "--format", "html"])
        let start = try #require(page.firstRange(of: #"<section class="scorecard">"#))
        let end = try #require(page[start.upperBound...].firstRange(of: "</section>"))
        let panel = String(page[start.lowerBound..<end.upperBound])
        #expect(panel.contains("<p>Your tiers held 58% of the time (7 of 12 judged lifelines); a coin would be right 50%.</p>"))
        #expect(panel.contains("<td class=\"number\">40</td>"))
        #expect(panel.contains("$500,000"))
        #expect(try !ok(["report"]).contains("Your tiers held"))
    }

    @Test("bad input: an unknown grouping and a malformed date are usage and data errors")
    func badInput() throws {
        try makePortfolio()
        let grouping = try run(["scorecard", "--by", "stage"])
        #expect(grouping.status == 64)
        #expect(grouping.stderr.contains("stage"))
        let date = try run(["scorecard", "--as-of", "2023-02-30"])
        #expect(date.status == 65)
        #expect(date.stderr.hasPrefix("lifeline: error: invalid --as-of date '2023-02-30'"))
    }
}
