import ArgumentParser
import Lifeline
import LifelineCore

extension ReleaseCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a release logged by mistake.",
            discussion: """
                Without --yes nothing is removed: it says what would go.

                Example:
                  lifeline release remove 12 --yes
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The release id.")
        var id: Int64
        @Flag(help: "Confirm the removal.")
        var yes = false

        func run() throws {
            let result = try global.portfolio().catalogue.removeRelease(id: id, confirmed: yes)
            let removal = result.value
            let besides = Self.consequences(removal, done: yes)
            guard yes else {
                throw Failure(
                    .usage,
                    "this would remove release \(id) (\(ReleaseWords.summary(removal.release)))"
                        + besides.map { ", " + $0 }.joined() + "; run again with --yes to confirm")
            }
            Console.output("Removed release \(id) (\(ReleaseWords.summary(removal.release))).")
            for line in besides { Console.output(line.prefix(1).uppercased() + line.dropFirst() + ".") }
            AssessmentPresenter.printChanges(of: result.reassessment)
        }

        /// What happens to the records that named the release, one clause each:
        /// "move webby's adoption of web-browsing (2023-09-01) to release 49".
        static func consequences(_ removal: ReleaseRemoval, done: Bool) -> [String] {
            let (move, remove) = done ? ("moved", "removed") : ("move", "remove")
            return removal.adoptionsMoved.map { moved in
                "\(move) \(moved.adoption.company)'s adoption of \(moved.adoption.capability) (\(moved.adoption.adoptedOn)) to release \(moved.toReleaseID)"
            } + removal.adoptionsRemoved.map { adoption in
                "\(remove) \(adoption.company)'s adoption of \(adoption.capability) (\(adoption.adoptedOn)): no other release of it was an opportunity by then"
            } + removal.dismissalsRemoved.map { "\(remove) \($0.company)'s dismissal of it" }
        }
    }
}
