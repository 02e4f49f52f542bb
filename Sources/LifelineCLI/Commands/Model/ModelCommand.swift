import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline model ...`: model APIs and products, each under a provider.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Record and list models (PROVIDER/MODEL).",
        subcommands: [Add.self, Edit.self, List.self]
    )
}
