import ArgumentParser
import Lifeline
import LifelineCore

extension Effect: ExpressibleByArgument {}

extension CompanyCommand {
    struct Expose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expose",
            abstract: "Record a capability whose arrival ends the company's lifeline.",
            discussion: """
                --effect advantage: the company must rebuild on the new capability; \
                --effect necessity: the provider replaces the product. Without --provider any \
                provider's release counts; with it, only those providers'. Exposing a company \
                to a capability again replaces the effect and providers.

                Example:
                  lifeline company expose papertalk file-upload --effect necessity
                  lifeline company expose deckly office-integration --effect advantage \\
                    --provider microsoft
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Argument(help: "The capability (slug or alias).")
        var capability: String
        @Option(help: "advantage or necessity.")
        var effect: Effect
        @Option(name: .customLong("provider"), help: "Only this provider's releases count (repeatable).")
        var providers: [String] = []

        func run() throws {
            let result = try global.portfolio().companies.setExposure(
                company: slug, capability: capability, effect: effect, providers: providers)
            let scope = providers.isEmpty ? "any provider" : Set(providers).sorted().joined(separator: ", ")
            Console.output("\(slug) is \(result.value ? "" : "now ")exposed to \(capability) (\(effect.rawValue), \(scope)).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
