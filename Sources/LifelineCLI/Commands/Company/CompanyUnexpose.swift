import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Unexpose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unexpose",
            abstract: "Remove an exposure.",
            discussion: """
                Without options every exposure to the capability goes. --provider takes only \
                those providers out of the exposures that name them (an exposure left with \
                none goes); --any-other removes only the exposure that names no provider.

                Examples:
                  lifeline company unexpose papertalk file-upload
                  lifeline company unexpose clicky computer-use --provider openai
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Argument(help: "The capability (slug or alias).")
        var capability: String
        @Option(name: .customLong("provider"), help: "Remove only this provider from the exposure that names it (repeatable).")
        var providers: [String] = []
        @Flag(name: .customLong("any-other"), help: "Remove only the exposure that names no provider.")
        var anyOther = false

        func validate() throws {
            if anyOther && !providers.isEmpty {
                throw ValidationError("--provider and --any-other remove different exposures; give one of them")
            }
        }

        func run() throws {
            let scope: RemovedExposureScope = anyOther ? .anyOtherProvider : providers.isEmpty ? .all : .providers(providers)
            let result = try global.portfolio().companies.removeExposure(company: slug, capability: capability, scope: scope)
            switch scope {
            case .all: Console.output("\(slug) is no longer exposed to \(capability).")
            case .providers(let providers):
                Console.output("\(slug) is no longer exposed to \(capability) from \(Set(providers).sorted().joined(separator: ", ")).")
            case .anyOtherProvider:
                Console.output("\(slug) is exposed to \(capability) only from the providers its exposures name.")
            }
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
