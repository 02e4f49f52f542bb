/// A second connection that reads what this one reads: one snapshot, two threads.
///
/// A connection runs one statement at a time, so a command that reads several large
/// tables reads them one after the other on one core. SQLite's snapshot API, which hands
/// one connection's snapshot to another, is not built into Debian's library
/// (`SQLITE_ENABLE_SNAPSHOT`). The same guarantee comes from `PRAGMA data_version`: this
/// connection reads it, the twin begins its read transaction, then this one begins its
/// own and reads it again. Unchanged, no other connection committed from before the
/// twin's snapshot to after this one's, so the two snapshots are one.
/// See https://www.sqlite.org/pragma.html#pragma_data_version
extension Database {
    /// A number that changes between two reads of it exactly when another connection
    /// committed in between.
    public func dataVersion() throws -> Int64 {
        try fetchOne(sql: "PRAGMA data_version") { try $0.get(0) as Int64 } ?? 0
    }

    /// Runs `body` in a read transaction of this connection, handing it a twin: a
    /// second, read-only connection in a read transaction of the same snapshot. The twin
    /// is nil when none can be had - a database in memory, a file the second connection
    /// cannot open, or a commit by another connection while the two began - and then
    /// `body` reads everything here. `body` may use the twin on one other thread, and
    /// must be done with it when it returns: the twin's transaction is ended and the
    /// connection closed then. This connection must not be in a transaction already.
    ///
    /// `betweenSnapshots` runs after the twin's snapshot is taken and before this
    /// connection's: tests commit there.
    public func readingWithTwin<T>(betweenSnapshots: () throws -> Void = {}, _ body: (Database?) throws -> T) throws -> T {
        precondition(isInAutocommit, "readingWithTwin: the read transaction is begun here")
        guard !isInMemory, let before = try? dataVersion(), let twin = try? beginTwin() else {
            return try transaction(.deferred) { try body(nil) }
        }
        defer { try? twin.execute(sql: "COMMIT") }
        try betweenSnapshots()
        return try transaction(.deferred) {
            // The first read of this transaction takes its snapshot.
            try body(try dataVersion() == before ? twin : nil)
        }
    }

    /// A read-only connection to this database's file, in a read transaction whose
    /// snapshot is taken.
    private func beginTwin() throws -> Database {
        let twin = try Database(path: path, configuration: Configuration(mode: .readOnly, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds))
        try twin.execute(sql: "BEGIN DEFERRED")
        _ = try twin.dataVersion()
        return twin
    }
}
