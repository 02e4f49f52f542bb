import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Record that a company left the portfolio: status 'closed' from that date.",
            discussion: """
                A closed company is out of capital at risk, at-risk lists and digests, but \
                stays in history, exports and backtests before the date. 'company reopen' \
                undoes it. The date may not be after today.

                Example:
                  lifeline company close papertalk --on 2024-06-30 --reason exit \\
                    --note "Acquired by Acme"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Option(help: ArgumentHelp("When it left the portfolio: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: ArgumentHelp("Why: exit, shutdown, write-off or other.", valueName: "reason"))
        var reason: String
        @Option(help: "What happened.")
        var note: String?

        func run() throws {
            let portfolio = try global.portfolio()
            let date = try CivilDate.parse(on, today: portfolio.today, field: "--on date")
            let result = try portfolio.companies.closeCompany(slug: slug, on: date, reason: try ClosingReason.parse(reason), note: note)
            Console.output("Closed \(slug) on \(date) (\(result.value.reason.rawValue)).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Undo 'company close': the company is back in the portfolio as if it never left.",
            discussion: """
                Example:
                  lifeline company reopen papertalk
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String

        func run() throws {
            let portfolio = try global.portfolio()
            let result = try portfolio.companies.reopenCompany(slug: slug)
            Console.output("Reopened \(slug) (closed on \(result.value.closedOn), \(result.value.reason.rawValue)).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
