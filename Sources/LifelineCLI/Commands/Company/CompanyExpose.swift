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
                --effect necessity: the provider replaces the product. With --provider only \
                those providers' releases count. A company can have several exposures to one \
                capability with different providers, and one without --provider, which counts \
                every provider the others do not name. Exposing it again with the same \
                providers changes the effect; naming a provider of another exposure of the \
                capability moves the provider to this one.

                Examples:
                  lifeline company expose papertalk file-upload --effect necessity
                  lifeline company expose deckly office-integration --effect advantage \\
                    --provider microsoft
                  lifeline company expose clicky computer-use --effect advantage \\
                    --provider anthropic
                  lifeline company expose clicky computer-use --effect necessity \\
                    --provider openai
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
            Console.output("\(slug) is \(result.value.isNew ? "" : "now ")exposed to \(capability) (\(effect.rawValue), \(result.value.scopeText)).")
            if !result.value.movedProviders.isEmpty {
                let moved = result.value.movedProviders.joined(separator: ", ")
                Console.output("\(moved) moved here from \(result.value.movedProviders.count == 1 ? "another exposure" : "other exposures") of \(capability).")
            }
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
