/// A sign that a company is standing still where the essay wants it to move: a flag
/// beside its status, not a status of its own (rule 11 of docs/engine.md).
public struct StagnationFlag: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// An opportunity (rule 7) has gone unadopted for more than the stall window.
        case staleOpportunities = "stale-opportunities"
        /// The company has been in `rebuild` for more than the stall window, with no new
        /// lifeline begun.
        case rebuildOverdue = "rebuild-overdue"
    }

    public let kind: Kind
    /// When the standing still began: the release date of the oldest opportunity still
    /// open, or the date of the threat that called for the rebuild.
    public let since: CivilDate
    /// Whole days from `since` to the as-of date: more than the stall window.
    public let days: Int
    /// The first day the flag was up: `since` plus the stall window plus one. A flag
    /// "turns on" in a period when this day falls in it (the digest's `stagnating`).
    public let raisedOn: CivilDate
    /// The release it is about: the opportunity's, or the threat's.
    public let releaseID: Int64
    public let model: ModelReference
    /// The capability not adopted, or the one that called for the rebuild.
    public let capability: String?

    package init(
        kind: Kind, since: CivilDate, days: Int, raisedOn: CivilDate, releaseID: Int64, model: ModelReference, capability: String?
    ) {
        self.kind = kind
        self.since = since
        self.days = days
        self.raisedOn = raisedOn
        self.releaseID = releaseID
        self.model = model
        self.capability = capability
    }
}

extension LifelineEngine {
    /// Days a company may stand still before it is flagged, unless told otherwise.
    public static let defaultStallDays = 90

    /// Rule 11: the stagnation flags of a company whose outcome as of `asOf` is
    /// `outcome` (as `assess` gives it). `runs` must hold the releases on the models it
    /// depends on, each run in date order (`assess` with details gets them, and may get
    /// others, which are passed over). A closed company has left the portfolio and is
    /// flagged for nothing.
    public static func stagnation(
        _ company: CompanyFacts, outcome: Assessment.Outcome, runs: [ArraySlice<ReleaseFact>], asOf: CivilDate, stallDays: Int
    ) -> [StagnationFlag] {
        guard outcome.status != .closed, company.lifeline(inForceOn: asOf) != nil else { return [] }
        return stagnation(
            outcome: outcome, staleOpportunity: staleOpportunity(company, runs: runs, asOf: asOf, stallDays: stallDays),
            asOf: asOf, stallDays: stallDays)
    }

    /// Rule 11 from its two halves: `staleOpportunity`'s flag, which needs no outcome, and
    /// the rebuild left overdue, which needs nothing else. `company list` computes the
    /// first half for every company while it reads their outcomes.
    public static func stagnation(
        outcome: Assessment.Outcome, staleOpportunity: StagnationFlag?, asOf: CivilDate, stallDays: Int
    ) -> [StagnationFlag] {
        guard outcome.status != .closed else { return [] }
        var flags = staleOpportunity.map { [$0] } ?? []
        if outcome.status == .rebuild, let threat = outcome.cause.threat, outcome.lifelineEnd < asOf.adding(days: -stallDays) {
            flags.append(StagnationFlag(
                kind: .rebuildOverdue, since: outcome.lifelineEnd, days: outcome.lifelineEnd.days(until: asOf),
                raisedOn: outcome.lifelineEnd.adding(days: stallDays + 1), releaseID: threat.releaseID, model: threat.model,
                capability: threat.capability))
        }
        return flags
    }

    /// The stale-opportunities flag of rule 11: the oldest opportunity (rule 7) of the
    /// lifeline in force as of `asOf` left unadopted for more than `stallDays`, whatever
    /// the company's outcome; nil when there is none, or no lifeline in force. `runs` as
    /// for `stagnation`; a run is left at its first open opportunity, or where none can
    /// be old enough.
    public static func staleOpportunity(
        _ company: CompanyFacts, runs: [ArraySlice<ReleaseFact>], asOf: CivilDate, stallDays: Int
    ) -> StagnationFlag? {
        guard let lifeline = company.lifeline(inForceOn: asOf) else { return nil }
        // Only what shipped more than `stallDays` before the as-of date is stale.
        let staleBefore = asOf.adding(days: -stallDays)
        var oldest: Opportunity?
        // A company has a few exposures and adoptions: asked of them in place, where a
        // set of their names made for each of 100,000 companies was most of this rule's
        // cost in `company list`.
        func isTaken(_ capability: String) -> Bool {
            lifeline.exposures.contains { $0.capability == capability }
                || company.adoptions.contains { $0.capability == capability && $0.adoptedOn <= asOf }
        }
        for run in runs {
            for release in run[firstIndex(in: run, onOrAfter: lifeline.start)...] {
                guard release.releasedOn < staleBefore, oldest.map({ release.releasedOn <= $0.releasedOn }) ?? true else { break }
                guard lifeline.dependencies.contains(where: release.reaches),
                    let capability = release.capabilities.lazy.filter({ !isTaken($0) }).min()
                else { continue }
                let found = Opportunity(releaseID: release.id, model: release.model, releasedOn: release.releasedOn, capability: capability)
                if oldest.map({ (found.releasedOn, found.releaseID) < ($0.releasedOn, $0.releaseID) }) ?? true { oldest = found }
                break
            }
        }
        return oldest.map { oldest in
            StagnationFlag(
                kind: .staleOpportunities, since: oldest.releasedOn, days: oldest.releasedOn.days(until: asOf),
                raisedOn: oldest.releasedOn.adding(days: stallDays + 1), releaseID: oldest.releaseID, model: oldest.model,
                capability: oldest.capability)
        }
    }
}
