import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline demo`: the built-in demo portfolio, reassessed and reported.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create or refresh the built-in demo portfolio, reassess it and print the report.",
        discussion: """
            The demo uses the release history built into lifeline (real, dated, sourced \
            releases: ChatGPT, Claude, Copilot, ...) and fictional companies modelled on \
            the essay's cases; docs/demo.md tells their \
            stories. Run again, it adds only what is missing and keeps your own changes.

            Example:
              lifeline demo --db demo.db --as-of 2024-06-01
              lifeline report --db demo.db --format html --out demo-report.html
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo database (created when missing).", valueName: "path"))
    var databasePath = "demo.db"
    @Option(help: ArgumentHelp("Reassess and report as of this date (default: today).", valueName: "date"))
    var asOf: String?
    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp("Seconds to wait for another writer.", valueName: "seconds"))
    var busyTimeoutSeconds: Double = 5

    func run() throws {
        let opened = try PortfolioDatabase.open(
            path: databasePath, create: true, busyTimeoutMilliseconds: Int32(busyTimeoutSeconds * 1000))
        let today = try Today.resolve()
        let portfolio = try opened.portfolio(today: today)
        let asOf = try asOf.map { try CivilDate.parse($0, today: today, field: "--as-of date") } ?? today
        let reassessment = try DemoPortfolio.load(into: portfolio, asOf: asOf)
        Console.output(DigestPresenter.text(reassessment))
        Console.output("")
        Console.output(ReportRenderer.render(try portfolio.reports.report(asOf: asOf, timeline: .recentOnly, changesListed: ReportSections.changesListed), as: .table))
    }
}
