import LifelineCore
import LifelineStorage

/// A lifeline database opened for reading only, without migrating it: what `lifeline
/// sql`, `doctor`, `migrate --status` and `backup` need. SQLite itself refuses any write
/// on its connection. Every storage failure leaves it as a `LifelineError`.
public final class ReadOnlyPortfolio {
    let database: Database

    init(database: Database) {
        self.database = database
    }

    /// The database file's path, as given.
    public var path: String { database.path }

    /// Each migration this lifeline knows or the database records, and where it stands.
    public func migrationStatus() throws -> [MigrationStatus] {
        try LifelineError.explaining { try Schema.migrator().status(of: database) }
    }

    /// Copies the database to `path`, consistently, even while others write to it (see
    /// `Database.backup`).
    public func backup(to path: String) throws {
        do {
            try database.backup(to: path)
        } catch let error as SQLiteError where error.isCannotOpen || error.isIOFailure {
            throw LifelineError(.ioFailure, "cannot write the backup to '\(path)': \(error.message)")
        }
    }
}

/// A migration's state in a database, as `lifeline migrate --status` lists it.
public typealias MigrationStatus = LifelineStorage.MigrationStatus

@available(*, unavailable, message: "a ReadOnlyPortfolio uses one Database connection, on one thread")
extension ReadOnlyPortfolio: Sendable {}
