import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Depend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "depend",
            abstract: "Record the models a company builds on.",
            discussion: """
                A model already recorded as a dependency is left as it is.

                Example:
                  lifeline company depend papertalk openai/gpt-4 anthropic/claude-2
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CompanyModels

        func run() throws {
            let (slug, references) = (target.slug, try target.references())
            let result = try global.portfolio().companies.addDependencies(company: slug, models: references)
            let added = result.value
            if !added.isEmpty {
                Console.output("\(slug) now depends on \(added.map(\.description).joined(separator: ", ")).")
            }
            let unchanged = references.filter { !added.contains($0) }
            if !unchanged.isEmpty {
                Console.output("\(slug) already depended on \(unchanged.map(\.description).joined(separator: ", ")).")
            }
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
