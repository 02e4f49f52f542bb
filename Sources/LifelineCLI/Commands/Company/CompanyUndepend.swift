import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Undepend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undepend",
            abstract: "Remove models from a company's dependencies.",
            discussion: """
                Every model named must be a dependency, or nothing is removed.

                Example:
                  lifeline company undepend papertalk openai/gpt-4
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CompanyModels

        func run() throws {
            let (slug, references) = (target.slug, try target.references())
            let result = try global.portfolio().companies.removeDependencies(company: slug, models: references)
            Console.output("\(slug) no longer depends on \(references.map(\.description).joined(separator: ", ")).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
