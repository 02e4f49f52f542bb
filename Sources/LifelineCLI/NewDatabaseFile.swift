import Glibc

/// A database file a command creates: when the command fails, nothing of it stays - not
/// an empty or half-built file, nor its `-wal` and `-shm` (a failed `init` on a full disk
/// left a 0-byte file, which is not a lifeline database).
enum NewDatabaseFile {
    /// Runs `body`; when it throws and `path` did not exist before, removes what it made.
    /// `body` must close its connection before it returns or throws.
    static func removedOnFailure<T>(at path: String, _ body: () throws -> T) throws -> T {
        let existed = access(path, F_OK) == 0
        do {
            return try body()
        } catch {
            if !existed { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
            throw error
        }
    }
}
