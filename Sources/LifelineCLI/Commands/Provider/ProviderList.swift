import ArgumentParser
import Lifeline
import LifelineCore

extension ProviderCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List providers with their role and number of models.",
            discussion: """
                Example:
                  lifeline provider list --format csv
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var rows = Rows(columns: ["provider", "name", "role", "models"])
            for provider in try global.portfolio().catalogue.providers() {
                rows.append([.text(provider.slug), .text(provider.name), .text(provider.role.rawValue), OutputValue(provider.modelCount)])
            }
            rows.print(as: output.format)
        }
    }
}
