import ArgumentParser
import Lifeline
import LifelineCore

extension ImportCommand {
    struct LiteLLM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "litellm",
            abstract: "Import LiteLLM's model_prices_and_context_window.json.",
            discussion: """
                Example:
                  lifeline import litellm model_prices_and_context_window.json \\
                    --as-of 2025-01-01
                """
        )

        @OptionGroup var options: Options

        func run() throws { try options.run { try LiteLLMCatalogue.read($0, fileName: $1, strict: $2) } }
    }
}
