import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show everything recorded about one company.",
            discussion: """
                csv and tsv print one row in the spreadsheet import format (depends and \
                exposures as 'capability:effect@provider1+provider2' lists separated by ';').

                Example:
                  lifeline company show papertalk --format json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The company's slug.")
        var slug: String

        func run() throws {
            let portfolio = try global.portfolio()
            let picture = try portfolio.reports.companyPicture(slug, asOf: portfolio.today)
            let presenter = CompanyDetailPresenter(
                detail: picture.detail, assessment: picture.assessment, recorded: picture.recorded, dismissals: picture.dismissals,
                threats: picture.threats)
            Console.output(presenter.render(as: output.format))
        }
    }
}
