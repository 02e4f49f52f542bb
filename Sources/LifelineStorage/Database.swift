import CSQLite

/// One connection to an SQLite database file: the only door to SQLite in lifeline.
///
/// A command-line process needs exactly one connection, used from one thread, so this
/// is a plain non-Sendable class; there are no pools. Opening a file database sets it up
/// for a portfolio tool that cron and a person may write to at the same time: foreign
/// keys on, WAL journal, `synchronous = NORMAL`, and a busy timeout.
///
///     let db = try Database(path: "lifeline.db")
///     try db.transaction {
///         try db.execute(sql: "INSERT INTO providers(slug, name) VALUES (?, ?)",
///                        arguments: ["openai", "OpenAI"])
///     }
public final class Database {
    /// How a database is opened.
    public enum Mode: Sendable {
        /// Read and write; the file is created when missing.
        case readWriteCreate
        /// Read and write; the file must exist.
        case readWrite
        /// Reads only: SQLite itself refuses every write (`SQLITE_OPEN_READONLY`).
        case readOnly
    }

    /// Connection settings.
    public struct Configuration: Sendable {
        public var mode: Mode
        /// How long a statement waits for another connection's lock before failing
        /// with `SQLITE_BUSY` (`isBusy`). See https://www.sqlite.org/c3ref/busy_timeout.html
        public var busyTimeoutMilliseconds: Int32

        public init(mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 5_000) {
            self.mode = mode
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        }
    }

    /// The special path of a private, temporary in-memory database.
    public static let inMemoryPath = ":memory:"

    let handle: SQLiteConnection
    /// The path the database was opened with.
    public let path: String
    public let configuration: Configuration
    private var statementCache: [String: Statement] = [:]
    var savepointCounter = 0

    /// Opens (and for `.readWriteCreate`, creates) the database at `path`.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        var connection: SQLiteConnection?
        let code = sqlite3_open_v2(path, &connection, Self.openFlags(for: configuration.mode), nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(code: code, connection: connection)
            sqlite3_close_v2(connection)
            throw SQLiteError(
                extendedCode: error.extendedCode,
                message: "cannot open '\(path)': \(error.message)")
        }
        self.handle = connection
        self.path = path
        self.configuration = configuration
        do {
            try setUp()
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        // Cached statements must be finalized before the connection can really close.
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    private static func openFlags(for mode: Mode) -> Int32 {
        let access: Int32
        switch mode {
        case .readWriteCreate: access = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: access = SQLITE_OPEN_READWRITE
        case .readOnly: access = SQLITE_OPEN_READONLY
        }
        // One connection per thread in this tool: SQLite's own mutexes are not needed.
        return access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    }

    // MARK: Set-up, in small named steps

    private func setUp() throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        try checkIsDatabase()
        try execute(sql: "PRAGMA foreign_keys = ON")
        if configuration.mode != .readOnly && !isInMemory {
            try enableWriteAheadLog()
            try execute(sql: "PRAGMA synchronous = NORMAL")
            try keepStatementJournalsInMemory()
        }
    }

    /// Inside a transaction, a statement that may fail halfway first copies each page it
    /// changes to a statement journal, so that its own changes alone can be undone. By
    /// default the journal spills to a temporary file beyond 64 KiB: recording a first
    /// nightly run of 100,000 companies, 1,000 rows a statement, wrote 105,000 pages to
    /// one, a system call each. In memory, a journal holds one statement's pages at most
    /// (it is emptied when the statement ends). SQLite decides where at the start of
    /// each write transaction, so it is set here; it also keeps temporary tables and
    /// indexes in memory. See https://www.sqlite.org/tempfiles.html#stmtjrnl
    private func keepStatementJournalsInMemory() throws {
        try execute(sql: "PRAGMA temp_store = MEMORY")
    }

    /// Fails early with `SQLITE_NOTADB` when the file is something else, instead of on
    /// the first real query.
    private func checkIsDatabase() throws {
        try execute(sql: "SELECT count(*) FROM sqlite_schema")
    }

    /// WAL lets readers (`sqlite3`, `lifeline sql`) run while a writer commits.
    /// The pragma answers with the mode it really set, which must be checked.
    /// See https://www.sqlite.org/wal.html
    private func enableWriteAheadLog() throws {
        let mode = try prepare(sql: "PRAGMA journal_mode = WAL").fetchOne { try $0.get(0) as String }
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR,
                message: "could not switch '\(path)' to WAL mode (it stayed '\(mode ?? "?")')")
        }
    }

    /// True for a `:memory:` database (WAL does not apply).
    public var isInMemory: Bool { path == Self.inMemoryPath || path.isEmpty }

    // MARK: Statements

    /// Compiles one SQL statement. Throws if `sql` holds more than one.
    public func prepare(sql: String) throws -> Statement {
        var statementHandle: SQLiteStatement?
        var tailOffset = 0
        let code = sql.withCString { start -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(handle, start, -1, 0, &statementHandle, &tail)
            if let tail { tailOffset = start.distance(to: tail) }
            return code
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: handle, sql: sql)
        }
        guard let statementHandle else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement to run", sql: sql)
        }
        let statement = Statement(handle: statementHandle, database: self, sql: sql)
        let rest = sql.utf8.dropFirst(tailOffset)
        guard Self.isBlankOrComment(rest) else {
            throw SQLiteError(
                extendedCode: SQLITE_MISUSE,
                message: "expected one SQL statement, found more", sql: sql)
        }
        return statement
    }

    /// Returns a compiled statement for `sql`, compiling it only the first time.
    ///
    /// For statements run many times in one process (per company, per release). The
    /// returned statement is reset; bind fresh arguments before each use. Do not hold
    /// two uses of the same cached SQL open at once (e.g. nested iteration).
    public func cachedStatement(sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with `?` arguments, discarding any rows.
    public func execute(sql: String, arguments: [SQLValue] = []) throws {
        try cachedStatement(sql: sql).bind(arguments).execute()
    }

    /// Runs a script of several statements separated by `;` (migrations, set-up).
    /// Stops at the first failing statement; wrap it in a transaction for all-or-nothing.
    public func executeScript(sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs `sql` and maps every row with `transform`.
    public func fetchAll<T>(sql: String, arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        try cachedStatement(sql: sql).bind(arguments).fetchAll(transform)
    }

    /// Runs `sql` and maps its first row with `transform`, or returns nil.
    public func fetchOne<T>(sql: String, arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> T? {
        try cachedStatement(sql: sql).bind(arguments).fetchOne(transform)
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows inserted, updated or deleted since the connection opened, by statements and
    /// the triggers they fire: unchanged across a call means the call wrote nothing.
    public var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// True outside any transaction (SQLite's autocommit mode).
    public var isInAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// The SQLite library's version, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// True when `bytes` (the unparsed rest of a statement) holds only white space and
    /// SQL comments.
    static func isBlankOrComment(_ bytes: Substring.UTF8View) -> Bool {
        var text = Substring(bytes)
        while true {
            text = text.drop { $0.isWhitespace || $0 == ";" }
            if text.hasPrefix("--") {
                text = text.drop { $0 != "\n" }
            } else if text.hasPrefix("/*") {
                guard let end = text.firstRange(of: "*/") else { return true }
                text = text[end.upperBound...]
            } else {
                return text.isEmpty
            }
        }
    }
}

@available(*, unavailable, message: "a Database connection belongs to one thread")
extension Database: Sendable {}
