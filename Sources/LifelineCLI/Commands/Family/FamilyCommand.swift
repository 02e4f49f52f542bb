import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline family ...`: model families and the labs that make them.
struct FamilyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "family",
        abstract: "Map model families to the labs that make them (a model's origin lab).",
        discussion: """
            A model's origin lab is found from its id (openrouter's openai-gpt-4o is \
            openai's), its catalogue family, or its provider when that is a lab; \
            v_model_origins shows each model's, and how it was found.
            """,
        subcommands: [Map.self, Unmap.self, List.self]
    )
}
