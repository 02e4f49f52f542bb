import LifelineCore
import LifelineStorage

/// One write transaction, opened by a command (`Portfolio.write`, `writeAndReassess`,
/// `batch`) and passed along to every write it makes. The writes tell it which companies
/// they affect; those are reassessed once, when the session ends, in the same
/// transaction - the change and its consequences land together or not at all.
final class WriteSession {
    enum Kind {
        /// One command's change: each write names the companies it affects, which a
        /// logged release works out at once (while the assessments are current, only the
        /// companies it can still end).
        case direct
        /// Many changes at once - an import, a restore, the demo: names looked up are
        /// remembered, and the companies the logged releases concern are looked up once,
        /// when the batch ends (per release, an import of 5,000 releases into 100,000
        /// companies read the same exposures thousands of times).
        case batch
    }

    let kind: Kind
    let names: NameLookup
    /// The companies the writes affect so far.
    private(set) var affected: Set<Int64> = []
    /// The releases a batch has logged, whose companies are looked up when it ends.
    private(set) var newReleases: [Int64] = []
    /// Every release the session logged, batch or not: the outbox tells those that hit
    /// the portfolio.
    private(set) var loggedReleases: [Int64] = []
    /// Models and releases held back, to be written many to a statement when the
    /// session ends (see `HeldRows`); nil when rows are written as they come.
    var held: HeldRows?
    /// The portfolio's total investments so far in the session, once read: an import of
    /// many investments checks each against `USDAmount.maximumTotalCents` without
    /// summing the table each time. Nil until read, and after investments are removed.
    var investedCents: Int64?
    /// The `logged_at` of the session's releases: they land in one transaction, at one
    /// instant (read from SQLite's clock when the first is logged).
    var loggedAt: String?

    init(database: Database, kind: Kind) {
        self.kind = kind
        names = NameLookup(database: database, remembering: kind == .batch)
    }

    var database: Database { names.database }

    /// Records that the writes affect these companies.
    func affect(_ companies: Set<Int64>) {
        affected.formUnion(companies)
    }

    /// Records a release logged, in a batch (`companiesLookedUp` false: they are looked
    /// up when it ends) or not.
    func logged(releaseID: Int64, companiesLookedUp: Bool) {
        if !companiesLookedUp { newReleases.append(releaseID) }
        loggedReleases.append(releaseID)
    }
}

@available(*, unavailable, message: "a WriteSession belongs to its Portfolio's connection, on one thread")
extension WriteSession: Sendable {}
