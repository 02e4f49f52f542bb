import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Unexpose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unexpose",
            abstract: "Remove an exposure.",
            discussion: """
                Example:
                  lifeline company unexpose papertalk file-upload
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Argument(help: "The capability (slug or alias).")
        var capability: String

        func run() throws {
            let result = try global.portfolio().companies.removeExposure(company: slug, capability: capability)
            Console.output("\(slug) is no longer exposed to \(capability).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
