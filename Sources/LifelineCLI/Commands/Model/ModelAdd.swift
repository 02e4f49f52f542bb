import ArgumentParser
import Lifeline
import LifelineCore

extension Model.Kind: ExpressibleByArgument {}

extension ModelCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a model API or product under an existing provider.",
            discussion: """
                Example:
                  lifeline model add openai/gpt-4-0613 --name "GPT-4 (June 2023)"
                  lifeline model add microsoft/m365-copilot --kind product
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "PROVIDER/MODEL, e.g. openai/gpt-4-0613.")
        var model: String
        @Option(help: "Display name (default: the model slug).")
        var name: String?
        @Option(help: "api (a model API) or product (an end-user product).")
        var kind: Model.Kind = .api

        func run() throws {
            let reference = try ModelReference(parsing: model)
            let added = try global.portfolio().catalogue.addModel(reference, name: name, kind: kind)
            Console.output("Added model \(added.reference) (\(added.name), \(added.kind.rawValue)).")
        }
    }
}
