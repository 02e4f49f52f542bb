import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a company's record.",
            discussion: """
                Give only what changes. An empty --sector, --website, --notes or \
                --notify-tag clears it. The notify tag routes the company's alerts \
                (lifeline notify --tag).

                Example:
                  lifeline company edit papertalk --tier 6 \\
                    --notes "Pivoting to legal discovery"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions
        @Option(help: ArgumentHelp("The tag that routes its alerts: a partner's or a fund's (lifeline notify --tag).", valueName: "tag"))
        var notifyTag: String?

        func run() throws {
            let edited = try global.portfolio().companies.editCompany(slug: slug, fields: record.fields, notifyTag: notifyTag)
            let company = edited.value
            Console.output("Updated company \(company.slug) (\(company.name)): \(company.lifelineSummary).")
            AssessmentPresenter.printChanges(of: edited.reassessment)
        }
    }
}
