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
            let release = result.value
            guard yes else {
                throw Failure(.usage, "this would remove release \(id) (\(ReleasePresenter.summary(release))); run again with --yes to confirm")
            }
            Console.output("Removed release \(id) (\(ReleasePresenter.summary(release))).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
