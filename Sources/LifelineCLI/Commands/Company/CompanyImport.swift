import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    /// The formats a portfolio spreadsheet can come in.
    enum SheetFormat: String, CaseIterable, ExpressibleByArgument {
        case csv, json
    }

    /// A CSV file's field separator, when detecting it from the header is not wanted.
    enum Delimiter: String, CaseIterable, ExpressibleByArgument {
        case comma = ",", semicolon = ";", tab

        var scalar: Unicode.Scalar {
            switch self {
            case .comma: ","
            case .semicolon: ";"
            case .tab: "\t"
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import companies from a spreadsheet (CSV) or JSON.",
            discussion: """
                Columns: slug (required), name, tier and since (required for new companies), \
                sector, website, runway, notes, invested_usd, invested_on, round (one \
                investment per row; several rows for one slug add several), depends \
                (PROVIDER/MODEL;...), exposures (capability:effect or \
                capability:effect@provider1+provider2, separated by ;). Empty cells mean \
                "not given"; unknown columns are an error. Every row is checked as the \
                company commands check it; the first bad row aborts the import and nothing \
                is written. Excel's files read as they are: the byte-order mark of CSV UTF-8, \
                and ; as the separator (found from the header, or --delimiter). \
                docs/onboarding.md has a worked example.

                Examples:
                  lifeline company import portfolio.csv --dry-run
                  lifeline company import portfolio.csv
                  lifeline company import portfolio.csv --update
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file; - reads standard input.")
        var file: String
        @Option(help: "csv or json (default: from the file's extension, else csv).")
        var format: SheetFormat?
        @Option(help: ArgumentHelp("A CSV file's separator: ',', ';' or tab (default: found from the header).", valueName: "separator"))
        var delimiter: Delimiter?
        @Flag(help: "Change companies already recorded: given fields replace stored ones; depends, exposures and investments are replaced as a whole.")
        var update = false
        @Flag(help: "Show what would change, and change nothing.")
        var dryRun = false

        func run() throws {
            let portfolio = try global.portfolio()
            let bytes = try readBytes(path: file, what: "spreadsheet")
            let fileName = file == "-" ? "stdin" : String(file.split(separator: "/").last ?? Substring(file))
            let format = self.format ?? (file.lowercased().hasSuffix(".json") ? .json : .csv)
            let rows: [CompanyImportRow]
            switch format {
            case .json:
                rows = try CompanyImportRow.fromJSON(try JSONValue.parse(bytes), fileName: fileName)
            case .csv:
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw Failure(.badData, TextEncoding.refusal(of: fileName, bytes: bytes))
                }
                rows = try CompanyImportRow.fromCSV(text, fileName: fileName, delimiter: delimiter?.scalar)
            }
            let summary = try portfolio.onboarding.importCompanies(rows, update: update, dryRun: dryRun)
            let verb = dryRun ? "Would import" : "Imported"
            Console.output(
                "\(verb) \(fileName): \(ImportPresenter.count(summary.companiesAdded.count, "company")) added, "
                    + "\(summary.companiesUpdated.count) updated, \(ImportPresenter.count(summary.investments, "investment")), "
                    + "\(ImportPresenter.count(summary.dependencies, "dependency")), \(ImportPresenter.count(summary.exposures, "exposure")).")
            if let reassessment = summary.reassessment {
                Console.output("\(ImportPresenter.count(reassessment.changes.count, "lifeline")) changed.")
                AssessmentPresenter.printChanges(of: reassessment)
            }
            if dryRun { Console.output("Dry run: nothing was written.") }
        }
    }
}
