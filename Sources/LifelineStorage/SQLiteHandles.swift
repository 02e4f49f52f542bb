import CSQLite

/// A raw `sqlite3*` connection handle. Named so that a C handle and a Swift wrapper
/// can never be confused in a signature.
typealias SQLiteConnection = OpaquePointer

/// A raw `sqlite3_stmt*` prepared-statement handle.
@usableFromInline typealias SQLiteStatement = OpaquePointer

/// SQLite copies text and blobs bound with this destructor before the bind returns,
/// which is what a bridged Swift buffer (valid only for the call) needs.
var sqliteTransient: sqlite3_destructor_type { lifeline_sqlite_transient() }
