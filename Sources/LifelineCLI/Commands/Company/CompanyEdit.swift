import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a company's record.",
            discussion: """
                Give only what changes. An empty --sector, --website or --notes clears it.

                Example:
                  lifeline company edit papertalk --tier 6 \\
                    --notes "Pivoting to legal discovery"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions

        func run() throws {
            let edited = try global.portfolio().companies.editCompany(slug: slug, fields: record.fields)
            let company = edited.value
            Console.output("Updated company \(company.slug) (\(company.name)): \(company.lifelineSummary).")
            AssessmentPresenter.printChanges(of: edited.reassessment)
        }
    }
}
