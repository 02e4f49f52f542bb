import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline migrate`: apply pending migrations, or show where the schema stands.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations, or list them with --status.",
        discussion: """
            Every command applies pending migrations when it opens the database; this one \
            does only that. With --status it changes nothing and lists each migration: \
            applied (with its time, UTC), pending, checksum-mismatch (the database's copy \
            differs from this lifeline's) or unknown (recorded by a newer lifeline).

            Example:
              lifeline migrate --status --db portfolio.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "List applied and pending migrations without changing anything.")
    var status = false

    func run() throws {
        let path = global.resolvedDatabasePath
        if status {
            try printStatus()
            return
        }
        let opened = try global.openPortfolio()
        if opened.appliedMigrations.isEmpty {
            Console.output("\(path) is up to date (schema version \(Schema.latestVersion)).")
        }
        for migration in opened.appliedMigrations {
            Console.output("applied \(migration)")
        }
    }

    private func printStatus() throws {
        let statuses = try global.openReadOnly().migrationStatus()
        var rows = Rows(columns: ["version", "name", "state", "applied_at"])
        for status in statuses {
            rows.append([
                .integer(Int64(status.version)), .text(status.name), .text(status.state.rawValue),
                OutputValue(status.appliedAt),
            ])
        }
        rows.print(as: output.format)
    }
}
