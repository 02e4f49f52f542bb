import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline import`: public model catalogues into providers, models and releases.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a public model catalogue: models.dev or LiteLLM.",
        discussion: """
            New models become launch releases (dated by the catalogue; LiteLLM has no dates, \
            so --as-of), capabilities a recorded model gained become capability releases, \
            and deprecation dates become announced retirements. A value it cannot use (an \
            impossible date, an entry without a provider) is reported and worked around, or \
            with --strict fails the import; a file that is not JSON or has the wrong shape \
            always fails, naming the JSON path, and writes nothing. Catalogue fields map to \
            capabilities through the aliases ('lifeline capability list'); fields with no \
            alias are reported, once. Re-importing a file changes nothing. Everything is one \
            transaction, followed by the reassessment of the companies it affects.
            """,
        subcommands: [ModelsDev.self, LiteLLM.self]
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
            let summary = try portfolio.importCatalogue(catalogue, asOf: asOf, dryRun: dryRun, progress: progress.update)
            progress.finish()
            ImportPresenter.print(summary)
        }
    }

    struct ModelsDev: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "models-dev",
            abstract: "Import models.dev's api.json.",
            discussion: """
                Example:
                  lifeline import models-dev api.json --dry-run
                  lifeline import models-dev api.json
                """
        )

        @OptionGroup var options: Options

        func run() throws { try options.run { try ModelsDevCatalogue.read($0, fileName: $1, strict: $2) } }
    }

    struct LiteLLM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "litellm",
            abstract: "Import LiteLLM's model_prices_and_context_window.json.",
            discussion: """
                Example:
                  lifeline import litellm model_prices_and_context_window.json --as-of 2025-01-01
                """
        )

        @OptionGroup var options: Options

        func run() throws { try options.run { try LiteLLMCatalogue.read($0, fileName: $1, strict: $2) } }
    }
}

/// The import's summary in words.
enum ImportPresenter {
    static func print(_ summary: ImportSummary) {
        let source = "\(summary.catalogue) (\(summary.fileName))"
        if summary.changedNothing {
            Console.output("Nothing new in \(source): its \(summary.modelsInFile) models are all recorded already.")
        } else {
            let verb = summary.isDryRun ? "Would import" : "Imported"
            Console.output(
                "\(verb) \(source): \(count(summary.providersAdded.count, "provider")), \(count(summary.modelsAdded, "model")), "
                    + "\(count(summary.releasesAdded, "release")) (\(summary.launches) launch, "
                    + "\(summary.capabilityReleases) capability, \(summary.retirements) retirement).")
        }
        if summary.monthOnlyDates > 0 {
            Console.output("\(count(summary.monthOnlyDates, "launch")) dated by month only, taken as the 1st (the release notes say so).")
        }
        if summary.undatedLaunches > 0 {
            Console.output("\(count(summary.undatedLaunches, "launch")) without a release date in the catalogue, dated --as-of.")
        }
        if !summary.unmappedFields.isEmpty {
            let fields = summary.unmappedFields.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            Console.output("Fields that map to no capability (map one with 'lifeline capability alias CAPABILITY FIELD'): \(fields).")
        }
        for (field, number) in summary.droppedFlags.sorted(by: { $0.key < $1.key }) {
            Console.output("Ignored '\(field)' on \(count(number, "model")) whose inputs are text only.")
        }
        if !summary.problems.isEmpty {
            Console.output("Worked around \(count(summary.problems.count, "unusable value")) (--strict refuses them): \(summary.problems.prefix(5).joined(separator: "; "))\(summary.problems.count > 5 ? "; ..." : "").")
        }
        if !summary.collisions.isEmpty {
            Console.output("Skipped \(count(summary.collisions.count, "entry")) whose slug an earlier entry took: \(summary.collisions.prefix(5).joined(separator: "; "))\(summary.collisions.count > 5 ? "; ..." : "").")
        }
        if summary.isDryRun {
            Console.output("Dry run: nothing was written.")
        }
        if let reassessment = summary.reassessment {
            AssessmentPresenter.printChanges(of: reassessment)
        }
    }

    static func count(_ number: Int, _ noun: String) -> String {
        let plural = noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun.hasSuffix("ch") ? noun + "es" : noun + "s"
        return "\(number) \(number == 1 ? noun : plural)"
    }
}
