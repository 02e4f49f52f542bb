import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline release ...`: what providers ship, dated.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Log, list and remove model releases.",
        subcommands: [Log.self, List.self, Show.self, Remove.self]
    )
}
