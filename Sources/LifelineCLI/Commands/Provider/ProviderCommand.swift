import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline provider ...`: the companies that ship models.
struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "Record and list model providers (OpenAI, Anthropic, ...).",
        subcommands: [Add.self, List.self]
    )
}

extension ProviderCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a provider.",
            discussion: """
                Example:
                  lifeline provider add openai --name OpenAI
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The provider's slug: lower-case letters, digits, '-', '.', '_'.")
        var slug: String
        @Option(help: "Display name (default: the slug).")
        var name: String?

        func run() throws {
            let provider = try global.portfolio().addProvider(slug: slug, name: name)
            Console.output("Added provider \(provider.slug) (\(provider.name)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List providers with their number of models.",
            discussion: """
                Example:
                  lifeline provider list --format csv
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var rows = Rows(columns: ["provider", "name", "models"])
            for provider in try global.portfolio().providers() {
                rows.append([.text(provider.slug), .text(provider.name), OutputValue(provider.modelCount)])
            }
            rows.print(as: output.format)
        }
    }
}
