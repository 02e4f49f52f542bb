import ArgumentParser
import Lifeline
import LifelineCore
import LifelineStorage

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
            Console.output("applied \(MigrationNames.fileName(of: migration))")
        }
    }

    private func printStatus() throws {
        let database = try global.openReadOnly()
        let statuses = try Schema.migrator().status(of: database)
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

/// How a migration is named to people: its file name in `Migrations/`.
enum MigrationNames {
    static func fileName(of migration: Migration) -> String {
        let digits = String(migration.version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + migration.name + ".sql"
    }
}
