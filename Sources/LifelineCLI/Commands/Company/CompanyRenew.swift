import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renew",
            abstract: "Record a review of the company and start a new lifeline, usually after 'elapsed'.",
            discussion: """
                The current lifeline, with its exposures and dependencies, stays in \
                'lifeline history' and in backtests before the renewal date; the new one \
                starts with copies of them. Use 'company rebuild' instead when a threat \
                made the company rebuild. The date may not be after today.

                Example:
                  lifeline company renew papertalk --on 2024-03-01 --tier 6 \\
                    --note "Reviewed: still ahead"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Option(help: ArgumentHelp("When the review was made: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: "The new lifeline's tier, if it changes: 3, 6 or 12.")
        var tier: String?
        @Option(help: ArgumentHelp("The new lifeline's runway, if it changes: months from 0 to 120.", valueName: "months"))
        var runway: String?
        @Option(help: "What the review found.")
        var note: String?

        func run() throws {
            let portfolio = try global.portfolio()
            let date = try CivilDate.parse(on, today: portfolio.today, field: "--on date")
            let result = try portfolio.companies.renewCompany(
                slug: slug, on: date, tier: try tier.map(Company.Tier.parse), runwayMonths: try runway.map(CompanyFields.parseRunway),
                note: note)
            Console.output("Renewed \(slug): new lifeline, \(result.value.lifelineSummary).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
