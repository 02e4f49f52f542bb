import LifelineCore
import LifelineStorage

/// The portfolio as recorded in one database: the repository the CLI talks to. It holds
/// the connection, the day changes are reassessed as of, and the transactions; its six
/// parts (`catalogue`, `companies`, `reassessment`, `reports`, `onboarding`, `outbox`) do
/// the work.
///
/// Every command that writes runs in one `BEGIN IMMEDIATE` transaction, through a
/// `WriteSession`: it either happens whole or, on any error, not at all. Names that users
/// type are resolved to rows by `NameLookup`, and an unknown one fails with a "did you
/// mean" suggestion.
public final class Portfolio {
    let database: Database
    /// The date changes are reassessed as of, and that `today`/`yesterday` mean.
    public let today: CivilDate
    /// Days before the end at which a company becomes `at-risk` in the reassessment
    /// that follows each change.
    public let warnDays: Int
    /// Days a company may stand still before it is flagged (rule 11), in every command
    /// but the nightly run, which is told its own.
    public let stallDays: Int

    init(
        database: Database, today: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays,
        stallDays: Int = LifelineEngine.defaultStallDays
    ) {
        self.database = database
        self.today = today
        self.warnDays = warnDays
        self.stallDays = stallDays
    }

    /// How many companies the engine computes at a time on other threads, ahead of the
    /// one using the database (`ComputeAhead`), and how many changed assessments a
    /// reassessment waits for before recording them. Tests lower it to run that path on
    /// a few companies.
    var engineChunkSize = Reassessment.assessmentRowsPerInsert

    /// Providers, models, capabilities and releases.
    public var catalogue: ModelCatalogue { ModelCatalogue(portfolio: self) }

    /// The companies, their links and the investor's judgements about them.
    public var companies: Companies { Companies(portfolio: self) }

    /// Running the engine and recording what it finds.
    public var reassessment: Reassessment { Reassessment(portfolio: self) }

    /// The notifications outbox, and delivering what it holds.
    public var outbox: Outbox { Outbox(portfolio: self) }

    /// The report, assessments as of a date, what-ifs: reading only.
    public var reports: Reports { Reports(portfolio: self) }

    /// Catalogue imports, spreadsheets, export and restore.
    public var onboarding: Onboarding { Onboarding(portfolio: self) }

    /// Looks names up, remembering nothing: for reads and plain writes.
    var names: NameLookup { NameLookup(database: database) }

    /// Runs `body` as one write transaction; inside a transaction already open, as a
    /// savepoint of it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        database.isInAutocommit ? try database.transaction(.immediate, body) : try database.savepoint(body)
    }

    /// Runs `body` on one consistent snapshot (a deferred read transaction), so a list
    /// and its details never mix two states of a database another process is writing.
    /// Inside a transaction already open, the snapshot is that transaction's. Public for
    /// a command that shows what several reads return (a company's history, the HTML
    /// page and its scorecard): each read alone is consistent, and this makes them one.
    public func read<T>(_ body: () throws -> T) throws -> T {
        database.isInAutocommit ? try database.transaction(.deferred, body) : try body()
    }

    /// A write that changes no company's outcome (a provider, a model, an investment):
    /// one transaction, nothing reassessed.
    func write<T>(_ body: (WriteSession) throws -> T) throws -> T {
        try transaction { try body(WriteSession(database: database, kind: .direct)) }
    }

    /// One command's change: `body` writes through the session and names the companies
    /// it affects, which are then reassessed as of today in the same transaction.
    func writeAndReassess<T>(trigger: String, _ body: (WriteSession) throws -> T) throws -> Reassessed<T> {
        try transaction {
            try reassessment.keepingAssessmentsCurrent {
                let session = WriteSession(database: database, kind: .direct)
                let value = try body(session)
                return Reassessed(value: value, reassessment: try reassessAffected(by: session, trigger: trigger, wereCurrent: false))
            }
        }
    }

    /// Many writes as one transaction - imports, restores, the demo: all land or none.
    /// The companies they affect are reassessed once at the end (when `reassess` is
    /// true; otherwise the assessments are no longer known to be current). With
    /// `holdingRows`, models and releases are held back and written many to a statement
    /// when `body` ends (`HeldRows`).
    func batch<T>(
        trigger: String, reassess: Bool = true, holdingRows: Bool = false, _ body: (WriteSession) throws -> T
    ) throws -> Reassessed<T> {
        try transaction {
            let session = WriteSession(database: database, kind: .batch)
            if holdingRows { session.held = try HeldRows(lastIDsIn: database) }
            func run() throws -> T {
                let value = try body(session)
                if let held = session.held { try held.write(to: database) }
                return value
            }
            guard reassess else {
                let value = try run()
                try reassessment.saveAssessmentState(nil)
                return Reassessed(value: value, reassessment: .nothing(trigger: trigger, asOf: today, warnDays: warnDays, stallDays: stallDays))
            }
            return try reassessment.keepingAssessmentsCurrent {
                // Read before the writes, whose triggers forget that the assessments are current.
                let wereCurrent = try reassessment.currentAssessmentState(warnDays: warnDays) != nil
                let value = try run()
                return Reassessed(value: value, reassessment: try reassessAffected(by: session, trigger: trigger, wereCurrent: wereCurrent))
            }
        }
    }

    /// Reassesses, as of today, the companies the session's writes affect, and those its
    /// releases concern - only those they can end, when the assessments were current
    /// (as `release log` does).
    private func reassessAffected(by session: WriteSession, trigger: String, wereCurrent: Bool) throws -> ReassessmentReport {
        let releases = session.newReleases
        let affected = session.affected.union(
            wereCurrent ? try reassessment.companiesThreatened(byNewReleases: releases) : try reassessment.companiesConcerned(byNewReleases: releases))
        let report = affected.isEmpty
            ? .nothing(trigger: trigger, asOf: today, warnDays: warnDays, stallDays: stallDays)
            : try reassessment.reassess(
                .ids(affected), asOf: today, warnDays: warnDays, stallDays: stallDays, trigger: trigger, record: true)
        try outbox.record(report)
        try outbox.recordReleaseHits(session.loggedReleases, report: report)
        return report
    }

    /// Runs `body` in a transaction and undoes it, even when it succeeds: dry runs.
    func rollingBack(_ body: () throws -> Void) throws {
        struct RolledBack: Error {}
        do {
            try transaction {
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
