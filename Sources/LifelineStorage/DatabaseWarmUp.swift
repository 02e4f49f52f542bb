import CSQLite
import Dispatch
import Glibc
import Synchronization

/// A connection to an existing database file, opened and its schema read on another
/// thread while the program does something else first, for the next `Database` opened
/// in the process to take over when it is of the same file.
///
/// Logging one release spent a quarter of its time in SQLite reading the schema (every
/// table, index, view and trigger, parsed) and half in swift-argument-parser reading the
/// command line, one after the other on one core. Started before the parsing, the
/// reading overlaps it.
///
/// The warm-up only reads: the file is never created, its journal mode never set (the
/// `Database` that takes the connection sets it up as it would a new one), and a path
/// that is no database only fails here, silently. A connection is handed over only to a
/// `.readWrite` open of the same path, and only while the file there is the one opened:
/// a command that replaces the file first (a restore) opens the new one. Any other open
/// closes it first: left open beside another connection, it would keep that one, the
/// last to close, from checkpointing the write-ahead log into the file.
public final class DatabaseWarmUp: @unchecked Sendable {
    /// The warm-up started in this process and not yet settled by an open.
    private static let pending = Mutex<DatabaseWarmUp?>(nil)

    /// Starts opening the database at `path` on another thread, for the next `Database`
    /// opened in this process.
    public static func start(path: String) {
        let warmUp = DatabaseWarmUp(path: path)
        pending.withLock { $0 = warmUp }
    }

    /// The pending warm-up's connection when it is to `path` for `mode` (see `take`);
    /// otherwise the warm-up is closed. Either way, it is settled.
    static func settle(path: String, mode: Database.Mode) -> SQLiteConnection? {
        pending.withLock { pending in
            defer { pending = nil }
            return pending
        }?.take(path: path, mode: mode)
    }

    private let path: String
    private let done = DispatchSemaphore(value: 0)
    /// Written once on the warming thread before `done` is signalled; read after waiting.
    private var warmed: (connection: SQLiteConnection, file: FileIdentity)?
    /// Touched only by `take`'s caller.
    private var taken = false

    /// Starts opening the database at `path` on another thread (`start` makes it the
    /// pending one; tests use one alone).
    init(path: String) {
        self.path = path
        DispatchQueue.global(qos: .userInitiated).async {
            self.warmed = Self.open(self.path)
            self.done.signal()
        }
    }

    /// The warmed connection, when it is to the file `path` names now, for a `.readWrite`
    /// open; nil otherwise, and every time after the first (the caller then opens its
    /// own). Waits for the warm-up to finish.
    func take(path: String, mode: Database.Mode) -> SQLiteConnection? {
        guard !taken else { return nil }
        taken = true
        done.wait()
        guard let warmed else { return nil }
        guard mode == .readWrite, path == self.path, FileIdentity(path) == warmed.file else {
            sqlite3_close_v2(warmed.connection)
            return nil
        }
        return warmed.connection
    }

    /// A connection to the database at `path` with its schema read, or nil.
    private static func open(_ path: String) -> (connection: SQLiteConnection, file: FileIdentity)? {
        guard let before = FileIdentity(path) else { return nil }
        var connection: SQLiteConnection?
        let opened = sqlite3_open_v2(path, &connection, Database.openFlags(for: .readWrite), nil)
        guard opened == SQLITE_OK, let connection else {
            sqlite3_close_v2(connection)
            return nil
        }
        // The first statement reads the schema: the work to get ahead of.
        guard sqlite3_exec(connection, "SELECT count(*) FROM sqlite_schema", nil, nil, nil) == SQLITE_OK,
            FileIdentity(path) == before
        else {
            sqlite3_close_v2(connection)
            return nil
        }
        return (connection, before)
    }
}

/// Which file a path names: its device and inode.
private struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
