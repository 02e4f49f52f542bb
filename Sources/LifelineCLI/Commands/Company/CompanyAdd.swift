import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a portfolio company.",
            discussion: """
                --depend, --expose and --invest, each as often as needed, record the \
                company's models, exposures (the spreadsheet's cell format) and \
                investments with it: one transaction, one reassessment.

                Examples:
                  lifeline company add papertalk --name PaperTalk --tier 3 \\
                    --since 2023-01-15 \\
                    --sector "Document AI" --website https://papertalk.example
                  lifeline company add deckly --tier 3 --since 2023-08-15 \\
                    --depend openai/gpt-4 \\
                    --expose office-integration:advantage@microsoft \\
                    --invest 800k@2023-08-25@Pre-seed
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions
        @Option(help: ArgumentHelp("A model it builds on (any number of times).", valueName: "provider/model"))
        var depend: [String] = []
        @Option(help: ArgumentHelp(
            "A capability whose arrival ends its lifeline: capability:effect, or capability:effect@provider1+provider2 (any number of times).",
            valueName: "exposure"))
        var expose: [String] = []
        @Option(help: ArgumentHelp("An investment: AMOUNT@DATE or AMOUNT@DATE@ROUND (any number of times).", valueName: "investment"))
        var invest: [String] = []

        func run() throws {
            let portfolio = try global.portfolio()
            var links = CompanyLinks()
            links.dependencies = try depend.map(ModelReference.init(parsing:))
            links.exposures = try expose.map(Exposure.init(cell:))
            links.investments = try invest.map { try CompanyLinks.NewInvestment(parsing: $0, today: portfolio.today) }
            let added = try portfolio.companies.addCompany(slug: slug, fields: record.fields, links: links)
            let company = added.value
            var linked: [String] = []
            if !links.dependencies.isEmpty { linked.append(ImportPresenter.count(links.dependencies.count, "dependency")) }
            if !links.exposures.isEmpty { linked.append(ImportPresenter.count(links.exposures.count, "exposure")) }
            if !links.investments.isEmpty {
                let cents = links.investments.reduce(Int64(0)) { $0 + $1.amount.cents }
                linked.append(ImportPresenter.count(links.investments.count, "investment") + " (\(USDAmount.text(cents: cents)))")
            }
            Console.output(
                "Added company \(company.slug) (\(company.name)): \(company.lifelineSummary)"
                    + (linked.isEmpty ? "." : "; " + linked.joined(separator: ", ") + "."))
            AssessmentPresenter.printChanges(of: added.reassessment)
        }
    }
}
