import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline capability ...`: the catalogue of what releases ship.
struct CapabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capability",
        abstract: "Extend and list the capability catalogue.",
        subcommands: [Add.self, List.self, Alias.self]
    )
}

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
            let capability = try global.portfolio().addCapability(slug: slug, name: name, description: description)
            Console.output("Added capability \(capability.slug) (\(capability.name)).")
        }
    }

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
            for capability in try global.portfolio().capabilities() {
                rows.append([
                    .text(capability.slug), .text(capability.name), OutputValue(capability.description),
                    .text(capability.aliases.joined(separator: " ")),
                ])
            }
            rows.print(as: output.format)
        }
    }

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
            let slug = try global.portfolio().addCapabilityAlias(capability: capability, alias: alias)
            Console.output("'\(alias)' now means capability \(slug).")
        }
    }
}
