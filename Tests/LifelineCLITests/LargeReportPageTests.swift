import Foundation
import Testing

/// The report of a portfolio too large to list whole, as a page and as text: a generated 5,000-company
/// database (bench/generate.py, fixed seed) as of 2023-06-01, when 2,465 of them had
/// begun, one runs and the rest have ended: the running side of the timeline has too
/// few, and the ended side draws the rest.
@Suite("The report of a large portfolio, as HTML, text and Markdown, end to end")
struct LargeReportPageTests {
    let scratch: Scratch
    let page: String
    static let asOf = "2023-06-01"

    init() throws {
        let scratch = try Scratch()
        self.scratch = scratch
        func run(_ arguments: [String]) throws -> LifelineProcess.Result { try Self.run(arguments, in: scratch) }
        let database = scratch.file("large.db")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try run(["init"]).status == 0)
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", repository.appendingPathComponent("bench/generate.py").path, database, "5000"]
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0, "bench/generate.py made the portfolio")
        #expect(try run(["reassess", "--quiet"]).status == 0)
        let report = try run(["report", "--format", "html", "--out", "report.html"])
        #expect(report.status == 0, "\(report.stderr)")
        page = String(decoding: try scratch.bytes("report.html"), as: UTF8.self)
    }

    static func run(_ arguments: [String], in scratch: Scratch) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file("large.db"), "LIFELINE_TODAY": asOf])
    }

    func run(_ arguments: [String]) throws -> LifelineProcess.Result { try Self.run(arguments, in: scratch) }

    func sql(_ query: String) throws -> [String] {
        try run(["sql", query, "--format", "tsv"]).stdout.split(separator: "\n").dropFirst().map(String.init)
    }

    /// Every match of `pattern`'s first group in the page.
    func captures(_ pattern: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
            String(page[Range($0.range(at: 1), in: page)!])
        }
    }

    /// The companies in the report: those whose lifeline had begun by the date.
    var companies: Int { Int((try? sql("SELECT count(*) FROM v_company_lifeline"))?.first ?? "") ?? -1 }

    @Test("the grouped sections are there, and the page stays small: well under 1 MB for 5,000 companies")
    func layout() throws {
        #expect(companies == 2465)
        for heading in [
            "<h2>Timeline: the 1 ending soonest and the 49 ended most recently</h2>", "<h2>Every company, by month of lifeline end</h2>",
            "<h2>Capital at risk by provider</h2>", "<h2>Capital at risk by capability</h2>", "<h2>Ending soonest</h2>",
            "<h2>Ended most recently</h2>",
        ] {
            #expect(page.contains(heading), "\(heading)")
        }
        #expect(page.contains("Of 2465 companies; every company is in 'lifeline report --format json' and in the v_company_lifeline view."))
        #expect(page.utf8.count < 1 << 20, "\(page.utf8.count) bytes")
    }

    @Test("the timeline draws the running companies that end soonest, then those that ended most recently, 50 in all, as the view orders them")
    func drawnCompanies() throws {
        let drawn = try captures(#"<g class="row [a-z-]+" data-company="([^"]+)">"#)
        let soonest = try sql("""
            SELECT company FROM v_company_lifeline WHERE status IN ('alive', 'at-risk') ORDER BY lifeline_end, company LIMIT 25
            """)
        let ended = try sql("""
            SELECT company FROM v_company_lifeline WHERE status IN ('rebuild', 'replaced', 'migrate', 'elapsed')
            ORDER BY lifeline_end DESC, company DESC LIMIT \(50 - soonest.count)
            """)
        #expect(soonest.count == 1 && ended.count == 49)
        #expect(drawn == soonest + ended)
    }

    @Test("the histogram counts every company once, by its status")
    func histogram() throws {
        let counts = try captures(#"<title>\d{4}-\d{2}: (\d+) [a-z-]+ of \d+</title></rect>"#).compactMap { Int($0) }
        #expect(counts.reduce(0, +) == companies)
        let replaced = try captures(#"<title>\d{4}-\d{2}: (\d+) replaced of \d+</title></rect>"#).compactMap { Int($0) }
        #expect(["\(replaced.reduce(0, +))"] == (try sql("SELECT count(*) FROM v_company_lifeline WHERE status = 'replaced'")))
    }

    @Test("capital at risk by provider adds up to the capital at risk; a release names at most 10 companies; JSON keeps every company")
    func totals() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try run(["report", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect((json?["companies"] as? [Any])?.count == companies)
        #expect((json?["changes"] as? [Any])?.count == companies, "the first nightly run changed every company, and JSON lists every change")
        let atRisk = json?["capital_at_risk_usd"] as? Double ?? -1
        let providerSection = page.components(separatedBy: "<h2>Capital at risk by provider</h2>")[1].components(separatedBy: "</table>")[0]
        let dollars = try NSRegularExpression(pattern: #"<td class="number">\$([0-9,]+)</td>"#)
            .matches(in: providerSection, range: NSRange(providerSection.startIndex..., in: providerSection))
            .compactMap { Double(providerSection[Range($0.range(at: 1), in: providerSection)!].replacing(",", with: "")) }
        #expect(dollars.reduce(0, +) == atRisk)
        let hitLists = try captures(#"<td class="long">([^<]*\(opportunity\)[^<]*|[^<]*\((?:necessity|advantage|retirement), [a-z-]+\)[^<]*)</td>"#)
        #expect(!hitLists.isEmpty)
        for hits in hitLists {
            let named = hits.split(separator: "), ").count
            #expect(named <= 10, "\(hits)")
        }
        #expect(hitLists.contains { $0.contains(" more") }, "some release hits more than 10 of 2,465 companies")
    }

    @Test("the stagnating section is the first 25 of every flag the JSON lists, a tie across the cut ordered as there")
    func stagnating() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try run(["report", "--format", "json"]).stdout.utf8)) as? [String: Any]
        let every = json?["stagnating"] as? [[String: Any]] ?? []
        #expect(every.count > 25)
        #expect(every.count > 25 && every[24]["days"] as? Int == every[25]["days"] as? Int, "a tie across the cut, so that the cut is tested")
        let section = page.components(separatedBy: "<h2>Stagnating")[1].components(separatedBy: "</table>")[0]
        let shown = try NSRegularExpression(pattern: #"<tr><td>([^<]+)</td>"#)
            .matches(in: section, range: NSRange(section.startIndex..., in: section))
            .map { String(section[Range($0.range(at: 1), in: section)!]) }
        #expect(shown == every.prefix(25).map { $0["company"] as? String ?? "?" })
    }

    @Test("the text report of a large portfolio cuts its sections as the page does: ended most recently first, 25 of them, and how many more")
    func textReport() throws {
        let result = try run(["report"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        for heading in [
            "Status:", "Capital at risk by provider:", "Capital at risk by capability:", "Ending soonest:", "Ended most recently:",
            "Recent releases (90 days) that touch the portfolio:", "Stagnating (stall window 90 days):",
        ] {
            #expect(text.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(!text.contains("Ended or elapsed:"))
        let ended = try sql("""
            SELECT company FROM v_company_lifeline WHERE status IN ('rebuild', 'replaced', 'migrate', 'elapsed')
            ORDER BY lifeline_end DESC, company DESC
            """)
        let section = text.components(separatedBy: "Ended most recently:\n")[1].components(separatedBy: "\n\n")[0]
        let lines = section.split(separator: "\n")
        #expect(lines.dropFirst(2).dropLast().map { String($0.prefix { $0 != " " }) } == Array(ended.prefix(25)))
        #expect(lines.last == "And \(ended.count - 25) more ended or elapsed earlier; \(Self.everyRowIsElsewhere).")
        let changes = text.components(separatedBy: "What changed since the nightly run of")[1].split(separator: "\n")
        #expect(changes.count == 1 + 2 + 50 + 1, "the title, the header and its rule, 50 changes and how many more")
        #expect(changes.last == "And \(companies - 50) more changes; \(Self.everyRowIsElsewhere).")
        #expect(text.utf8.count < 300_000, "\(text.utf8.count) bytes for 2,465 companies: the recent releases take most")
    }

    @Test("the Markdown report of a large portfolio is cut the same way")
    func markdownReport() throws {
        let result = try run(["report", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n## Ended most recently\n"))
        #expect(result.stdout.contains("\n## Capital at risk by provider\n"))
        #expect(result.stdout.utf8.count < 300_000, "\(result.stdout.utf8.count) bytes")
    }

    static let everyRowIsElsewhere = "every company is in 'lifeline report --format json' and in the v_company_lifeline view"
}
