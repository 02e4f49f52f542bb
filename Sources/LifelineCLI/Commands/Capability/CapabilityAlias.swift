import ArgumentParser
import Lifeline
import LifelineCore

extension CapabilityCommand {
    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Give a capability another name (for importers and shorthands).",
            discussion: """
                Wherever a capability is named (--capability, expose), its aliases work too.

                Example:
                  lifeline capability alias function-calling tools
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The capability (slug or existing alias).")
        var capability: String
        @Argument(help: "The new alias: lower-case letters, digits, '.', '_', ':', '-'.")
        var alias: String

        func run() throws {
            let slug = try global.portfolio().catalogue.addCapabilityAlias(capability: capability, alias: alias)
            Console.output("'\(alias)' now means capability \(slug).")
        }
    }
}
