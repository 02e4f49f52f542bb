import Foundation
import Testing
@testable import LifelineStorage

@Suite("Migrations")
struct MigratorTests {
    static let first = Migration(version: 1, name: "create_things", sql: """
        CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
        INSERT INTO things (name) VALUES ('seed');
        """)
    static let second = Migration(version: 2, name: "add_parts", sql: """
        CREATE TABLE parts (id INTEGER PRIMARY KEY, thing_id INTEGER NOT NULL REFERENCES things (id)) STRICT;
        """)

    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("migrate.db")
    }

    func versions(_ database: Database) throws -> [Int] {
        try Migrator(migrations: []).appliedMigrations(in: database).map(\.version)
    }

    func tableNames(_ database: Database) throws -> [String] {
        try database.fetchAll(sql: "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            try $0.get(0) as String
        }
    }

    /// The main file's bytes: an untouched database must not change by a single one.
    func fileBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test("a fresh database gets every migration, recorded with its checksum")
    func fresh() throws {
        let database = try Database(path: path)
        let applied = try Migrator(migrations: [Self.first, Self.second]).migrate(database)
        #expect(applied.map(\.version) == [1, 2])
        let records = try Migrator(migrations: []).appliedMigrations(in: database)
        #expect(records.map(\.name) == ["create_things", "add_parts"])
        #expect(records.map(\.checksum) == [Self.first.checksum, Self.second.checksum])
        #expect(records.allSatisfy { $0.appliedAt.hasSuffix("Z") && $0.appliedAt.count == 24 })
        #expect(try tableNames(database) == ["parts", "schema_migrations", "things"])
    }

    @Test("running again applies nothing")
    func idempotent() throws {
        let database = try Database(path: path)
        let migrator = try Migrator(migrations: [Self.first, Self.second])
        try migrator.migrate(database)
        #expect(try migrator.migrate(database).isEmpty)
        #expect(try database.fetchOne(sql: "SELECT count(*) FROM things") { try $0.get(0) as Int } == 1)
    }

    @Test("a database at version 1 is upgraded with only the new migration")
    func upgrade() throws {
        do {
            let database = try Database(path: path)
            try Migrator(migrations: [Self.first]).migrate(database)
        }
        let database = try Database(path: path)
        let migrator = try Migrator(migrations: [Self.first, Self.second])
        #expect(try migrator.status(of: database).map(\.state) == [.applied, .pending])
        #expect(try migrator.migrate(database).map(\.version) == [2])
        #expect(try versions(database) == [1, 2])
        #expect(try migrator.status(of: database).map(\.state) == [.applied, .applied])
    }

    @Test("a changed migration is refused and the file is left untouched")
    func changedChecksum() throws {
        do {
            let database = try Database(path: path)
            try Migrator(migrations: [Self.first]).migrate(database)
        }
        let before = try fileBytes()
        let edited = Migration(version: 1, name: "create_things", sql: Self.first.sql + "\n-- edited")
        let database = try Database(path: path)
        let migrator = try Migrator(migrations: [edited, Self.second])
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(database) }
        guard case .checksumMismatch(let version, _, let recorded, let expected) = error else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            return
        }
        #expect(version == 1 && recorded == Self.first.checksum && expected == edited.checksum)
        #expect(try migrator.status(of: database).map(\.state) == [.checksumMismatch, .pending])
        #expect(try tableNames(database) == ["schema_migrations", "things"])
        #expect(try fileBytes() == before)
    }

    @Test("a database newer than the program is refused untouched")
    func newerDatabase() throws {
        do {
            let database = try Database(path: path)
            try Migrator(migrations: [Self.first, Self.second]).migrate(database)
        }
        let before = try fileBytes()
        let database = try Database(path: path)
        let migrator = try Migrator(migrations: [Self.first])
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(database) }
        #expect(error == .databaseIsNewer(databaseVersion: 2, latestKnownVersion: 1))
        #expect(error?.description.contains("upgrade lifeline") == true)
        #expect(try migrator.status(of: database).map(\.state) == [.applied, .unknown])
        #expect(try fileBytes() == before)
    }

    @Test("a failing migration leaves the database exactly at the previous version")
    func failingMigration() throws {
        let broken = Migration(version: 2, name: "broken", sql: """
            CREATE TABLE half_done (n INTEGER);
            INSERT INTO half_done VALUES (1);
            INSERT INTO no_such_table VALUES (1);
            """)
        let database = try Database(path: path)
        try Migrator(migrations: [Self.first]).migrate(database)
        let error = #expect(throws: MigrationError.self) {
            try Migrator(migrations: [Self.first, broken]).migrate(database)
        }
        guard case .failed(2, "broken", let underlying) = error else {
            Issue.record("expected a failed migration, got \(String(describing: error))")
            return
        }
        #expect(underlying.message.contains("no_such_table"))
        #expect(try versions(database) == [1])
        #expect(try tableNames(database) == ["schema_migrations", "things"])
        #expect(database.isInAutocommit)
    }

    @Test("a failing first migration leaves no bookkeeping table behind")
    func failingFirstMigration() throws {
        let broken = Migration(version: 1, name: "broken", sql: "CREATE TABLE a (n); SELEC 1;")
        let database = try Database(path: path)
        #expect(throws: MigrationError.self) { try Migrator(migrations: [broken]).migrate(database) }
        #expect(try tableNames(database) == [])
    }

    @Test("a migration that breaks foreign keys is rolled back")
    func foreignKeyViolation() throws {
        let dangling = Migration(version: 2, name: "dangling", sql: """
            CREATE TABLE parts (id INTEGER PRIMARY KEY, thing_id INTEGER REFERENCES things (id));
            PRAGMA defer_foreign_keys = ON;
            INSERT INTO parts (thing_id) VALUES (999);
            """)
        let database = try Database(path: path)
        try Migrator(migrations: [Self.first]).migrate(database)
        let error = #expect(throws: MigrationError.self) {
            try Migrator(migrations: [Self.first, dangling]).migrate(database)
        }
        #expect(error == .foreignKeyViolations(version: 2, name: "dangling", count: 1))
        #expect(try versions(database) == [1])
        #expect(try !tableNames(database).contains("parts"))
    }

    @Test("versions must strictly increase")
    func invalidSequence() {
        #expect(throws: MigrationError.self) { try Migrator(migrations: [Self.second, Self.first]) }
        #expect(throws: MigrationError.self) { try Migrator(migrations: [Self.first, Self.first]) }
    }

    @Test("a pending migration older than an applied one is refused")
    func outOfOrder() throws {
        let third = Migration(version: 3, name: "third", sql: "CREATE TABLE third (n);")
        let database = try Database(path: path)
        try Migrator(migrations: [Self.first, third]).migrate(database)
        let error = #expect(throws: MigrationError.self) {
            try Migrator(migrations: [Self.first, Self.second, third]).migrate(database)
        }
        #expect(error == .outOfOrder(pendingVersion: 2, appliedVersion: 3))
    }

    @Test("a recorded migration the program lacks is refused")
    func unknownMigration() throws {
        let third = Migration(version: 3, name: "third", sql: "CREATE TABLE third (n);")
        let database = try Database(path: path)
        try Migrator(migrations: [Self.first, Self.second, third]).migrate(database)
        let error = #expect(throws: MigrationError.self) {
            try Migrator(migrations: [Self.first, third]).migrate(database)
        }
        #expect(error == .unknownMigration(version: 2, name: "add_parts"))
    }

    @Test("two connections migrating the same file apply each migration once")
    func concurrentConnections() throws {
        let one = try Database(path: path)
        let other = try Database(path: path)
        let migrator = try Migrator(migrations: [Self.first, Self.second])
        #expect(try migrator.pendingMigrations(in: other).count == 2)
        try migrator.migrate(one)
        #expect(try migrator.migrate(other).isEmpty)
        #expect(try other.fetchOne(sql: "SELECT count(*) FROM things") { try $0.get(0) as Int } == 1)
    }

    @Test("file names give version and name; anything else is not a migration", arguments: [
        ("0001_initial_schema.sql", 1, "initial_schema"),
        ("0042_add_views.sql", 42, "add_views"),
    ])
    func fileNames(fileName: String, version: Int, name: String) throws {
        let migration = try #require(Migration(fileName: fileName, sql: ""))
        #expect(migration.version == version)
        #expect(migration.name == name)
    }

    @Test("malformed file names are rejected", arguments: [
        "0001_schema.txt", "schema.sql", "0001_.sql", "_name.sql", "0000_zero.sql", "x001_name.sql",
    ])
    func malformedFileNames(fileName: String) {
        #expect(Migration(fileName: fileName, sql: "") == nil)
    }
}
