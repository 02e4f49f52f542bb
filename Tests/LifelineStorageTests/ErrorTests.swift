import Testing
@testable import LifelineStorage

@Suite("Errors carry SQLite's codes, message and SQL")
struct ErrorTests {
    @Test("a constraint violation has the primary and the extended code")
    func constraintViolation() throws {
        let database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (slug TEXT UNIQUE, n INTEGER CHECK (n > 0)) STRICT")
        try database.execute(sql: "INSERT INTO t VALUES ('a', 1)")
        let unique = #expect(throws: SQLiteError.self) {
            try database.execute(sql: "INSERT INTO t VALUES ('a', 2)")
        }
        #expect(unique?.primaryCode == 19)
        #expect(unique?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(unique?.isConstraintViolation == true)
        #expect(unique?.message == "UNIQUE constraint failed: t.slug")
        #expect(unique?.sql == "INSERT INTO t VALUES ('a', 2)")
        let check = #expect(throws: SQLiteError.self) {
            try database.execute(sql: "INSERT INTO t VALUES ('b', 0)")
        }
        #expect(check?.extendedCode == 275)  // SQLITE_CONSTRAINT_CHECK
        #expect(check?.description.contains("CHECK constraint failed") == true)
    }

    @Test("a syntax error names the SQL and SQLite's message")
    func syntaxError() throws {
        let database = try Database(path: Database.inMemoryPath)
        let error = #expect(throws: SQLiteError.self) { _ = try database.prepare(sql: "SELEC 1") }
        #expect(error?.primaryCode == 1)
        #expect(error?.message.contains("syntax error") == true)
        #expect(error?.description.contains("SELEC 1") == true)
        #expect(error?.isBusy == false)
    }

    @Test("a second writer times out with a busy error")
    func busy() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("busy.db")
        let holder = try Database(path: path)
        try holder.execute(sql: "CREATE TABLE t (n INTEGER)")
        let waiter = try Database(path: path, configuration: .init(busyTimeoutMilliseconds: 50))
        try holder.execute(sql: "BEGIN IMMEDIATE")
        let error = #expect(throws: SQLiteError.self) {
            try waiter.transaction { try waiter.execute(sql: "INSERT INTO t VALUES (1)") }
        }
        #expect(error?.isBusy == true)
        #expect(error?.primaryCode == 5)
        try holder.execute(sql: "COMMIT")
        try waiter.transaction { try waiter.execute(sql: "INSERT INTO t VALUES (1)") }
    }

    @Test("a file that is not a database is refused on open")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("text.db")
        try String(repeating: "not a database\n", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: SQLiteError.self) { _ = try Database(path: path) }
        #expect(error?.isCorrupt == true)
    }

    @Test("a missing directory cannot be opened")
    func cannotOpen() throws {
        let error = #expect(throws: SQLiteError.self) {
            _ = try Database(path: "/nonexistent-lifeline-dir/x.db")
        }
        #expect(error?.isCannotOpen == true)
        #expect(error?.message.contains("/nonexistent-lifeline-dir/x.db") == true)
    }

    @Test("two statements where one is expected is an error, not a silent half-run")
    func multipleStatements() throws {
        let database = try Database(path: Database.inMemoryPath)
        #expect(throws: SQLiteError.self) { _ = try database.prepare(sql: "SELECT 1; SELECT 2") }
        _ = try database.prepare(sql: "SELECT 1; -- trailing comment\n /* and this */ ;")
    }
}
