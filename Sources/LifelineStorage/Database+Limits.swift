import CSQLite

/// Sizes a large write is tuned by: how many values one statement may bind, and how
/// much SQLite's page cache may hold.
extension Database {
    /// The most `?` parameters one statement may have (`SQLITE_LIMIT_VARIABLE_NUMBER`,
    /// 32,766 by default since SQLite 3.32), so that multi-row INSERTs can be sized to
    /// it. Setting it can only lower it; tests do, to write in several statements.
    /// See https://www.sqlite.org/limits.html#max_variable_number
    public var parameterLimit: Int {
        get { Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) }
        set { sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, Int32(clamping: newValue)) }
    }

    /// The largest string or blob, in bytes, a statement may make or read
    /// (`SQLITE_LIMIT_LENGTH`): past it the statement fails with `SQLITE_TOOBIG`
    /// (`SQLiteError.isTooBig`). Setting it can only lower it.
    /// See https://www.sqlite.org/limits.html#max_length
    public var valueLengthLimit: Int {
        get { Int(sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, -1)) }
        set { sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, Int32(clamping: newValue)) }
    }

    /// Runs `body` with the page cache allowed to grow to `kibibytes`, then sets back the
    /// size it had.
    ///
    /// For a write transaction that changes more pages than the cache holds (2 MiB by
    /// default): SQLite then spills changed pages to the write-ahead log before the
    /// commit, and writes a page again each time it is changed after being spilled.
    /// Recording a first nightly run of 100,000 companies wrote 35,000 frames for
    /// 6,000 pages that way. The cache only grows as pages are used, so a small write
    /// costs nothing more. See https://www.sqlite.org/pragma.html#pragma_cache_size
    public func withPageCache<T>(kibibytes: Int, _ body: () throws -> T) throws -> T {
        let previous = try fetchOne(sql: "PRAGMA cache_size") { try $0.get(0) as Int } ?? -2000
        try execute(sql: "PRAGMA cache_size = \(-kibibytes)")
        defer { try? execute(sql: "PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
