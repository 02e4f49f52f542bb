import ArgumentParser
import Lifeline
import LifelineCore

extension ModelCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Record a model as a dated snapshot of another, or as no snapshot.",
            discussion: """
                A dependency on a base model covers its snapshots: what a snapshot ships is an \
                opportunity for the base's dependents, and a retirement of the base retires its \
                snapshots too. A retirement of a snapshot counts only for that snapshot. The \
                companies that depend on the model or its base are reassessed.

                Examples:
                  lifeline model edit openai/gpt-3.5-turbo-0613 \\
                    --snapshot-of openai/gpt-3.5-turbo
                  lifeline model edit mistral/mistral-large-2407 --no-snapshot-of
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "PROVIDER/MODEL.")
        var model: String
        @Option(help: ArgumentHelp("The model it is a snapshot of, of the same provider.", valueName: "provider/model"))
        var snapshotOf: String?
        @Flag(help: "Record it as no snapshot.")
        var noSnapshotOf = false

        func validate() throws {
            guard (snapshotOf != nil) != noSnapshotOf else {
                throw ValidationError("give --snapshot-of PROVIDER/MODEL or --no-snapshot-of")
            }
        }

        func run() throws {
            let reference = try ModelReference(parsing: model)
            let base = try snapshotOf.map(ModelReference.init(parsing:))
            let result = try global.portfolio().catalogue.setSnapshot(reference, of: base)
            Console.output(base.map { "\(reference) is now a snapshot of \($0)." } ?? "\(reference) is now no snapshot.")
            AssessmentPresenter.printChanges(of: result.reassessment)
        }
    }
}
