import ArgumentParser
import Glibc
import Lifeline
import LifelineCore

/// `lifeline restore`: an export back into an empty database.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Load a directory written by 'lifeline export' into an empty database.",
        discussion: """
            Creates the database when it is missing. Everything loads in one transaction \
            or nothing does; release ids are kept. Nothing is reassessed: run \
            'lifeline reassess' afterwards.

            Example:
              lifeline restore backup-2024-06-01 --db restored.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The directory 'lifeline export' wrote.")
    var directory: String

    func run() throws {
        var files: [String: String] = [:]
        for name in PortfolioExport.tableNames + PortfolioExport.legacyTableNames {
            let path = "\(directory)/\(name).csv"
            guard access(path, F_OK) == 0 else { continue }
            files[name] = try readText(path: path, what: "export file")
        }
        if let missing = PortfolioExport.missingTables(in: Set(files.keys)).first {
            throw Failure(.missingInput, "\(directory) has no \(missing).csv; is it a lifeline export?")
        }
        let summary = try NewDatabaseFile.removedOnFailure(at: global.resolvedDatabasePath) {
            let opened = try global.openPortfolio(create: true)
            return try opened.portfolio(today: try Today.resolve()).onboarding.restore(files: files, directory: directory)
        }
        let counts = summary.counts.map { "\($0.rows) \($0.table.replacing("_", with: " "))" }.joined(separator: ", ")
        Console.output("Restored \(directory) into \(global.resolvedDatabasePath): \(counts).")
        Console.output("Run 'lifeline reassess' to assess the companies.")
    }
}
