import CSQLite

/// The current row of a statement being stepped. Valid only inside the closure that
/// received it; copy values out with `get`.
///
///     let slug: String = try row.get("slug")
///     let sector: String? = try row.get(2)
///
/// The readers are `@inlinable`, so that each `get` is compiled where it is called, for
/// the type it reads: a nightly run reads millions of columns, and through the generic
/// entry point each cost a protocol lookup and an optional boxed by metadata.
public struct Row {
    @usableFromInline let statement: Statement

    @usableFromInline init(statement: Statement) {
        self.statement = statement
    }

    /// Reads column `index` (0-based) as `T`. Throws a `SQLITE_MISMATCH` error when the
    /// stored value cannot be read as `T` (NULL into a non-optional, text into a number).
    @inlinable
    public func get<T: SQLColumnDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        let column = Int32(index)
        guard column >= 0, column < statement.columnCount else { throw noColumn(index) }
        return try T.decode(from: self, column: column)
    }

    @usableFromInline func noColumn(_ index: Int) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_RANGE, message: "no column \(index) (the row has \(statement.columnCount))", sql: statement.sql)
    }

    /// Reads the column called `name` as `T`.
    public func get<T: SQLColumnDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try T.decode(from: self, column: Int32(try index(ofColumn: name)))
    }

    /// The position of the column called `name`, for reading many rows by position once
    /// their columns are found by name.
    public func index(ofColumn name: String) throws -> Int {
        guard let column = statement.columnIndex(named: name) else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no column named '\(name)'", sql: statement.sql)
        }
        return Int(column)
    }

    /// The number of columns.
    public var count: Int { Int(statement.columnCount) }

    /// Every column as an `SQLValue`, in order: for generic output such as `lifeline sql`.
    public var values: [SQLValue] { (0..<statement.columnCount).map(value(at:)) }

    // MARK: Raw access for the decoders below

    @inlinable var handle: SQLiteStatement { statement.handle }

    @inlinable func isNull(at column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(text(at: column))
        case SQLITE_BLOB: return .blob(blob(at: column))
        default: return .null
        }
    }

    @inlinable func text(at column: Int32) -> String {
        // Ask for the pointer first, then the byte count, as SQLite documents.
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let length = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// Reads a text column's UTF-8 bytes in place, with no string made of them: for
    /// decoders of many small values, such as dates. Nil when the column is not text.
    /// The bytes are valid only inside `body`.
    @inlinable
    public func withTextBytes<T>(at column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return nil }
        // Ask for the pointer first, then the byte count, as SQLite documents.
        let pointer = sqlite3_column_text(handle, column)
        let length = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: pointer, count: length))
    }

    func blob(at column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let length = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// The error for a stored value of the right type that is none of the values the
    /// reading type knows (a status or a date edited by hand): it names the table and
    /// column it came from, the value, and what was expected, so that a wrong row is
    /// found, never read as something else.
    public func unknownValue(_ column: Int32, _ value: String, expected: String) -> SQLiteError {
        SQLiteError(
            extendedCode: SQLITE_MISMATCH,
            message: "\(origin(of: column)) holds '\(value)', expected \(expected)", sql: statement.sql)
    }

    /// `table.column` where the result column comes straight from a table's column (through
    /// views too), else the result column's name.
    func origin(of column: Int32) -> String {
        let name = String(cString: sqlite3_column_name(handle, column))
        guard let table = sqlite3_column_table_name(handle, column), let origin = sqlite3_column_origin_name(handle, column) else {
            return "column '\(name)'"
        }
        return String(cString: table) + "." + String(cString: origin)
    }

    @usableFromInline func mismatch(_ column: Int32, expected: String) -> SQLiteError {
        let name = String(cString: sqlite3_column_name(handle, column))
        let found: String
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: found = "an integer"
        case SQLITE_FLOAT: found = "a real"
        case SQLITE_TEXT: found = "text"
        case SQLITE_BLOB: found = "a blob"
        default: found = "NULL"
        }
        return SQLiteError(
            extendedCode: SQLITE_MISMATCH,
            message: "column '\(name)' holds \(found), expected \(expected)", sql: statement.sql)
    }
}
