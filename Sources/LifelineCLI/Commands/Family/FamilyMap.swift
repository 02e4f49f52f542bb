import ArgumentParser
import Lifeline
import LifelineCore

extension FamilyCommand {
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Say which lab makes a model family.",
            discussion: """
                A family matches the start of a catalogue's family field or of a word of \
                a model id, followed by no letter: gpt matches gpt-4o, not gptx.

                Example:
                  lifeline family map granite ibm
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The family: lower-case letters, digits, '.', '_', '-'.")
        var family: String
        @Argument(help: "The lab that makes it (a provider slug, recorded or not).")
        var lab: String

        func run() throws {
            let previous = try global.portfolio().catalogue.mapFamily(family, to: lab)
            switch previous {
            case nil: Console.output("Family '\(family)' is now made by \(lab).")
            case lab?: Console.output("Family '\(family)' was already made by \(lab).")
            case let previous?: Console.output("Family '\(family)' is now made by \(lab) (was \(previous)).")
            }
        }
    }
}
