import ArgumentParser
import Lifeline
import LifelineCore

extension FamilyCommand {
    struct Unmap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unmap",
            abstract: "Forget which lab makes a model family.",
            discussion: """
                Example:
                  lifeline family unmap granite
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The family.")
        var family: String

        func run() throws {
            let lab = try global.portfolio().catalogue.unmapFamily(family)
            Console.output("Family '\(family)' no longer maps to \(lab).")
        }
    }
}
