import Testing
@testable import LifelineStorage

@Suite("Binding and reading values")
struct BindingTests {
    let database: Database

    init() throws {
        database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (v ANY) STRICT")
    }

    /// Stores `value` and reads it back through a real table.
    func roundTrip(_ value: SQLValue) throws -> SQLValue {
        try database.execute(sql: "DELETE FROM t")
        try database.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [value])
        return try #require(try database.fetchOne(sql: "SELECT v FROM t") { try $0.get(0) as SQLValue })
    }

    @Test("values round-trip unchanged", arguments: [
        SQLValue.null, .integer(0), .integer(Int64.min), .integer(Int64.max), .integer(-1),
        .real(0.1), .real(-0.0), .real(Double.greatestFiniteMagnitude), .real(Double.leastNonzeroMagnitude),
        .real(.pi), .text(""), .text("plain"), .text("مرحبا بالعالم"), .text("🧑‍🚀 launch 🚀"),
        .text("quote ' and \"double\"; DROP TABLE t;--"), .text("tab\tnew\nline"),
        .blob([]), .blob([0, 1, 0, 255]),
    ])
    func roundTrips(value: SQLValue) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test("a large blob round-trips (kept out of the parameter list, which the log prints)")
    func largeBlob() throws {
        let value = SQLValue.blob((0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
        #expect(try roundTrip(value) == value)
    }

    @Test("an empty string stays an empty string, not NULL")
    func emptyStringIsNotNull() throws {
        try database.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [.text("")])
        let type = try database.fetchOne(sql: "SELECT typeof(v) FROM t") { try $0.get(0) as String }
        #expect(type == "text")
    }

    @Test("text with an embedded NUL keeps every byte")
    func textWithNul() throws {
        let value = SQLValue.text("a\u{0}b")
        #expect(try roundTrip(value) == value)
        let length = try database.fetchOne(sql: "SELECT length(CAST(v AS BLOB)) FROM t") { try $0.get(0) as Int }
        #expect(length == 3)
    }

    @Test("text bound from the statement's own buffer reads back whole, mixed with other values")
    func textAmongValues() throws {
        let statement = try database.prepare(sql: "SELECT ?, ?, ?, ?, ?, ?, ?")
        let values: [SQLValue] = [
            .text("first"), .integer(2), .text(""), .null, .text("a longer text, past fifteen bytes"), .text("é🚀"),
            .text("a\u{0}b"),
        ]
        try statement.bind(values)
        #expect(try statement.fetchOne { $0.values } == values)
        // Read again without binding again: the text must still be there.
        #expect(try statement.fetchOne { $0.values } == values)
    }

    @Test("binding again replaces the text, longer or shorter than before")
    func rebindingText() throws {
        let statement = try database.prepare(sql: "SELECT ?, ?")
        for pair in [("short", "s"), (String(repeating: "long ", count: 200), "x"), ("ab", "c"), ("", "d")] {
            try statement.bind([.text(pair.0), .text(pair.1)])
            #expect(try statement.fetchOne { $0.values } == [.text(pair.0), .text(pair.1)])
        }
    }

    @Test("rows inserted from the buffer keep their text after the statement is gone")
    func insertedTextOutlivesStatement() throws {
        do {
            let statement = try database.prepare(sql: "INSERT INTO t (v) VALUES (?), (?)")
            try statement.bind([.text("kept one"), .text("kept two, a little longer")])
            try statement.execute()
        }
        let stored = try database.fetchAll(sql: "SELECT v FROM t ORDER BY rowid") { try $0.get(0) as String }
        #expect(stored == ["kept one", "kept two, a little longer"])
    }

    @Test("named parameters bind with :, @ and $ prefixes")
    func namedParameters() throws {
        let statement = try database.prepare(sql: "SELECT :first, @second, $third, :first")
        try statement.bind(["first": .integer(1), "second": .text("two"), "third": .null])
        let row = try #require(try statement.fetchOne { $0.values })
        #expect(row == [.integer(1), .text("two"), .null, .integer(1)])
        #expect(statement.parameterNames == ["first", "second", "third"])
    }

    @Test("an unknown parameter name is an error, not a silent NULL")
    func unknownNamedParameter() throws {
        let statement = try database.prepare(sql: "SELECT :known")
        #expect(throws: SQLiteError.self) { try statement.bind(["unknwon": .integer(1)]) }
    }

    @Test("too few or too many positional arguments are an error")
    func argumentCount() throws {
        let statement = try database.prepare(sql: "SELECT ?, ?")
        #expect(throws: SQLiteError.self) { try statement.bind([.integer(1)]) }
        #expect(throws: SQLiteError.self) { try statement.bind([.integer(1), .integer(2), .integer(3)]) }
    }

    @Test("typed reads by index and by name")
    func typedReads() throws {
        let row = try #require(
            try database.fetchOne(sql: "SELECT 42 AS answer, 'x' AS letter, NULL AS absent, 2.5 AS half, x'00ff' AS bytes") { row in
                (
                    try row.get(0) as Int64, try row.get("letter") as String, try row.get("absent") as String?,
                    try row.get("half") as Double, try row.get("bytes") as [UInt8], try row.get("answer") as Int?
                )
            })
        #expect(row.0 == 42)
        #expect(row.1 == "x")
        #expect(row.2 == nil)
        #expect(row.3 == 2.5)
        #expect(row.4 == [0, 255])
        #expect(row.5 == 42)
    }

    @Test("reading NULL or the wrong type into a non-optional throws SQLITE_MISMATCH")
    func strictReads() throws {
        let nullIntoText = #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT NULL AS name") { try $0.get("name") as String }
        }
        #expect(nullIntoText?.primaryCode == 20)
        #expect(nullIntoText?.message.contains("'name' holds NULL") == true)
        #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT 'seven'") { try $0.get(0) as Int64 }
        }
        #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT 1") { try $0.get("missing") as Int64 }
        }
        #expect(throws: SQLiteError.self) {
            _ = try database.fetchOne(sql: "SELECT 1") { try $0.get(3) as Int64 }
        }
    }

    @Test("rows iterate in order; fetchOne of nothing is nil")
    func iteration() throws {
        for number in 1...5 {
            try database.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [number.sqlValue])
        }
        let numbers = try database.fetchAll(sql: "SELECT v FROM t ORDER BY v") { try $0.get(0) as Int }
        #expect(numbers == [1, 2, 3, 4, 5])
        let none = try database.fetchOne(sql: "SELECT v FROM t WHERE v > 99") { try $0.get(0) as Int }
        #expect(none == nil)
    }

    @Test("Swift values convert to SQL values, Optional.none to NULL")
    func conversions() {
        let missing: String? = nil
        #expect(missing.sqlValue == .null)
        #expect(Optional("x").sqlValue == .text("x"))
        #expect(true.sqlValue == .integer(1))
        #expect(7.sqlValue == .integer(7))
        #expect([UInt8]([1]).sqlValue == .blob([1]))
    }
}
