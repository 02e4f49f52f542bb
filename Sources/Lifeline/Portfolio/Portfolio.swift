import LifelineStorage

/// The portfolio as recorded in one database: the repository the CLI talks to.
///
/// Every method that writes runs in one `BEGIN IMMEDIATE` transaction: it either
/// happens whole or, on any error, not at all. Names that users type are resolved to
/// rows here, and an unknown one fails with a "did you mean" suggestion.
public final class Portfolio {
    public let database: Database
    /// The date changes are reassessed as of, and that `today`/`yesterday` mean.
    public let today: CivilDate
    /// Days before the end at which a company becomes `at-risk` in the reassessment
    /// that follows each change.
    public let warnDays: Int

    public init(database: Database, today: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays) {
        self.database = database
        self.today = today
        self.warnDays = warnDays
    }

    /// Runs `body` as one write transaction.
    func write<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(.immediate, body)
    }

    /// Runs `body` on one consistent snapshot (a deferred read transaction), so a list
    /// and its details never mix two states of a database another process is writing.
    func read<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(.deferred, body)
    }

    /// The current UTC time as SQLite writes it, for rows such as `logged_at`.
    static let nowSQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
}

@available(*, unavailable, message: "a Portfolio uses one Database connection, on one thread")
extension Portfolio: Sendable {}
