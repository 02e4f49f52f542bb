import ArgumentParser
import Lifeline
import LifelineCore

extension ProviderCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a provider's role: lab or host.",
            discussion: """
                A host's releases (listings of other labs' models) threaten a company only \
                through an exposure that names the host, and count for no "first". The \
                companies exposed to what its releases ship are reassessed.

                Example:
                  lifeline provider edit kilo --role host
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The provider's slug.")
        var slug: String
        @Option(help: "lab or host.")
        var role: Provider.Role

        func run() throws {
            let result = try global.portfolio().catalogue.setRole(of: slug, to: role)
            Console.output("\(slug) is now a \(role.rawValue).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
