import LifelineCore
import LifelineStorage

/// The portfolio as recorded in one database: the repository the CLI talks to.
///
/// Every method that writes runs in one `BEGIN IMMEDIATE` transaction: it either
/// happens whole or, on any error, not at all. Names that users type are resolved to
/// rows here, and an unknown one fails with a "did you mean" suggestion.
public final class Portfolio {
    let database: Database
    /// The date changes are reassessed as of, and that `today`/`yesterday` mean.
    public let today: CivilDate
    /// Days before the end at which a company becomes `at-risk` in the reassessment
    /// that follows each change.
    public let warnDays: Int

    init(database: Database, today: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays) {
        self.database = database
        self.today = today
        self.warnDays = warnDays
    }

    /// The companies affected by the writes of the batch in progress, if any: they are
    /// reassessed once, when the batch ends, instead of after each write.
    var batchAffected: Set<Int64>?
    /// The releases logged during the batch in progress: the companies they concern are
    /// looked up once, when the batch ends (per release, an import of 5,000 releases into
    /// 100,000 companies read the same exposures thousands of times).
    var batchReleases: [Int64] = []
    /// What the batch in progress has looked up.
    var batchLookups: BatchLookups?
    /// The models and releases the batch in progress holds back, when it asked to
    /// (`holdingRows`).
    var heldRows: HeldRows?
    /// How many companies the engine computes at a time on other threads, ahead of the
    /// one using the database (`ComputeAhead`), and how many changed assessments a
    /// reassessment waits for before recording them. Tests lower it to run that path on
    /// a few companies.
    var engineChunkSize = Portfolio.assessmentRowsPerInsert

    /// Runs `body` as one write transaction; inside a transaction already open, as a
    /// savepoint of it. Inside a batch, as part of the batch: any error aborts the whole
    /// batch, so a savepoint per write would only cost time.
    func write<T>(_ body: () throws -> T) throws -> T {
        if batchAffected != nil { return try body() }
        return database.isInAutocommit ? try database.transaction(.immediate, body) : try database.savepoint(body)
    }

    /// Runs `body` on one consistent snapshot (a deferred read transaction), so a list
    /// and its details never mix two states of a database another process is writing.
    /// Inside a transaction already open, the snapshot is that transaction's.
    func read<T>(_ body: () throws -> T) throws -> T {
        database.isInAutocommit ? try database.transaction(.deferred, body) : try body()
    }

    /// Runs many writes as one transaction: all land or none. The companies they affect
    /// are reassessed once at the end (when `reassess` is true) rather than after each.
    /// For imports and the demo.
    /// Inside another batch it simply joins it.
    public func batch<T>(trigger: String, reassess: Bool = true, _ body: () throws -> T) throws -> Reassessed<T> {
        if batchAffected != nil {
            return Reassessed(value: try body(), reassessment: .nothing(trigger: trigger, asOf: today, warnDays: warnDays))
        }
        return try write {
            batchAffected = []
            batchReleases = []
            batchLookups = BatchLookups()
            defer {
                batchAffected = nil
                batchReleases = []
                batchLookups = nil
            }
            guard reassess else {
                let value = try body()
                try saveAssessmentState(nil)
                return Reassessed(value: value, reassessment: .nothing(trigger: trigger, asOf: today, warnDays: warnDays))
            }
            return try keepingAssessmentsCurrent {
                let value = try body()
                let affected = (batchAffected ?? []).union(try companiesConcerned(byNewReleases: batchReleases))
                let report = affected.isEmpty
                    ? ReassessmentReport.nothing(trigger: trigger, asOf: today, warnDays: warnDays)
                    : try self.reassess(.ids(affected), asOf: today, warnDays: warnDays, trigger: trigger, record: true)
                return Reassessed(value: value, reassessment: report)
            }
        }
    }

    /// Runs `body` in a transaction and undoes it, even when it succeeds: dry runs.
    func rollingBack(_ body: () throws -> Void) throws {
        struct RolledBack: Error {}
        do {
            try write {
                try body()
                throw RolledBack()
            }
        } catch is RolledBack {}
    }

    /// The current UTC time as SQLite writes it, for rows such as `logged_at`.
    static let nowSQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
}

@available(*, unavailable, message: "a Portfolio uses one Database connection, on one thread")
extension Portfolio: Sendable {}
