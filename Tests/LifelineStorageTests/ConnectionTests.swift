import Testing
@testable import LifelineStorage

@Suite("Opening connections")
struct ConnectionTests {
    @Test("a file database is set up: foreign keys, WAL, synchronous NORMAL, temporary files in memory, busy timeout")
    func fileSetUp() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("set-up.db"))
        #expect(try database.fetchOne(sql: "PRAGMA foreign_keys") { try $0.get(0) as Int } == 1)
        #expect(try database.fetchOne(sql: "PRAGMA journal_mode") { try $0.get(0) as String } == "wal")
        #expect(try database.fetchOne(sql: "PRAGMA synchronous") { try $0.get(0) as Int } == 1)
        #expect(try database.fetchOne(sql: "PRAGMA temp_store") { try $0.get(0) as Int } == 2, "statement journals in memory")
        #expect(try database.fetchOne(sql: "PRAGMA busy_timeout") { try $0.get(0) as Int } == 5000)
    }

    @Test("the busy timeout is configurable")
    func busyTimeout() throws {
        let database = try Database(path: Database.inMemoryPath, configuration: .init(busyTimeoutMilliseconds: 1234))
        #expect(try database.fetchOne(sql: "PRAGMA busy_timeout") { try $0.get(0) as Int } == 1234)
    }

    @Test("a read-only connection refuses every write")
    func readOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("read-only.db")
        do {
            let writer = try Database(path: path)
            try writer.execute(sql: "CREATE TABLE t (n INTEGER)")
            try writer.execute(sql: "INSERT INTO t VALUES (1)")
        }
        let reader = try Database(path: path, configuration: .init(mode: .readOnly))
        #expect(try reader.fetchOne(sql: "SELECT n FROM t") { try $0.get(0) as Int } == 1)
        for write in ["INSERT INTO t VALUES (2)", "DELETE FROM t", "CREATE TABLE u (n)", "DROP TABLE t"] {
            let error = #expect(throws: SQLiteError.self) { try reader.execute(sql: write) }
            #expect(error?.primaryCode == 8, "SQLITE_READONLY for \(write)")  // SQLITE_READONLY
        }
        #expect(try reader.fetchOne(sql: "SELECT count(*) FROM t") { try $0.get(0) as Int } == 1)
    }

    @Test("read-only and read-write opens of a missing file fail instead of creating it")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("absent.db")
        for mode in [Database.Mode.readOnly, .readWrite] {
            let error = #expect(throws: SQLiteError.self) { _ = try Database(path: path, configuration: .init(mode: mode)) }
            #expect(error?.isCannotOpen == true)
        }
    }

    @Test("the statement cache compiles a statement once")
    func statementCache() throws {
        let database = try Database(path: Database.inMemoryPath)
        let first = try database.cachedStatement(sql: "SELECT ?")
        let second = try database.cachedStatement(sql: "SELECT ?")
        #expect(first === second)
        #expect(try first.bind([.integer(1)]).fetchOne { try $0.get(0) as Int } == 1)
        #expect(try second.bind([.integer(2)]).fetchOne { try $0.get(0) as Int } == 2)
    }

    @Test("a statement reports whether it writes")
    func readOnlyStatements() throws {
        let database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (n)")
        #expect(try database.prepare(sql: "SELECT * FROM t").isReadOnly)
        #expect(try !database.prepare(sql: "DELETE FROM t").isReadOnly)
    }
}
