import CSQLite

/// The one error type for everything SQLite reports.
///
/// It carries SQLite's primary and extended result codes, its message (read with
/// `sqlite3_errmsg` right after the failing call) and the SQL being run. Bound
/// arguments are deliberately not kept: they may hold private data.
/// See https://www.sqlite.org/rescode.html
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    public let extendedCode: Int32
    /// SQLite's own explanation, e.g. "UNIQUE constraint failed: providers.slug".
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the current error of `connection` (call it right after the failing call).
    init(code: Int32, connection: SQLiteConnection?, sql: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's error may belong to an earlier call when `code` came from
        // elsewhere (e.g. sqlite3_step's return in legacy mode); trust `code` then.
        let resolved = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let message = connection.flatMap { sqlite3_errmsg($0).map { String(cString: $0) } }
            ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: resolved, message: message, sql: sql)
    }

    /// The primary result code, e.g. 19 (`SQLITE_CONSTRAINT`) for every constraint kind.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// True when another connection holds a lock this one needed, even after the busy
    /// timeout: the operation may succeed if tried again later (the CLI exits 75).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    /// True for any constraint violation: CHECK, UNIQUE, NOT NULL, FOREIGN KEY, ...
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// True when the file could not be opened (missing directory, no permission, ...).
    public var isCannotOpen: Bool { primaryCode == SQLITE_CANTOPEN }

    /// True when the file is not a database or is damaged.
    public var isCorrupt: Bool { primaryCode == SQLITE_NOTADB || primaryCode == SQLITE_CORRUPT }

    /// True for disk-level failures (I/O error, disk full, read-only file system).
    public var isIOFailure: Bool {
        primaryCode == SQLITE_IOERR || primaryCode == SQLITE_FULL || primaryCode == SQLITE_READONLY
    }

    /// True when a stored value could not be read as the type asked for: text where a
    /// number belongs, NULL where a value must be, or a value no case of an enumeration
    /// or no date has (`Row.unknownValue`). The data is wrong, not the program.
    public var isMismatch: Bool { primaryCode == SQLITE_MISMATCH }

    /// True when a string or blob grew past the connection's length limit.
    public var isTooBig: Bool { primaryCode == SQLITE_TOOBIG }

    /// True when a statement was stopped by a time limit (`Database.withTimeLimit`).
    public var isInterrupted: Bool { primaryCode == SQLITE_INTERRUPT }

    /// SQLite's generic wording for the code, e.g. "constraint failed".
    public var codeDescription: String { String(cString: sqlite3_errstr(extendedCode)) }

    public var description: String {
        var text = "SQLite error \(primaryCode)"
        if extendedCode != primaryCode { text += "/\(extendedCode)" }
        text += " (\(codeDescription)): \(message)"
        if let sql { text += " - while running: \(sql)" }
        return text
    }
}
