import ArgumentParser
import Lifeline
import LifelineCore

extension ReportFormat: ExpressibleByArgument {}

/// `lifeline report`: the portfolio on one page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The portfolio on one page: statuses, capital at risk, what ends next, what hit whom.",
        discussion: """
            Every company is assessed as of the date (today by default) on the spot, as the \
            nightly job would. The html format is one self-contained page with a timeline \
            of every lifeline; it works offline, in light and dark, and prints well. Past 60 \
            companies every format but json adds capital at risk by provider and \
            capability and lists the first rows of each section, and the page draws the 50 \
            ending soonest or ended most recently and shows every company as a histogram of \
            lifeline ends by status; --format json keeps every row.

            Examples:
              lifeline report
              lifeline report --format html --out report.html
              lifeline report --as-of 2023-12-31 --format markdown
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The date to report as of (default: today).", valueName: "date"))
    var asOf: String?
    @Option(help: "table, markdown, json or html.")
    var format: ReportFormat = .table
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    func run() throws {
        let portfolio = try global.portfolio()
        let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
        // Only the companies the page draws need every threat listed, for their marks.
        let timeline: Reports.TimelineCompanies = format == .html ? .chosen { ReportHTML.drawn($0).map(\.assessment.companyID) } : .recentOnly
        // The page's scorecard panel is read on the report's snapshot: a nightly run
        // committing in between must not leave the two telling different states.
        let (report, scorecard) = try portfolio.read {
            (try portfolio.reports.report(
                asOf: asOf, timeline: timeline, changesListed: format == .json ? { _ in .max } : ReportSections.changesListed),
             format == .html ? try portfolio.reports.scorecard(asOf: asOf, by: .tier) : nil)
        }
        let text = ReportRenderer.render(report, as: format, scorecard: scorecard)
        guard let out else {
            Console.output(text)
            return
        }
        try writeText(text, to: out)
        Console.output("Wrote the \(format.rawValue) report as of \(asOf) to \(out).")
    }
}

