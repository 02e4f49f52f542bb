import ArgumentParser
import Glibc
import Lifeline
import LifelineCore
import LifelineStorage

/// `lifeline doctor`: is this database sound?
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database: integrity, foreign keys, migrations, sizes and counts.",
        discussion: """
            Reads only. Exits 0 when the database is healthy, 1 with the list of problems \
            otherwise (on standard error, one per line).

            Example:
              lifeline doctor --db portfolio.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let database = try global.openReadOnly()
        let portfolio = Portfolio(database: database, today: try Today.resolve())
        let report = try portfolio.healthReport()
        var rows = Rows(columns: ["check", "value"])
        for fact in report.facts { rows.append([.text(fact.name), .text(fact.value)]) }
        rows.print(as: output.format)
        if output.format == .table {
            Console.output(report.isHealthy ? "\nHealthy." : "\n\(report.problems.count) problem(s):")
        }
        guard report.isHealthy else {
            for problem in report.problems { Console.error("lifeline: problem: \(problem)") }
            throw ExitCode(1)
        }
    }
}

/// `lifeline backup`: a consistent copy of the database, safe while others write.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, consistently, even while others write to it.",
        discussion: """
            Uses SQLite's online backup API: the copy is one snapshot of the database, \
            written beside FILE and renamed into place, so FILE is never half a backup. \
            An existing FILE is kept unless --force.

            Example:
              lifeline backup /backups/portfolio-$(date +%F).db
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to write the copy.")
    var file: String
    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    func run() throws {
        if access(file, F_OK) == 0 && !force {
            throw Failure(.usage, "'\(file)' exists; add --force to overwrite it")
        }
        let database = try global.openReadOnly()
        do {
            try database.backup(to: file)
        } catch let error as SQLiteError where error.isCannotOpen || error.isIOFailure {
            throw Failure(.ioFailure, "cannot write the backup to '\(file)': \(error.message)")
        }
        Console.output("Backed up \(global.resolvedDatabasePath) to \(file) (\(Portfolio.bytesDescription(of: file))).")
    }
}
