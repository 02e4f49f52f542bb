import ArgumentParser
import Lifeline
import LifelineCore

extension Provider.Role: ExpressibleByArgument {}

extension ProviderCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a provider.",
            discussion: """
                --role lab: it makes models; --role host: it serves other labs' models \
                (openrouter, azure), and its releases threaten a company only through an \
                exposure that names it. Without --role, the role lifeline knows for the slug, \
                else lab.

                Examples:
                  lifeline provider add openai --name OpenAI
                  lifeline provider add my-gateway --role host
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The provider's slug: lower-case letters, digits, '-', '.', '_'.")
        var slug: String
        @Option(help: "Display name (default: the slug).")
        var name: String?
        @Option(help: "lab or host (default: the known role of the slug, else lab).")
        var role: Provider.Role?

        func run() throws {
            let provider = try global.portfolio().catalogue.addProvider(slug: slug, name: name, role: role)
            Console.output("Added provider \(provider.slug) (\(provider.name), \(provider.role.rawValue)).")
        }
    }
}
