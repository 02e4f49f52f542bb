import ArgumentParser
import Lifeline
import LifelineCore

extension ImportCommand {
    struct Releases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "releases",
            abstract: "Import a release feed (CSV or JSON lines), or check one.",
            discussion: """
                A feed has the release history's columns \
                (date,provider,model_or_product,kind,capability,announced,source) or those \
                of an export's releases.csv; JSON lines have the same fields. Each release \
                records its source and date basis history. A row already logged is skipped; \
                any problem refuses the whole file. --check validates a feed to publish \
                without a database: every problem is listed.

                Examples:
                  lifeline import releases feed.csv --create-models --dry-run
                  lifeline import releases --create-models - < feed.jsonl
                  lifeline import releases --check data/provider-history.csv
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feed (CSV or JSON lines); - reads standard input.")
        var file: String
        @Flag(help: "Record the providers and models the database lacks.")
        var createModels = false
        @Flag(help: "Show what would change, and change nothing.")
        var dryRun = false
        @Flag(help: "Only check the feed, with no database: list every problem (exit 65 if any).")
        var check = false

        func validate() throws {
            if check && (createModels || dryRun) { throw ValidationError("--check reads no database; drop --create-models and --dry-run") }
        }

        func run() throws {
            let fileName = file == "-" ? "stdin" : String(file.split(separator: "/").last ?? Substring(file))
            let bytes = try readBytes(path: file, what: "release feed")
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw Failure(.badData, TextEncoding.refusal(of: "release feed '\(file)'", bytes: bytes))
            }
            let feed = ReleaseFeed.read(text, fileName: fileName)
            if check {
                let problems = try Onboarding.feedProblems(feed)
                guard problems.isEmpty else {
                    for problem in problems { Console.output(problem) }
                    throw Failure(.badData, "\(fileName): \(ImportPresenter.count(problems.count, "problem")) in \(ImportPresenter.count(feed.rows.count + feed.problems.count, "row"))")
                }
                Console.output("\(fileName): \(ImportPresenter.count(feed.rows.count, "release")), no problems.")
                return
            }
            try ReleaseImportPresenter.refuseProblems(of: feed, fileName: fileName)
            let summary = try global.portfolio().onboarding.importReleases(feed, fileName: fileName, createModels: createModels, dryRun: dryRun)
            ReleaseImportPresenter.print(summary)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Import the release history built into lifeline.",
            discussion: """
                Dated, sourced releases of the major labs from 2022 on (data/provider-history.csv \
                in lifeline's repository): launches, capability arrivals and retirements. \
                Providers and models it names are recorded as needed; releases already logged \
                are skipped, so it is safe to run again after upgrading lifeline.

                Example:
                  lifeline import history --dry-run
                """
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Show what would change, and change nothing.")
        var dryRun = false

        func run() throws {
            let summary = try global.portfolio().onboarding.importReleases(
                Onboarding.builtInHistory(), fileName: Onboarding.historyFileName, createModels: true, dryRun: dryRun)
            ReleaseImportPresenter.print(summary)
        }
    }
}
