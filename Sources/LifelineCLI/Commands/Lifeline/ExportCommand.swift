import ArgumentParser
import Glibc
import Lifeline
import LifelineCore

/// `lifeline export`: everything out, in files any spreadsheet or script reads.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole portfolio to a directory of CSV files and one JSON document.",
        discussion: """
            companies.csv is in exactly the 'company import' format; providers.csv, \
            models.csv, capabilities.csv, capability_aliases.csv, releases.csv (with \
            capabilities and sources), rebuilds.csv and dismissals.csv hold the rest, and \
            portfolio.json all of it. 'lifeline restore DIR' loads it into an empty database.

            Example:
              lifeline export --out backup-2024-06-01
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The directory to write (created if missing; default: lifeline-export-DATE).", valueName: "dir"))
    var out: String?
    @Flag(help: "Overwrite the files of an earlier export in the directory.")
    var force = false

    func run() throws {
        let portfolio = try global.portfolio()
        let directory = out ?? "lifeline-export-\(portfolio.today)"
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw Failure(.ioFailure, "cannot create '\(directory)': \(String(cString: strerror(errno)))")
        }
        let files = PortfolioExport.tableNames.map { "\($0).csv" } + ["portfolio.json"]
        if !force, let existing = files.first(where: { access("\(directory)/\($0)", F_OK) == 0 }) {
            throw Failure(.usage, "'\(directory)/\(existing)' exists; add --force to overwrite the export in '\(directory)'")
        }
        let export = try portfolio.onboarding.export()
        for table in export.tables {
            try writeText(CSV.document(columns: table.columns, rows: table.rows.map { $0.map { $0?.text } }), to: "\(directory)/\(table.name).csv")
        }
        try writeText(ExportJSON.json(export, exportedOn: portfolio.today).serialized() + "\n", to: "\(directory)/portfolio.json")
        let counts = export.tables.map { "\($0.rows.count) \($0.name.replacing("_", with: " "))" }.joined(separator: ", ")
        Console.output("Exported to \(directory)/: \(counts).")
    }
}
