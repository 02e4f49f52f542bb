import ArgumentParser
import Lifeline
import LifelineCore

extension Effect: ExpressibleByArgument {}

/// A company and the models a command names for it: `SLUG PROVIDER/MODEL...`.
struct CompanyModels: ParsableArguments {
    @Argument(help: "The company's slug.")
    var slug: String
    @Argument(help: "PROVIDER/MODEL, one or more.")
    var models: [String]

    func validate() throws {
        if models.isEmpty { throw ValidationError("name at least one PROVIDER/MODEL") }
    }

    func references() throws -> [ModelReference] {
        try models.map(ModelReference.init(parsing:))
    }
}

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
            let result = try global.portfolio().addDependencies(company: slug, models: references)
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
            let result = try global.portfolio().removeDependencies(company: slug, models: references)
            Console.output("\(slug) no longer depends on \(references.map(\.description).joined(separator: ", ")).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }

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
                  lifeline company expose deckly office-integration --effect advantage --provider microsoft
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
            let result = try global.portfolio().setExposure(
                company: slug, capability: capability, effect: effect, providers: providers)
            let scope = providers.isEmpty ? "any provider" : Set(providers).sorted().joined(separator: ", ")
            Console.output("\(slug) is \(result.value ? "" : "now ")exposed to \(capability) (\(effect.rawValue), \(scope)).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }

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
            let result = try global.portfolio().removeExposure(company: slug, capability: capability)
            Console.output("\(slug) is no longer exposed to \(capability).")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }

    struct Invest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invest",
            abstract: "Record an investment in a company.",
            discussion: """
                Amounts are US dollars: 1500000, 1,500,000, $1.5M, 250k.

                Example:
                  lifeline company invest papertalk --on 2023-02-01 --amount 1.5M --round Seed
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Option(help: ArgumentHelp("The date: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: "US dollars, e.g. 1500000, 1.5M or 250k.")
        var amount: String
        @Option(help: "The round, e.g. Seed or \"Series A\".")
        var round: String?

        func run() throws {
            let date = try CivilDate.parse(on, today: try Today.resolve(), field: "--on date")
            let money = try USDAmount.parse(amount)
            try global.portfolio().addInvestment(company: slug, on: date, amount: money, round: round)
            Console.output("Recorded \(money)\(round.map { " (\($0))" } ?? "") in \(slug) on \(date).")
        }
    }
}
