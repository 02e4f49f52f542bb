import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show everything recorded about one company.",
            discussion: """
                csv and tsv print the company in the spreadsheet import format, one row per \
                investment (depends and exposures as 'capability:effect@provider1+provider2' \
                lists separated by ';'): 'company import' takes it back as it is. \
                With --as-of, the lifeline in force on that date and the money invested by \
                then; a company whose first lifeline began later was not in the portfolio.

                Examples:
                  lifeline company show papertalk --format json
                  lifeline company show papertalk --as-of 2024-01-01
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The date to show the company as of (default: today).", valueName: "date"))
        var asOf: String?
        @OptionGroup var output: OutputOptions
        @Argument(help: "The company's slug.")
        var slug: String

        func run() throws {
            let portfolio = try global.portfolio()
            let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
            let presenter = CompanyDetailPresenter(picture: try portfolio.reports.companyPicture(slug, asOf: asOf), today: portfolio.today)
            Console.output(presenter.render(as: output.format))
        }
    }
}
