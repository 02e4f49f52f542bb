import ArgumentParser
import Glibc
import Lifeline

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
        try global.openReadOnly().backup(to: file)
        Console.output("Backed up \(global.resolvedDatabasePath) to \(file) (\(Portfolio.bytesDescription(of: file))).")
    }
}
