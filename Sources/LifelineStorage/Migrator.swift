/// Applies numbered migrations in order and records each in `schema_migrations`.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the row
/// that records it, then foreign keys are checked: a failing migration leaves the
/// database exactly at the previous version. Before writing anything the migrator
/// checks that the database is compatible (checksums match, no unknown or newer
/// versions) and otherwise refuses without touching it.
///
/// Migration scripts must not contain `BEGIN`/`COMMIT` themselves.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// The bookkeeping table. It belongs to the migrator, not to any migration.
    static let createTableSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY CHECK (version > 0),
            name       TEXT NOT NULL CHECK (length(name) > 0),
            checksum   TEXT NOT NULL CHECK (length(checksum) = 64),
            applied_at TEXT NOT NULL
        ) STRICT
        """

    /// - Throws: `MigrationError.invalidSequence` unless versions strictly increase.
    public init(migrations: [Migration]) throws {
        for (earlier, later) in zip(migrations, migrations.dropFirst()) where earlier.version >= later.version {
            throw MigrationError.invalidSequence(
                "version \(later.version) (\(later.name)) follows version \(earlier.version) (\(earlier.name))")
        }
        self.migrations = migrations
    }

    /// The newest version this migrator knows, or 0.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// What the database records, oldest first. Empty for a database never migrated.
    public func appliedMigrations(in database: Database) throws -> [AppliedMigration] {
        let hasTable = try database.fetchOne(
            sql: "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true } ?? false
        guard hasTable else { return [] }
        return try database.fetchAll(
            sql: "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        ) { row in
            AppliedMigration(
                version: try row.get(0), name: try row.get(1), checksum: try row.get(2),
                appliedAt: try row.get(3))
        }
    }

    /// Every known and every recorded migration, with its state. Reads only.
    public func status(of database: Database) throws -> [MigrationStatus] {
        let applied = try appliedMigrations(in: database)
        let appliedByVersion = Dictionary(uniqueKeysWithValues: applied.map { ($0.version, $0) })
        var statuses = migrations.map { migration -> MigrationStatus in
            guard let record = appliedByVersion[migration.version] else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending, appliedAt: nil)
            }
            let state: MigrationStatus.State = record.checksum == migration.checksum ? .applied : .checksumMismatch
            return MigrationStatus(version: migration.version, name: migration.name, state: state, appliedAt: record.appliedAt)
        }
        let known = Set(migrations.map(\.version))
        statuses += applied.filter { !known.contains($0.version) }.map {
            MigrationStatus(version: $0.version, name: $0.name, state: .unknown, appliedAt: $0.appliedAt)
        }
        return statuses.sorted { $0.version < $1.version }
    }

    /// The migrations not yet applied, after checking the database is compatible.
    /// Reads only.
    public func pendingMigrations(in database: Database) throws -> [Migration] {
        try pending(given: try appliedMigrations(in: database))
    }

    /// Applies every pending migration, in order. Returns what it applied (empty when
    /// the database was up to date). Safe to run from several processes at once: each
    /// step re-checks, under the write lock, whether another process applied it first.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Migration] {
        var applied: [Migration] = []
        for migration in try pendingMigrations(in: database) {
            let didApply = try database.transaction(.immediate) { () throws -> Bool in
                guard try pendingMigrations(in: database).contains(migration) else { return false }
                try apply(migration, to: database)
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }

    private func apply(_ migration: Migration, to database: Database) throws {
        do {
            try database.executeScript(sql: Self.createTableSQL)
            try database.executeScript(sql: migration.sql)
        } catch let error as SQLiteError {
            throw MigrationError.failed(version: migration.version, name: migration.name, underlying: error)
        }
        let brokenReferences = try database.fetchAll(sql: "PRAGMA foreign_key_check") { _ in () }.count
        guard brokenReferences == 0 else {
            throw MigrationError.foreignKeyViolations(
                version: migration.version, name: migration.name, count: brokenReferences)
        }
        try database.execute(
            sql: """
                INSERT INTO schema_migrations (version, name, checksum, applied_at)
                VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                """,
            arguments: [migration.version.sqlValue, .text(migration.name), .text(migration.checksum)])
    }

    /// Checks the recorded migrations against the known ones and lists what is left.
    private func pending(given applied: [AppliedMigration]) throws -> [Migration] {
        let knownByVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in applied {
            guard let known = knownByVersion[record.version] else {
                if record.version > latestVersion {
                    throw MigrationError.databaseIsNewer(
                        databaseVersion: applied.last?.version ?? record.version,
                        latestKnownVersion: latestVersion)
                }
                throw MigrationError.unknownMigration(version: record.version, name: record.name)
            }
            guard known.checksum == record.checksum else {
                throw MigrationError.checksumMismatch(
                    version: known.version, name: known.name, recorded: record.checksum,
                    expected: known.checksum)
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        let pending = migrations.filter { !appliedVersions.contains($0.version) }
        if let firstPending = pending.first, let lastApplied = applied.last, firstPending.version < lastApplied.version {
            throw MigrationError.outOfOrder(pendingVersion: firstPending.version, appliedVersion: lastApplied.version)
        }
        return pending
    }
}

/// A migration as the database records it.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    /// UTC, ISO 8601 with milliseconds.
    public let appliedAt: String
}

/// One line of `lifeline migrate --status`.
public struct MigrationStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        case applied
        case pending
        /// Applied, but the database's copy differs from this program's.
        case checksumMismatch = "checksum-mismatch"
        /// Applied by a program that had a migration this one does not know.
        case unknown
    }

    public let version: Int
    public let name: String
    public let state: State
    public let appliedAt: String?
}
