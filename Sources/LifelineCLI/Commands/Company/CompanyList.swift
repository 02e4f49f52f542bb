import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List companies with their tier, status as of today, what ends them and when, USD invested and counts.",
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
                "company", "name", "tier_months", "lifeline_start", "status", "lifeline_end", "days_remaining", "cause",
                "runway_months", "sector", "invested_usd", "dependencies", "exposures",
            ])
            for listing in try portfolio.reports.companyListings(asOf: portfolio.today) {
                let (summary, assessment) = (listing.summary, listing.assessment)
                let company = summary.company
                rows.append([
                    .text(company.slug), .text(company.name), OutputValue(company.tier.months),
                    .text(company.lifelineStart.iso), OutputValue(assessment?.status.rawValue),
                    OutputValue(assessment?.outcome.lifelineEnd.iso), OutputValue(assessment?.daysRemaining),
                    OutputValue(assessment.map { AssessmentPresenter.cause($0.outcome) }), OutputValue(company.runwayMonths),
                    OutputValue(company.sector), .usd(cents: summary.totalInvestedCents),
                    OutputValue(summary.dependencyCount), OutputValue(summary.exposureCount),
                ])
            }
            rows.print(as: output.format)
        }
    }
}
