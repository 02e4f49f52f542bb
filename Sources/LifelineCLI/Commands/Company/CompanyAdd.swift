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
                  lifeline company add papertalk --name PaperTalk --tier 3 --since 2023-01-15 \\
                    --sector "Document AI" --website https://papertalk.example
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions

        func validate() throws {
            if record.tier == nil || record.since == nil {
                throw ValidationError("a new company needs --tier (3, 6 or 12) and --since DATE")
            }
        }

        func run() throws {
            let added = try global.portfolio().addCompany(slug: slug, fields: record.fields)
            let company = added.value
            Console.output("Added company \(company.slug) (\(company.name)): \(company.lifelineSummary).")
            AssessmentPresenter.printChanges(of: added.reassessment)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a company's record.",
            discussion: """
                Give only what changes. An empty --sector, --website or --notes clears it.

                Example:
                  lifeline company edit papertalk --tier 6 --notes "Pivoting to legal discovery"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @OptionGroup var record: CompanyFieldOptions

        func validate() throws {
            if record.fields.isEmpty {
                throw ValidationError("nothing to change: give at least one of --name, --tier, --since, --runway, --sector, --website, --notes")
            }
        }

        func run() throws {
            let edited = try global.portfolio().editCompany(slug: slug, fields: record.fields)
            let company = edited.value
            Console.output("Updated company \(company.slug) (\(company.name)): \(company.lifelineSummary).")
            AssessmentPresenter.printChanges(of: edited.reassessment)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a company with its investments, dependencies and exposures.",
            discussion: """
                Without --yes nothing is removed: it says what would go.

                Example:
                  lifeline company remove papertalk --yes
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Flag(help: "Confirm the removal.")
        var yes = false

        func run() throws {
            let removal = try global.portfolio().removeCompany(slug: slug, confirmed: yes)
            guard yes else {
                let consequence = removal.dependentsDescription.map { "also removes \($0)" } ?? "removes nothing else"
                throw Failure(.usage, "removing company '\(slug)' \(consequence); run again with --yes to confirm")
            }
            Console.output("Removed company \(slug)" + (removal.dependentsDescription.map { " with \($0)" } ?? "") + ".")
        }
    }
}
