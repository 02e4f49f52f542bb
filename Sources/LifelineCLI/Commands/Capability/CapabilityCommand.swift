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
