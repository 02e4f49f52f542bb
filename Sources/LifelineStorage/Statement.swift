import CSQLite

/// A prepared statement. It owns its handle: prepared in `init`, finalized in `deinit`.
///
/// Bind arguments, then either `execute()` it (for statements that return no rows) or
/// read its rows with `forEachRow`, `fetchAll` or `fetchOne`. Every read resets the
/// statement first, so a cached statement can be reused freely.
///
/// A statement belongs to one `Database` and, like it, to one thread.
public final class Statement {
    @usableFromInline let handle: SQLiteStatement
    unowned let database: Database
    /// The SQL as written, for error messages.
    public let sql: String
    private lazy var columnIndexByName: [String: Int32] = {
        var names: [String: Int32] = [:]
        for index in 0..<columnCount {
            let name = String(cString: sqlite3_column_name(handle, index))
            if names[name] == nil { names[name] = index }
        }
        return names
    }()

    /// The text of the positional values last bound, copied here once and bound from
    /// here (see `bind(_:)`); it must outlive the bindings, so it is replaced only after
    /// they are cleared, and freed after the statement is finalized.
    var boundText: UnsafeMutableRawBufferPointer?

    init(handle: SQLiteStatement, database: Database, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
        boundText?.deallocate()
    }

    /// How many columns each row has.
    @inlinable public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The names of the result columns, in order.
    public var columnNames: [String] {
        (0..<columnCount).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// True when SQLite guarantees the statement does not write to the database file.
    /// See https://www.sqlite.org/c3ref/stmt_readonly.html
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// The index of the result column called `name`, or nil.
    func columnIndex(named name: String) -> Int32? { columnIndexByName[name] }

    /// Runs the statement to completion, discarding any rows.
    public func execute() throws {
        try reset()
        while try step() {}
    }

    /// Calls `body` once per result row. The `Row` is valid only inside `body`.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        try reset()
        let row = Row(statement: self)
        while try step() {
            try body(row)
        }
    }

    /// Maps every result row with `transform`.
    public func fetchAll<T>(_ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow { results.append(try transform($0)) }
        return results
    }

    /// Maps the first result row with `transform`, or returns nil when there is none.
    public func fetchOne<T>(_ transform: (Row) throws -> T) throws -> T? {
        try reset()
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try transform(Row(statement: self))
    }

    /// Advances to the next row: true for a row, false when done, or throws.
    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw SQLiteError(code: code, connection: database.handle, sql: sql)
        }
    }

    /// Rewinds the statement. Errors of the previous run were already thrown by `step`.
    private func reset() throws {
        sqlite3_reset(handle)
    }
}

@available(*, unavailable, message: "a Statement belongs to one thread, like its Database")
extension Statement: Sendable {}
