import ArgumentParser
import Lifeline
import LifelineCore

extension Release.Kind: ExpressibleByArgument {}

extension ReleaseCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Log a release: a launch, new capabilities, or a retirement.",
            discussion: """
                Prints the new release's id (or, with --format json, the release). --kind \
                defaults to capability for a recorded model and to launch when --create-model \
                records it. A capability release needs --capability; a retirement takes none. \
                Logging the same release twice (same model, date, kind and capabilities) is \
                refused, unless --if-new, which then prints the existing id and exits 0.

                Examples:
                  lifeline release log openai/chatgpt --on 2023-07-06 \\
                    --capability file-upload \\
                    --source https://help.openai.com/en/articles/6825453-chatgpt-release-notes
                  lifeline release log openai/gpt-4-0613 --on 2023-06-13 --create-model \\
                    --capability function-calling
                  lifeline release log openai/text-davinci-003 --kind retirement \\
                    --on 2024-01-04 --announced 2023-07-06
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "PROVIDER/MODEL, e.g. openai/chatgpt.")
        var model: String
        @Option(help: ArgumentHelp("The release date: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(name: .customLong("capability"), help: "A capability it ships (slug or alias; repeatable).")
        var capabilities: [String] = []
        @Option(help: "launch, capability or retirement.")
        var kind: Release.Kind?
        @Option(help: ArgumentHelp("When it was announced, if before the release date.", valueName: "date"))
        var announced: String?
        @Option(help: "Free-text note.")
        var note: String?
        @Option(help: "Where the news comes from (https://...).")
        var source: String?
        @Flag(help: "Record the model too when it is new (its provider must exist).")
        var createModel = false
        @Flag(help: "If this release is already logged, print its id and exit 0 instead of failing.")
        var ifNew = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let today = try Today.resolve()
            let request = ReleaseRequest(
                model: try ModelReference(parsing: model),
                releasedOn: try CivilDate.parse(on, today: today, field: "--on date"),
                capabilities: capabilities, kind: kind,
                announcedOn: try announced.map { try CivilDate.parse($0, today: today, field: "--announced date") },
                note: note, source: source, createModel: createModel, ifNew: ifNew)
            let result = try global.portfolio().catalogue.logRelease(request)
            let outcome = result.value
            let release = outcome.release
            switch output.format {
            case .table:
                Console.output(String(release.id))
                AssessmentPresenter.printChanges(of: result.reassessment)
            case .json, .jsonl:
                Console.output(ReleasePresenter.json(release, changes: result.reassessment.changes).serialized())
            default:
                Console.output(ReleasePresenter.render(release, as: output.format))
            }
            if Console.stderrIsTerminal {
                switch outcome {
                case .logged(_, let createdModel):
                    Console.error("Logged release \(release.id): \(ReleaseWords.summary(release))"
                        + (createdModel ? " (new model recorded)" : "") + ".")
                case .alreadyLogged:
                    Console.error("Already logged as release \(release.id): \(ReleaseWords.summary(release)).")
                }
            }
        }
    }
}
