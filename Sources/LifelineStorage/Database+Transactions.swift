import CSQLite

/// How a transaction takes its locks. See https://www.sqlite.org/lang_transaction.html
public enum TransactionKind: String, Sendable {
    /// Takes a read lock at the first read and a write lock at the first write. For
    /// readers: a consistent snapshot that never blocks writers (in WAL mode).
    case deferred = "DEFERRED"
    /// Takes the write lock at `BEGIN`, waiting on the busy timeout. For writers: it
    /// avoids the deadlock, which no waiting can resolve, of two readers that both try
    /// to upgrade to writing.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode the same.
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// Runs `body` in a transaction and commits it; when `body` throws, rolls back and
    /// rethrows, so nothing of it is written.
    ///
    /// Writers use the default, `.immediate`. Transactions do not nest: use
    /// `savepoint(_:)` inside one.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute(sql: "BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
            try execute(sql: "COMMIT")
        } catch {
            rollbackIfOpen()
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint: when `body` throws, only its own changes are
    /// undone and the error is rethrown; the enclosing transaction (if any) goes on.
    /// See https://www.sqlite.org/lang_savepoint.html
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointCounter += 1
        let name = "lifeline_savepoint_\(savepointCounter)"
        defer { savepointCounter -= 1 }
        try execute(sql: "SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            // A failing statement may already have rolled back the whole transaction
            // (e.g. SQLITE_FULL); then the savepoint is gone and only the error counts.
            if !isInAutocommit {
                try? execute(sql: "ROLLBACK TO \(name)")
                try? execute(sql: "RELEASE \(name)")
            }
            throw error
        }
        try execute(sql: "RELEASE \(name)")
        return result
    }

    /// Rolls back when a transaction is still open. The first error wins: a failing
    /// rollback must not hide the error that caused it.
    private func rollbackIfOpen() {
        guard !isInAutocommit else { return }
        try? execute(sql: "ROLLBACK")
    }
}
