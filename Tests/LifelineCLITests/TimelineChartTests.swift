import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
@testable import LifelineCLI

@Suite("The timeline chart's SVG")
struct TimelineChartTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func row(_ company: String, _ status: LifelineStatus, _ start: String, _ end: String, runway: String? = nil,
                    markers: [(String, Bool)] = []) -> TimelineChart.Row {
        TimelineChart.Row(
            company: company, name: company.capitalized, status: status, start: date(start), end: date(end),
            runwayEnd: runway.map(date), markers: markers.map { TimelineChart.Marker(date: date($0.0), label: "threat on \($0.0)", isCause: $0.1) },
            summary: "\(status.rawValue)")
    }

    static let chart = TimelineChart(
        rows: [
            row("papertalk", .replaced, "2023-04-10", "2023-07-06", runway: "2023-10-06", markers: [("2023-07-06", true), ("2023-07-11", false)]),
            row("deckly", .atRisk, "2023-08-15", "2023-11-01", markers: [("2023-11-01", false)]),
            row("modelverse", .alive, "2023-03-01", "2024-03-01"),
        ],
        asOf: date("2023-10-20"))

    /// How many times `pattern` occurs in `text`.
    func count(_ pattern: String, in text: String) -> Int {
        text.split(separator: pattern, omittingEmptySubsequences: false).count - 1
    }

    @Test("one bar per company, a runway for the replaced one, a marker per threat, one as-of line")
    func structure() {
        let svg = Self.chart.svg()
        #expect(svg.hasPrefix("<svg class=\"timeline\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(count("<rect class=\"bar\"", in: svg) == 3)
        #expect(count("<rect class=\"runway\"", in: svg) == 1)
        #expect(count("<path class=\"marker", in: svg) == 3)
        #expect(count("<path class=\"marker cause\"", in: svg) == 1)
        #expect(count("<line class=\"as-of\"", in: svg) == 1)
        #expect(count("<g class=\"row replaced\"", in: svg) == 1)
        #expect(count("<g class=\"row at-risk\"", in: svg) == 1)
        #expect(svg.contains("<title>threat on 2023-07-06</title>"))
        #expect(!svg.contains("<script"))
    }

    @Test("a handful of threats get a marker each; more share marks, with their count, where they are close")
    func crowdedRows() throws {
        let few = Self.row("a", .atRisk, "2024-01-01", "2024-12-31", markers: (1...5).map { (String(format: "2024-02-%02d", $0), false) })
        let many = Self.row(
            "b", .atRisk, "2024-01-01", "2024-12-31",
            markers: (1...40).map { (String(format: "2024-03-%02d", $0 % 28 + 1), false) } + [("2024-11-01", false), ("2024-06-01", true)])
        let chart = TimelineChart(rows: [few, many], asOf: Self.date("2024-06-01"))
        #expect(chart.markGroups(few.markers).map(\.count) == [1, 1, 1, 1, 1])
        let groups = chart.markGroups(many.markers)
        #expect(groups.reduce(0) { $0 + $1.count } == 41, "every threat but the cause is in a mark")
        #expect(groups.count < 6)
        #expect(groups.last?.map(\.date) == [Self.date("2024-11-01")], "a distant threat keeps its own marker")
        for group in groups { #expect(chart.x(group.last!.date) - chart.x(group.first!.date) < TimelineChart.groupWidth) }
        let svg = chart.svg()
        #expect(chart.hasGroupedMarks)
        #expect(count("<g class=\"marker-group\">", in: svg) == groups.count { $0.count > 1 })
        #expect(count("<path class=\"marker", in: svg) == 5 + groups.count { $0.count == 1 } + 1)
        #expect(count("<path class=\"marker cause\"", in: svg) == 1)
        let biggest = try #require(groups.max { $0.count < $1.count })
        #expect(svg.contains(">\(biggest.count)</text><title>\(biggest.count) threats, \(biggest[0].date) to "))
        #expect(svg.contains("and \(biggest.count - TimelineChart.handful) more"))
        #expect(!Self.chart.hasGroupedMarks)
    }

    @Test("positions follow the dates: linear in days, inside the plot")
    func positions() {
        let chart = Self.chart
        let (first, last) = chart.dateRange
        #expect(first <= Self.date("2023-03-01") && last >= Self.date("2024-03-01"))
        #expect(chart.x(first) == TimelineChart.labelWidth)
        #expect(abs(chart.x(last) - (TimelineChart.labelWidth + TimelineChart.plotWidth)) < 0.001)
        let a = chart.x(Self.date("2023-07-06")), b = chart.x(Self.date("2023-07-16")), c = chart.x(Self.date("2023-07-26"))
        #expect(abs((b - a) - (c - b)) < 0.001)
        #expect(a < b)
        let svg = chart.svg()
        let asOfX = (chart.x(Self.date("2023-10-20")) * 10).rounded() / 10
        #expect(svg.contains("<line class=\"as-of\" x1=\"\(asOfX)\"") || svg.contains("<line class=\"as-of\" x1=\"\(Int(asOfX))\""))
        let start = chart.x(Self.date("2023-04-10")), end = chart.x(Self.date("2023-07-06"))
        let expectedWidth = ((end - start) * 10).rounded() / 10
        #expect(svg.contains("width=\"\(expectedWidth)\"") || svg.contains("width=\"\(Int(expectedWidth))\""))
    }

    @Test("the dates shown reach past every marker, runway and the as-of date, with a margin")
    func dateRangeCoversEverything() {
        let chart = TimelineChart(
            rows: [
                Self.row("early-threat", .alive, "2023-05-01", "2023-06-01", markers: [("2022-12-01", false)]),
                Self.row("long-runway", .replaced, "2023-05-01", "2023-06-01", runway: "2024-09-01"),
            ],
            asOf: Self.date("2025-01-01"))
        let (first, last) = chart.dateRange
        #expect(first < Self.date("2022-12-01") && first >= Self.date("2022-12-01").adding(days: -30))
        #expect(last > Self.date("2025-01-01") && last <= Self.date("2025-01-01").adding(days: 30))
        let empty = TimelineChart(rows: [], asOf: Self.date("2025-01-01"))
        #expect(empty.dateRange == (Self.date("2025-01-01").adding(days: -7), Self.date("2025-01-01").adding(days: 7)))
    }

    @Test("rows stack in order, and the chart grows with them")
    func rows() {
        #expect(Self.chart.y(row: 1) - Self.chart.y(row: 0) == TimelineChart.rowHeight)
        #expect(Self.chart.height == TimelineChart.axisHeight + 3 * TimelineChart.rowHeight + 10)
    }

    @Test("ticks are months for a short span and years for a long one")
    func ticks() {
        #expect(Self.chart.ticks.allSatisfy { $0.day == 1 })
        #expect(Self.chart.ticks.count >= 12)
        let long = TimelineChart(rows: [Self.row("hub", .alive, "2015-01-01", "2024-01-01")], asOf: Self.date("2020-01-01"))
        #expect(long.ticks.allSatisfy { $0.month == 1 && $0.day == 1 })
    }

    @Test("500 companies: every row drawn, names escaped and shortened")
    func manyCompanies() {
        let rows = (0..<500).map { index in
            TimelineChart.Row(
                company: "c\(index)", name: "Company <\(index)> & a name far too long to fit the label column",
                status: .alive, start: Self.date("2023-01-01").adding(days: index), end: Self.date("2023-07-01").adding(days: index),
                runwayEnd: nil, markers: [], summary: "alive")
        }
        let svg = TimelineChart(rows: rows, asOf: Self.date("2023-09-01")).svg()
        #expect(count("<rect class=\"bar\"", in: svg) == 500)
        #expect(!svg.contains("<0>"))
        #expect(svg.contains(">Company &lt;0&gt; &amp; a name far…</text>"))
    }
}
