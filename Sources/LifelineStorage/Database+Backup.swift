import CSQLite
import Glibc

extension Database {
    /// Copies the whole database to `destination` with SQLite's online backup API: a
    /// consistent snapshot, safe while other connections write. The copy is written to a
    /// temporary file beside the destination and renamed into place, so a reader never
    /// sees half a backup and a failed one leaves nothing behind. By default all pages are
    /// copied in one step, inside one read transaction: writers are never blocked (WAL),
    /// and the copy cannot be restarted by their commits.
    /// See https://www.sqlite.org/backup.html
    public func backup(to destination: String, pagesPerStep: Int32 = -1) throws {
        let temporary = destination + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            let target = try Database(path: temporary, configuration: .init(mode: .readWriteCreate, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds))
            try copy(into: target, pagesPerStep: pagesPerStep)
            // The copy is a WAL database like its source; fold the log into the file so
            // that the backup is one self-contained file.
            try target.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try target.execute(sql: "PRAGMA journal_mode = DELETE")
        } catch {
            unlink(temporary)
            unlink(temporary + "-wal")
            unlink(temporary + "-shm")
            throw error
        }
        guard rename(temporary, destination) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw SQLiteError(extendedCode: SQLITE_IOERR, message: "cannot move the backup into place at '\(destination)': \(message)")
        }
    }

    private func copy(into target: Database, pagesPerStep: Int32) throws {
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(target.handle), connection: target.handle)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            // Another connection holds a lock: wait a moment and go on where it stopped.
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finished = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(code: code == SQLITE_DONE ? finished : code, connection: target.handle)
        }
    }

    /// The messages of `PRAGMA integrity_check`: `["ok"]` for a sound database.
    public func integrityCheck() throws -> [String] {
        try fetchAll(sql: "PRAGMA integrity_check") { try $0.get(0) as String }
    }

    /// The rows whose foreign keys point nowhere, as "table row ROWID -> parent": in
    /// every table, or only in `tables`.
    public func foreignKeyViolations(in tables: [String]? = nil) throws -> [String] {
        let checks = tables.map { $0.map { "PRAGMA foreign_key_check(\"\($0.replacing("\"", with: "\"\""))\")" } }
            ?? ["PRAGMA foreign_key_check"]
        return try checks.flatMap { check in
            try fetchAll(sql: check) { row in
                let table: String = try row.get(0)
                let rowID: Int64? = try row.get(1)
                let parent: String = try row.get(2)
                return "\(table) row \(rowID.map(String.init) ?? "?") -> \(parent)"
            }
        }
    }

    /// The size of the write-ahead log file in bytes (0 when there is none).
    public var writeAheadLogSize: Int64 {
        var status = stat()
        return stat(path + "-wal", &status) == 0 ? Int64(status.st_size) : 0
    }

    /// The size of the database file in bytes.
    public var fileSize: Int64 {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : 0
    }
}
