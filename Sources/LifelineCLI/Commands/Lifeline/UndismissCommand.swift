import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline undismiss`: a dismissed threat counts again.
struct UndismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undismiss",
        abstract: "Remove a dismissal: the release counts as a threat again.",
        discussion: """
            Example:
              lifeline undismiss papertalk 2
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company's slug.")
    var slug: String
    @Argument(help: "The release id.")
    var releaseID: Int64

    func run() throws {
        let result = try global.portfolio().companies.undismiss(company: slug, releaseID: releaseID)
        Console.output("Release \(releaseID) counts for \(slug) again.")
        AssessmentPresenter.printChanges(of: result.reassessment)
    }
}
