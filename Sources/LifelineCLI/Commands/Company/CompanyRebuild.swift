import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Start a new lifeline after the company rebuilt its technology.",
            discussion: """
                The current lifeline, with its exposures and dependencies, stays in \
                'lifeline history' and in backtests before the rebuild date; the new one \
                starts with copies of them. Only releases on or after the rebuild date \
                count against the new lifeline. The date may not be after today.

                Example:
                  lifeline company rebuild chainsmith --on 2023-09-01 --tier 6 \\
                    --note "Rebuilt on function calling"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Option(help: ArgumentHelp("When the rebuild was done: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: "The new lifeline's tier, if it changes: 3, 6 or 12.")
        var tier: String?
        @Option(help: "What changed.")
        var note: String?

        func run() throws {
            let portfolio = try global.portfolio()
            let date = try CivilDate.parse(on, today: portfolio.today, field: "--on date")
            let result = try portfolio.companies.rebuildCompany(slug: slug, on: date, tier: try tier.map(Company.Tier.parse), note: note)
            Console.output("Rebuilt \(slug): new lifeline, \(result.value.lifelineSummary).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
