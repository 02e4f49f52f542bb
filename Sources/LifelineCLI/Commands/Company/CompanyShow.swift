import ArgumentParser
import Lifeline

extension CompanyCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List companies with their tier, start, USD invested and counts.",
            discussion: """
                Example:
                  lifeline company list --format markdown
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var rows = Rows(columns: [
                "company", "name", "tier_months", "lifeline_start", "runway_months", "sector", "invested_usd",
                "dependencies", "exposures",
            ])
            for summary in try global.portfolio().companySummaries() {
                let company = summary.company
                rows.append([
                    .text(company.slug), .text(company.name), OutputValue(company.tier.months),
                    .text(company.lifelineStart.iso), OutputValue(company.runwayMonths), OutputValue(company.sector),
                    .usd(cents: summary.totalInvestedCents), OutputValue(summary.dependencyCount),
                    OutputValue(summary.exposureCount),
                ])
            }
            rows.print(as: output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let detail = try global.portfolio().companyDetail(slug)
            Console.output(CompanyDetailPresenter(detail: detail).render(as: output.format))
        }
    }
}
