import ArgumentParser
import Lifeline
import LifelineCore

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
            let provider = try global.portfolio().catalogue.addProvider(slug: slug, name: name)
            Console.output("Added provider \(provider.slug) (\(provider.name)).")
        }
    }
}
