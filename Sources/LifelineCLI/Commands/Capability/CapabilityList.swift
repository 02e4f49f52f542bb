import ArgumentParser
import Lifeline
import LifelineCore

extension CapabilityCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List capabilities with their descriptions and aliases.",
            discussion: """
                Example:
                  lifeline capability list
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var rows = Rows(columns: ["capability", "name", "description", "aliases"])
            for capability in try global.portfolio().catalogue.capabilities() {
                rows.append([
                    .text(capability.slug), .text(capability.name), OutputValue(capability.description),
                    .text(capability.aliases.joined(separator: " ")),
                ])
            }
            rows.print(as: output.format)
        }
    }
}
