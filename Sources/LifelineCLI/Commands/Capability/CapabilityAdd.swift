import ArgumentParser
import Lifeline
import LifelineCore

extension CapabilityCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a capability to the catalogue.",
            discussion: """
                Example:
                  lifeline capability add computer-use --name "Computer use" \\
                    --description "The model operates a desktop: screen, mouse and keyboard."
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The capability's slug.")
        var slug: String
        @Option(help: "Display name.")
        var name: String
        @Option(help: "One line on what it is.")
        var description: String?

        func run() throws {
            let capability = try global.portfolio().catalogue.addCapability(slug: slug, name: name, description: description)
            Console.output("Added capability \(capability.slug) (\(capability.name)).")
        }
    }
}
