import CSQLite
import Glibc

/// Running SQL that users type, safely: on a read-only connection, one statement at a
/// time, refusing anything that could change a database or reach another file, and
/// with a time limit. Three layers, as Datasette does, rather than one clever trick:
/// the connection itself is `SQLITE_OPEN_READONLY`; an authorizer refuses ATTACH,
/// DETACH, pragmas that are not plain reads and functions outside SQLite's core
/// (`ReadOnlyAuthorizer.allowedFunctions`); and `sqlite3_stmt_readonly` must hold.
extension Database {
    /// Compiles `sql` as one read-only query, or throws an `SQLiteError` with
    /// `SQLITE_AUTH` (or `SQLITE_READONLY`) and a message that says why it was refused.
    public func prepareReadOnlyQuery(sql: String) throws -> Statement {
        let authorizer = ReadOnlyAuthorizer()
        let context = Unmanaged.passRetained(authorizer).toOpaque()
        sqlite3_set_authorizer(handle, { context, action, first, second, _, _ in
            guard let context else { return SQLITE_OK }
            let authorizer = Unmanaged<ReadOnlyAuthorizer>.fromOpaque(context).takeUnretainedValue()
            return authorizer.decide(action: action, first: first.map { String(cString: $0) }, second: second.map { String(cString: $0) })
        }, context)
        defer {
            sqlite3_set_authorizer(handle, nil, nil)
            Unmanaged<ReadOnlyAuthorizer>.fromOpaque(context).release()
        }
        let statement: Statement
        do {
            statement = try prepare(sql: sql)
        } catch let error as SQLiteError where error.primaryCode == SQLITE_AUTH || authorizer.refusal != nil {
            // A function denied fails as a plain error ("not authorized to use function"):
            // the authorizer's own reason says more either way.
            throw SQLiteError(extendedCode: SQLITE_AUTH, message: authorizer.refusal ?? error.message, sql: sql)
        }
        guard statement.columnCount > 0 else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "the statement returns no rows; only queries are run", sql: sql)
        }
        guard statement.isReadOnly else {
            throw SQLiteError(
                extendedCode: SQLITE_READONLY,
                message: "the statement would change the database; only queries that read are allowed", sql: sql)
        }
        return statement
    }

    /// Runs `body`, interrupting any statement still running after `seconds`: the
    /// statement then fails with `SQLITE_INTERRUPT` (`isInterrupted`).
    /// See https://www.sqlite.org/c3ref/progress_handler.html
    public func withTimeLimit<T>(seconds: Double, _ body: () throws -> T) throws -> T {
        let deadline = Deadline(nanosecondsFromNow: Int64(seconds * 1_000_000_000))
        let context = Unmanaged.passRetained(deadline).toOpaque()
        sqlite3_progress_handler(handle, 1_000, { context in
            guard let context else { return 0 }
            return Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue().hasPassed ? 1 : 0
        }, context)
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            Unmanaged<Deadline>.fromOpaque(context).release()
        }
        return try body()
    }
}

/// The authorizer's rules for user queries, and the reason for the last refusal.
/// See https://www.sqlite.org/c3ref/set_authorizer.html
final class ReadOnlyAuthorizer {
    /// Pragmas that only read. Those in `withArgument` also take an argument (a table or
    /// index name), like table-valued functions; any other pragma given a value would set it.
    static let readingPragmas: Set<String> = [
        "application_id", "collation_list", "compile_options", "data_version", "database_list", "encoding",
        "foreign_key_check", "foreign_key_list", "foreign_keys", "freelist_count", "function_list", "index_info",
        "index_list", "index_xinfo", "integrity_check", "journal_mode", "module_list", "page_count", "page_size",
        "pragma_list", "quick_check", "schema_version", "table_info", "table_list", "table_xinfo", "user_version",
    ]
    static let withArgument: Set<String> = [
        "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo", "integrity_check",
        "quick_check", "table_info", "table_list", "table_xinfo",
    ]

    /// The functions a query may call: SQLite's core scalar, date, math, JSON, aggregate
    /// and window functions (SQLite 3.40's built-in list, `pragma_function_list`), and
    /// no other. Not `load_extension`, `sqlite_log`, nor what an extension or a build
    /// option registers: `fts3_tokenizer` leaks a memory address with one argument and
    /// installs an arbitrary pointer with two.
    static let allowedFunctions: Set<String> = [
        // core
        "abs", "changes", "char", "coalesce", "format", "glob", "hex", "ifnull", "iif", "instr", "last_insert_rowid", "length",
        "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "printf", "quote", "random", "randomblob",
        "replace", "round", "rtrim", "sign", "soundex", "sqlite_compileoption_get", "sqlite_compileoption_used",
        "sqlite_source_id", "sqlite_version", "substr", "substring", "subtype", "total_changes", "trim", "typeof", "unicode",
        "unlikely", "upper", "zeroblob",
        // date and time
        "current_date", "current_time", "current_timestamp", "date", "datetime", "julianday", "strftime", "time", "unixepoch",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp", "floor",
        "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
        // JSON, and its -> and ->> operators
        "json", "json_array", "json_array_length", "json_extract", "json_group_array", "json_group_object", "json_insert",
        "json_object", "json_patch", "json_quote", "json_remove", "json_replace", "json_set", "json_type", "json_valid",
        "->", "->>",
        // aggregate and window
        "avg", "count", "group_concat", "sum", "total", "cume_dist", "dense_rank", "first_value", "lag", "last_value", "lead",
        "nth_value", "ntile", "percent_rank", "rank", "row_number",
    ]

    private(set) var refusal: String?

    func decide(action: Int32, first: String?, second: String?) -> Int32 {
        switch action {
        case SQLITE_ATTACH, SQLITE_DETACH:
            refusal = "ATTACH and DETACH are not allowed: a query may read this database only"
            return SQLITE_DENY
        case SQLITE_FUNCTION:
            let name = (second ?? "").lowercased()
            guard Self.allowedFunctions.contains(name) else {
                refusal = "the function \(name)() is not allowed: queries may call SQLite's core, date, math, JSON and aggregate functions only"
                return SQLITE_DENY
            }
            return SQLITE_OK
        case SQLITE_PRAGMA:
            let name = (first ?? "").lowercased()
            guard Self.readingPragmas.contains(name), second == nil || Self.withArgument.contains(name) else {
                refusal = second == nil
                    ? "PRAGMA \(name) is not allowed: only pragmas that read are"
                    : "PRAGMA \(name) = \(second!) would change a setting; only pragmas that read are allowed"
                return SQLITE_DENY
            }
            return SQLITE_OK
        default:
            return SQLITE_OK
        }
    }
}

/// A point in monotonic time, for the progress handler.
final class Deadline {
    private let nanoseconds: Int64

    init(nanosecondsFromNow: Int64) {
        nanoseconds = Self.now() + nanosecondsFromNow
    }

    var hasPassed: Bool { Self.now() >= nanoseconds }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
