import ArgumentParser
import Lifeline
import LifelineCore

extension ModelCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List models, optionally of one provider.",
            discussion: """
                Example:
                  lifeline model list --provider openai
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this provider's models.")
        var provider: String?

        func run() throws {
            var rows = Rows(columns: ["model", "provider", "name", "kind", "snapshot_of"])
            for model in try global.portfolio().catalogue.models(provider: provider) {
                rows.append([
                    .text(model.reference.description), .text(model.reference.provider), .text(model.name),
                    .text(model.kind.rawValue), OutputValue(model.snapshotOf?.description),
                ])
            }
            rows.print(as: output.format)
        }
    }
}
