import Glibc
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
    /// `Database.backup`). An existing file is replaced only when `overwriting`; the
    /// database itself, or one of its companion files, never (`checkNotItself`).
    public func backup(to path: String, overwriting: Bool) throws {
        try Self.checkNotItself(target: path, database: database.path)
        if access(path, F_OK) == 0 && !overwriting {
            throw LifelineError(.usage, "'\(path)' exists; add --force to overwrite it")
        }
        do {
            try database.backup(to: path)
        } catch let error as SQLiteError where error.isCannotOpen || error.isIOFailure {
            throw LifelineError(.ioFailure, "cannot write the backup to '\(path)': \(error.message)")
        }
    }
}

extension ReadOnlyPortfolio {
    /// Refuses a backup onto the live database: the file itself, its write-ahead log, its
    /// shared-memory index or a rollback journal - by the same path, through a symbolic
    /// link, or as a hard link to it. Writing a copy there destroys committed data (a
    /// copy renamed over the database under running writers), or plants a stale log the
    /// next open would replay.
    static func checkNotItself(target: String, database: String) throws {
        let companions = ["", "-wal", "-shm", "-journal"].map { database + $0 }
        let targetFile = fileIdentity(target)
        let targetPath = canonicalPath(target)
        for companion in companions {
            let sameFile = targetFile != nil && targetFile == fileIdentity(companion)
            if sameFile || targetPath == canonicalPath(companion) {
                throw LifelineError(
                    .usage,
                    "refused: '\(target)' is the database itself\(companion == database ? "" : " (its \(companion.dropFirst(database.count)) file)"); a backup onto it would destroy it - choose another file")
            }
        }
    }

    /// Device and inode: the same file under any name.
    private static func fileIdentity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// The path with its directory resolved (links and `..`), for a file that may not exist yet.
    private static func canonicalPath(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(directory.isEmpty ? "/" : directory, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}

/// A migration's state in a database, as `lifeline migrate --status` lists it.
public typealias MigrationStatus = LifelineStorage.MigrationStatus

@available(*, unavailable, message: "a ReadOnlyPortfolio uses one Database connection, on one thread")
extension ReadOnlyPortfolio: Sendable {}
