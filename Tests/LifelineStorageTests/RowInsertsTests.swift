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

    @Test("statement sizes: the most while that many remain, then powers of ten", arguments: [
        (572, 1000, [100, 100, 100, 100, 100, 10, 10, 10, 10, 10, 10, 10, 1, 1]),
        (2_345, 1000, [1000, 1000, 100, 100, 100, 10, 10, 10, 10, 1, 1, 1, 1, 1]),
        (7, 3, [3, 3, 1]), (1, 1000, [1]), (10, 1000, [10]), (12, 5, [5, 5, 1, 1]),
    ])
    func sizes(count: Int, limit: Int, expected: [Int]) {
        var sizes: [Int] = []
        var remaining = count
        while remaining > 0 {
            let rows = Database.rowsInNextStatement(remaining: remaining, atMost: limit)
            sizes.append(rows)
            remaining -= rows
        }
        #expect(sizes == expected)
    }

    @Test("no rows: no statement")
    func none() throws {
        let database = try Self.table()
        try database.insertRows(into: "no_such_table", columns: ["a"], count: 0, rowsPerStatement: 10) { _, _ in
            Issue.record("no row is asked for")
        }
    }

    @Test("a row the table refuses fails the insert with SQLite's error, and the transaction undoes the rows before it",
          arguments: [3, 10, 25])
    func refused(rowsPerStatement: Int) throws {
        let database = try Self.table()
        #expect(throws: SQLiteError.self) {
            try database.transaction {
                try database.insertRows(into: "t", columns: ["a", "b"], count: 23, rowsPerStatement: rowsPerStatement) { index, values in
                    values += [.integer(Int64(index)), .text(index == 22 ? "bad" : "fine")]
                }
            }
        }
        #expect(try Self.rows(database).isEmpty, "the rows of earlier statements are undone with the transaction")
    }
}
