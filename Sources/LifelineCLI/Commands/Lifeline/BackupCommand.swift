import ArgumentParser
import Lifeline

/// `lifeline backup`: a consistent copy of the database, safe while others write.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, consistently, even while others write to it.",
        discussion: """
            Uses SQLite's online backup API: the copy is one snapshot of the database, \
            written beside FILE and renamed into place, so FILE is never half a backup. \
            An existing FILE is kept unless --force; the database itself (by any path, \
            link or hard link) and its -wal and -shm files are refused.

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
        try global.openReadOnly().backup(to: file, overwriting: force)
        Console.output("Backed up \(global.resolvedDatabasePath) to \(file) (\(Portfolio.bytesDescription(of: file))).")
    }
}
