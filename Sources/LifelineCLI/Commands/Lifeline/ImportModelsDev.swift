import ArgumentParser
import Lifeline
import LifelineCore

extension ImportCommand {
    struct ModelsDev: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "models-dev",
            abstract: "Import models.dev's api.json.",
            discussion: """
                Example:
                  lifeline import models-dev api.json --dry-run
                  lifeline import models-dev api.json
                """
        )

        @OptionGroup var options: Options

        func run() throws { try options.run { try ModelsDevCatalogue.read($0, fileName: $1, strict: $2) } }
    }
}
