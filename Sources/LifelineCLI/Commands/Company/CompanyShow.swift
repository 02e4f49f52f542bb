import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List companies with their tier, status as of today, USD invested and counts.",
            discussion: """
                Example:
                  lifeline company list --format markdown
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let portfolio = try global.portfolio()
            var rows = Rows(columns: [
                "company", "name", "tier_months", "lifeline_start", "status", "lifeline_end", "runway_months", "sector",
                "invested_usd", "dependencies", "exposures",
            ])
            for listing in try portfolio.companyListings(asOf: portfolio.today) {
                let (summary, assessment) = (listing.summary, listing.assessment)
                let company = summary.company
                rows.append([
                    .text(company.slug), .text(company.name), OutputValue(company.tier.months),
                    .text(company.lifelineStart.iso), OutputValue(assessment?.status.rawValue),
                    OutputValue(assessment?.outcome.lifelineEnd.iso), OutputValue(company.runwayMonths),
                    OutputValue(company.sector), .usd(cents: summary.totalInvestedCents),
                    OutputValue(summary.dependencyCount), OutputValue(summary.exposureCount),
                ])
            }
            rows.print(as: output.format)
        }
    }

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
            let picture = try portfolio.companyPicture(slug, asOf: portfolio.today)
            let presenter = CompanyDetailPresenter(
                detail: picture.detail, assessment: picture.assessment, recorded: picture.recorded, dismissals: picture.dismissals)
            Console.output(presenter.render(as: output.format))
        }
    }
}
