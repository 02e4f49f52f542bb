import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Invest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invest",
            abstract: "Record an investment in a company.",
            discussion: """
                Amounts are US dollars: 1500000, 1,500,000, $1.5M, 250k.

                Example:
                  lifeline company invest papertalk --on 2023-02-01 --amount 1.5M --round Seed
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Option(help: ArgumentHelp("The date: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: "US dollars, e.g. 1500000, 1.5M or 250k.")
        var amount: String
        @Option(help: "The round, e.g. Seed or \"Series A\".")
        var round: String?

        func run() throws {
            let date = try CivilDate.parse(on, today: try Today.resolve(), field: "--on date")
            let money = try USDAmount.parse(amount)
            try global.portfolio().companies.addInvestment(company: slug, on: date, amount: money, round: round)
            Console.output("Recorded \(money)\(round.map { " (\($0))" } ?? "") in \(slug) on \(date).")
        }
    }
}
