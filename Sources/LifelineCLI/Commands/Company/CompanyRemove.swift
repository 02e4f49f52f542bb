import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
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
            let removal = try global.portfolio().companies.removeCompany(slug: slug, confirmed: yes)
            guard yes else {
                let consequence = removal.dependentsDescription.map { "also removes \($0)" } ?? "removes nothing else"
                throw Failure(.usage, "removing company '\(slug)' \(consequence); run again with --yes to confirm")
            }
            Console.output("Removed company \(slug)" + (removal.dependentsDescription.map { " with \($0)" } ?? "") + ".")
        }
    }
}
