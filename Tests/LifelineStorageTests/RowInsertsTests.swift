import Testing
@testable import LifelineStorage

@Suite("Inserting rows many to a statement")
struct RowInsertsTests {
    static func table() throws -> Database {
        let database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (a INTEGER NOT NULL, b TEXT CHECK (b <> 'bad'))")
        return database
    }

    static func rows(_ database: Database) throws -> [String] {
        try database.fetchAll(sql: "SELECT a || ':' || b FROM t ORDER BY rowid") { try $0.get(0) as String }
    }

    static let expected = (0..<7).map { "\($0):row \($0)" }

    @Test("rows land in order whatever the rows per statement and the parameter limit allow",
          arguments: [(1, nil), (3, nil), (7, nil), (100, nil), (100, 4), (100, 5), (3, 2)] as [(Int, Int?)])
    func split(rowsPerStatement: Int, parameterLimit: Int?) throws {
        let database = try Self.table()
        if let parameterLimit { database.parameterLimit = parameterLimit }
        try database.insertRows(into: "t", columns: ["a", "b"], count: 7, rowsPerStatement: rowsPerStatement) { index, values in
            values += [.integer(Int64(index)), .text("row \(index)")]
        }
        #expect(try Self.rows(database) == Self.expected)
    }

    @Test("no rows: no statement")
    func none() throws {
        let database = try Self.table()
        try database.insertRows(into: "no_such_table", columns: ["a"], count: 0, rowsPerStatement: 10) { _, _ in
            Issue.record("no row is asked for")
        }
    }

    @Test("a row the table refuses fails the insert with SQLite's error")
    func refused() throws {
        let database = try Self.table()
        #expect(throws: SQLiteError.self) {
            try database.insertRows(into: "t", columns: ["a", "b"], count: 3, rowsPerStatement: 10) { index, values in
                values += [.integer(Int64(index)), .text(index == 2 ? "bad" : "fine")]
            }
        }
        #expect(try Self.rows(database).isEmpty, "the statement is undone whole")
    }
}
