import Glibc
import LifelineCore
import LifelineStorage

/// Opens a lifeline database and brings its schema up to date.
///
/// Only `lifeline init` (and the demo) create a database: every other command refuses a
/// path where none exists, so a mistyped `--db` never leaves an empty file behind.
public enum PortfolioDatabase {
    /// An opened, migrated database and what opening it applied.
    public struct Opened {
        let database: Database
        /// The file names of the migrations applied on this open (`0002_assessments.sql`;
        /// empty when it was up to date).
        public let appliedMigrations: [String]
        /// True when the file did not exist before.
        public let wasCreated: Bool

        /// The portfolio in it, changes reassessed as of `today` with the warning window
        /// and stall window of the latest nightly run (see `Reassessment.warnDaysInForce`).
        public func portfolio(today: CivilDate) throws -> Portfolio {
            try LifelineError.explaining {
                Portfolio(
                    database: database, today: today, warnDays: try Reassessment.warnDaysInForce(database),
                    stallDays: try Reassessment.stallDaysInForce(database))
            }
        }
    }

    /// Opens the database at `path`, creating it only when `create` is true, and
    /// applies pending migrations. A database this binary cannot trust or serve is
    /// refused untouched.
    public static func open(
        path: String, create: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000
    ) throws -> Opened {
        let existed = fileExists(path)
        if !existed && !create {
            throw LifelineError(
                .missingInput,
                "no lifeline database at '\(path)'; create one with 'lifeline init --db \(path)'")
        }
        if existed && !create { try refuseEmpty(path) }
        let database = try Database(
            path: path,
            configuration: .init(
                mode: create ? .readWriteCreate : .readWrite,
                busyTimeoutMilliseconds: busyTimeoutMilliseconds))
        let applied = try Schema.migrator().migrate(database)
        return Opened(database: database, appliedMigrations: applied.map(\.fileName), wasCreated: !existed)
    }

    /// Opens an existing database for reading only, without migrating it. For status
    /// and read-only queries: SQLite itself refuses any write on this connection.
    public static func openReadOnly(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws -> ReadOnlyPortfolio {
        guard fileExists(path) else {
            throw LifelineError(.missingInput, "no lifeline database at '\(path)'")
        }
        try refuseEmpty(path)
        return ReadOnlyPortfolio(database: try Database(
            path: path,
            configuration: .init(mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)))
    }

    private static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// A 0-byte file is not a lifeline database: SQLite would make it one on the first
    /// write, and only `init` creates databases.
    private static func refuseEmpty(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
        throw LifelineError(.badData, "'\(path)' is an empty file, not a lifeline database; create one with 'lifeline init --db \(path)'")
    }
}
