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
                --snapshot-of records it as a dated snapshot of a model of the same provider: \
                what it ships is then an opportunity for the companies that depend on the base \
                model, and a retirement of the base retires it too.

                Examples:
                  lifeline model add openai/gpt-4-0613 --name "GPT-4 (June 2023)" \\
                    --snapshot-of openai/gpt-4
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
        @Option(help: ArgumentHelp("The model it is a dated snapshot of, of the same provider.", valueName: "provider/model"))
        var snapshotOf: String?

        func run() throws {
            let reference = try ModelReference(parsing: model)
            let base = try snapshotOf.map(ModelReference.init(parsing:))
            let added = try global.portfolio().catalogue.addModel(reference, name: name, kind: kind, snapshotOf: base)
            let snapshot = added.snapshotOf.map { ", a snapshot of \($0)" } ?? ""
            Console.output("Added model \(added.reference) (\(added.name), \(added.kind.rawValue)\(snapshot)).")
        }
    }
}
