import ArgumentParser
import Glibc
import Lifeline
import LifelineCore

/// Options every command that touches the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file (default: $LIFELINE_DB, else ./lifeline.db).", valueName: "path"))
    var databasePath: String?

    @Option(
        name: .customLong("busy-timeout"),
        help: ArgumentHelp(
            "How long to wait for another process's lock before giving up with exit 75.",
            valueName: "seconds"))
    var busyTimeoutSeconds: Double = 5

    /// The busy timeout in SQLite's unit.
    var busyTimeoutMilliseconds: Int32 { Int32((busyTimeoutSeconds * 1000).rounded()) }

    /// The path in force: `--db`, else `$LIFELINE_DB`, else `lifeline.db` here.
    var resolvedDatabasePath: String {
        if let databasePath { return databasePath }
        if let fromEnvironment = getenv("LIFELINE_DB").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "lifeline.db"
    }

    func validate() throws {
        if databasePath?.isEmpty == true {
            throw ValidationError("--db needs a file path")
        }
        guard busyTimeoutSeconds.isFinite, busyTimeoutSeconds >= 0, busyTimeoutSeconds <= 3600 else {
            throw ValidationError("--busy-timeout takes seconds from 0 to 3600")
        }
    }
}

extension GlobalOptions {
    /// Opens the database and applies pending migrations; only `create` makes a new file.
    func openPortfolio(create: Bool = false) throws -> PortfolioDatabase.Opened {
        try PortfolioDatabase.open(
            path: resolvedDatabasePath, create: create, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// The portfolio in the existing database, migrated.
    func portfolio() throws -> Portfolio {
        try openPortfolio().portfolio(today: try Today.resolve())
    }

    /// Opens the existing database read-only, without migrating it.
    func openReadOnly() throws -> ReadOnlyPortfolio {
        try PortfolioDatabase.openReadOnly(
            path: resolvedDatabasePath, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }
}
