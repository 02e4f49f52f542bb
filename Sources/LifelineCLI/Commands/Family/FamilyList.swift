import ArgumentParser
import Lifeline
import LifelineCore

extension FamilyCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List model families and their labs.",
            discussion: """
                Example:
                  lifeline family list --format csv
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var rows = Rows(columns: ["family", "lab"])
            for mapping in try global.portfolio().catalogue.families() {
                rows.append([.text(mapping.family), .text(mapping.lab)])
            }
            rows.print(as: output.format)
        }
    }
}
