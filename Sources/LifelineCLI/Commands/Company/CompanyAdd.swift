import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a portfolio company.",
            discussion: """
                Example:
                  lifeline company add papertalk --name PaperTalk --tier 3 \\
                    --since 2023-01-15 \\
                    --sector "Document AI" --website https://papertalk.example
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions

        func run() throws {
            let added = try global.portfolio().companies.addCompany(slug: slug, fields: record.fields)
            let company = added.value
            Console.output("Added company \(company.slug) (\(company.name)): \(company.lifelineSummary).")
            AssessmentPresenter.printChanges(of: added.reassessment)
        }
    }
}
