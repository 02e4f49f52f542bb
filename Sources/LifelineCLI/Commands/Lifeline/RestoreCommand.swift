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
        for name in PortfolioExport.tableNames {
            let path = "\(directory)/\(name).csv"
            guard access(path, F_OK) == 0 else { throw Failure(.missingInput, "\(directory) has no \(name).csv; is it a lifeline export?") }
            files[name] = try readText(path: path, what: "export file")
        }
        let opened = try global.openPortfolio(create: true)
        let portfolio = try opened.portfolio(today: try Today.resolve())
        let summary = try portfolio.onboarding.restore(files: files, directory: directory)
        let counts = summary.counts.map { "\($0.rows) \($0.table.replacing("_", with: " "))" }.joined(separator: ", ")
        Console.output("Restored \(directory) into \(global.resolvedDatabasePath): \(counts).")
        Console.output("Run 'lifeline reassess' to assess the companies.")
    }
}
