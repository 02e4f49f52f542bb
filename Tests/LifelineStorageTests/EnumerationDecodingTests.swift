import Testing
import LifelineStorage

@Suite("Enumerations read from a column strictly")
struct EnumerationDecodingTests {
    enum Colour: String, CaseIterable, SQLColumnDecodable {
        case red, green
    }

    enum Size: Int, CaseIterable, SQLColumnDecodable {
        case small = 1, large = 3
    }

    let database: Database

    init() throws {
        database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE paint (colour TEXT, size INTEGER)")
        try database.execute(sql: "CREATE VIEW v_paint AS SELECT colour AS shade FROM paint")
    }

    @Test("a known raw value reads as its case, NULL as nil")
    func known() throws {
        try database.execute(sql: "INSERT INTO paint VALUES ('green', 3), (NULL, NULL)")
        let rows = try database.fetchAll(sql: "SELECT colour, size FROM paint ORDER BY rowid") { row in
            (try row.get(0) as Colour?, try row.get("size") as Size?)
        }
        #expect(rows.map(\.0) == [.green, nil])
        #expect(rows.map(\.1) == [.large, nil])
    }

    @Test("an unknown value names the table, the column, the value and the cases")
    func unknown() throws {
        try database.execute(sql: "INSERT INTO paint VALUES ('blue', 2)")
        let colour = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT colour FROM paint") { try $0.get(0) as Colour }
        }
        #expect(colour?.isMismatch == true)
        #expect(colour?.message == "paint.colour holds 'blue', expected one of red, green")
        let size = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT size FROM paint") { try $0.get(0) as Size? }
        }
        #expect(size?.message == "paint.size holds '2', expected one of 1, 3")
    }

    @Test("through a view, the value's table and column; from an expression, the result column")
    func origin() throws {
        try database.execute(sql: "INSERT INTO paint VALUES ('blue', 1)")
        let throughView = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT shade FROM v_paint") { try $0.get(0) as Colour }
        }
        #expect(throughView?.message == "paint.colour holds 'blue', expected one of red, green")
        let expression = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT upper(colour) AS loud FROM paint") { try $0.get(0) as Colour }
        }
        #expect(expression?.message == "column 'loud' holds 'BLUE', expected one of red, green")
    }

    @Test("a name matches only whole and byte for byte: no prefix, extension, other case or hidden NUL", arguments: [
        "'gree'", "'greener'", "'Green'", "'green '", "'green' || char(0)", "''",
    ])
    func nameMatchedWhole(stored: String) throws {
        try database.execute(sql: "INSERT INTO paint VALUES (\(stored), 1)")
        let error = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT colour FROM paint") { try $0.get(0) as Colour }
        }
        #expect(error?.message.hasPrefix("paint.colour holds '") == true)
        #expect(error?.message.hasSuffix("', expected one of red, green") == true)
    }

    @Test("a name stored as a number is a mismatch, not a lookup")
    func nameOfTheWrongType() throws {
        try database.execute(sql: "INSERT INTO paint VALUES ('red', 1)")
        let error = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT size FROM paint") { try $0.get(0) as Colour }
        }
        #expect(error?.message == "column 'size' holds an integer, expected text")
    }

    @Test("a value of the wrong type is a mismatch before it is compared with the cases")
    func wrongType() throws {
        try database.execute(sql: "INSERT INTO paint VALUES (7, 'large')")
        let error = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT size FROM paint") { try $0.get(0) as Size }
        }
        #expect(error?.message == "column 'size' holds text, expected an integer")
    }
}
