import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline provider ...`: the companies that ship models.
struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "Record and list model providers (OpenAI, Anthropic, ...).",
        subcommands: [Add.self, Edit.self, List.self]
    )
}
