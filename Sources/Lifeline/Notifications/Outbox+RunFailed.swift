import Glibc
import LifelineCore
import LifelineStorage

/// `run-failed`: a nightly run that did not finish is told by the next one
/// (migration 0025). A run marks itself in progress in a transaction of its own, and
/// clears its mark in the transaction that records its results (or, failing with an
/// error, takes it back); a mark left behind means the run was killed, and nothing it
/// computed landed.
extension Outbox {
    /// Marks a nightly run as of `asOf` in progress, committed at once; its id.
    func markRunStarted(asOf: CivilDate) throws -> Int64 {
        try transaction {
            try database.execute(
                sql: "INSERT INTO runs_in_progress (trigger, as_of, started_at, pid) VALUES ('reassess', ?, \(Portfolio.nowSQL), ?)",
                arguments: [.text(asOf.iso), .integer(Int64(getpid()))])
            return database.lastInsertedRowID
        }
    }

    /// Takes back the mark of a run that failed with an error (which it reported).
    func clearRunMark(_ mark: Int64) throws {
        try transaction { try database.execute(sql: "DELETE FROM runs_in_progress WHERE id = ?", arguments: [.integer(mark)]) }
    }

    /// Inside the run's transaction: clears its own mark, and for every mark a dead run
    /// left, writes a `run-failed` notification and clears it. A mark whose process is
    /// still alive on this host belongs to a run still going, and is left alone.
    func finishRun(_ mark: Int64) throws {
        try database.execute(sql: "DELETE FROM runs_in_progress WHERE id = ?", arguments: [.integer(mark)])
        let left = try database.fetchAll(sql: "SELECT id, as_of, started_at, pid FROM runs_in_progress ORDER BY id") { row in
            (id: try row.get(0) as Int64, asOf: try row.get(1) as String, startedAt: try row.get(2) as String, pid: try row.get(3) as Int64)
        }
        var rows: [(kind: String, company: String?, payload: JSONValue)] = []
        for run in left where !Self.isAlive(pid: run.pid) {
            let text = "the nightly run as of \(run.asOf), started at \(run.startedAt) (process \(run.pid)), did not finish: nothing it computed was recorded"
            rows.append((
                "run-failed", nil,
                .object([
                    ("kind", .string("run-failed")), ("company", .null), ("text", .string(text)),
                    ("run", .object([("as_of", .string(run.asOf)), ("started_at", .string(run.startedAt)), ("pid", .integer(run.pid))])),
                ])))
            try database.execute(sql: "DELETE FROM runs_in_progress WHERE id = ?", arguments: [.integer(run.id)])
        }
        try insert(rows)
    }

    /// Whether a process with this id runs here (`kill` with signal 0 checks without
    /// sending anything; EPERM means it exists but is another user's).
    private static func isAlive(pid: Int64) -> Bool {
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }
}
