import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List companies with their tier, status as of today, what ends them and when, USD invested and counts.",
            discussion: """
                With --as-of, the portfolio as it stood on that date: only the companies \
                with a lifeline begun by then, each by the lifeline in force then, and the \
                money invested by then. The flags column holds the stagnation flags: \
                stale-opportunities (an opportunity not adopted) and rebuild-overdue (in \
                rebuild with no new lifeline), each with its days, once more than the \
                stall window of the latest nightly run (reassess --stall-days, 90 by \
                default) has passed.

                Examples:
                  lifeline company list --format markdown
                  lifeline company list --as-of 2024-01-01
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The date to list the portfolio as of (default: today).", valueName: "date"))
        var asOf: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let portfolio = try global.portfolio()
            let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
            let rows = RowsInBackground<CompanyListing>(columns: [
                "company", "name", "tier_months", "lifeline_start", "status", "lifeline_end", "days_remaining", "cause",
                "runway_months", "sector", "invested_usd", "dependencies", "exposures", "flags",
            ], format: output.format, cells: Self.cells)
            try portfolio.reports.forEachCompanyListing(asOf: asOf) { listing in
                rows.append(listing)
            }
            rows.print()
        }

        /// A listing's row.
        private static func cells(_ listing: CompanyListing) -> [OutputValue] {
            let (summary, assessment) = (listing.summary, listing.assessment)
            let company = summary.company
            let outcome = assessment.outcome
            return [
                .text(company.slug), .text(company.name), OutputValue(outcome.tierMonths),
                .text(outcome.lifelineStart.iso), .text(outcome.status.rawValue),
                .text(outcome.lifelineEnd.iso), OutputValue(assessment.daysRemaining),
                .text(AssessmentPresenter.cause(outcome)), OutputValue(listing.runwayMonths),
                OutputValue(company.sector), .usd(cents: summary.totalInvestedCents),
                OutputValue(summary.dependencyCount), OutputValue(summary.exposureCount),
                OutputValue(StagnationPresenter.cell(listing.flags)),
            ]
        }
    }
}
