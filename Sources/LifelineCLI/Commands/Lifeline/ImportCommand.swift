import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline import`: public model catalogues into providers, models and releases.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a model catalogue (models.dev, LiteLLM), a release feed, or lifeline's release history.",
        discussion: """
            'import history' records the dated, sourced releases built into lifeline; \
            'import releases' reads a feed of them (see its help).

            From a catalogue, new models become launch releases (dated by the catalogue; LiteLLM has no dates, \
            so --as-of), capabilities a recorded model gained become capability releases, \
            and deprecation dates become announced retirements. A new model whose id is a \
            recorded model's with a date at the end (gpt-4-0613, claude-3-opus-20240229) is \
            recorded as its snapshot. A value it cannot use (an \
            impossible date, an entry without a provider) is reported and worked around, or \
            with --strict fails the import; a file that is not JSON or has the wrong shape \
            always fails, naming the JSON path, and writes nothing. Catalogue fields map to \
            capabilities through the aliases ('lifeline capability list'); fields with no \
            alias are reported, once. Re-importing a file changes nothing. Everything is one \
            transaction, followed by the reassessment of the companies it affects.
            """,
        subcommands: [ModelsDev.self, LiteLLM.self, Releases.self, History.self]
    )

    /// The options both importers take.
    struct Options: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The catalogue file (JSON); - reads standard input.")
        var file: String
        @Flag(help: "Show what would change, and change nothing.")
        var dryRun = false
        @Option(help: ArgumentHelp("The date for events the catalogue gives no date for (default: today).", valueName: "date"))
        var asOf: String?
        @Flag(help: "Fail on the first unusable value (an impossible date, an entry without a provider) instead of reporting it.")
        var strict = false

        func run(reading read: (JSONValue, String, Bool) throws -> Catalogue) throws {
            let portfolio = try global.portfolio()
            let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
            let document = try JSONValue.parse(try readBytes(path: file, what: "catalogue"))
            let fileName = file == "-" ? "stdin" : String(file.split(separator: "/").last ?? Substring(file))
            let catalogue = try read(document, fileName, strict)
            let progress = ProgressLine(label: "importing")
            let summary = try portfolio.onboarding.importCatalogue(catalogue, asOf: asOf, dryRun: dryRun, progress: progress.update)
            progress.finish()
            ImportPresenter.print(summary)
        }
    }
}
