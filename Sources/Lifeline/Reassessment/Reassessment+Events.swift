import LifelineCore
import LifelineStorage

/// The events a nightly run reports beside the changes (`ReassessmentEvent`): what
/// happened between the previous nightly run and this one, each told with what it now
/// means for the company.
extension Reassessment {
    /// The as-of date of the latest nightly run on or before `asOf`: the start of the
    /// period a run's events fall in. Read before the run records itself.
    func previousNightlyAsOf(onOrBefore asOf: CivilDate) throws -> CivilDate? {
        try database.cachedStatement(sql: "SELECT max(as_of) FROM reassessment_runs WHERE trigger = 'reassess' AND as_of <= ?")
            .bind([.text(asOf.iso)]).fetchOne { try $0.get(0) as CivilDate? } ?? nil
    }

    /// The events after `since` and up to `asOf`: runways that ran out, dismissals that
    /// expired, announced releases that landed, stagnation flags that went up (with the
    /// stall window `stallDays`). `changes` are the run's: a company that
    /// changed is told with its new assessment, any other with its latest recorded one.
    /// A few index range scans, whatever the portfolio's size.
    func events(since: CivilDate, asOf: CivilDate, stallDays: Int, changes: [AssessmentChange]) throws -> [ReassessmentEvent] {
        let window: [SQLValue] = [.text(since.iso), .text(asOf.iso)]
        var found: [(kind: ReassessmentEvent.Kind, companyID: Int64, on: CivilDate, releaseID: Int64?)] = []
        // Replaced companies whose runway ends in the window: the recorded ones, and
        // those this run has just found replaced.
        let runwayCandidates = Set(try database.cachedStatement(sql: """
            SELECT DISTINCT company_id FROM assessments WHERE runway_end > ? AND runway_end <= ?
            """).bind(window).fetchAll { try $0.get(0) as Int64 })
            .union(changes.lazy.filter { $0.current.outcome.runwayEnd.map { $0 > since && $0 <= asOf } ?? false }.map(\.current.companyID))
        for company in runwayCandidates { found.append((.runwayEnded, company, asOf, nil)) }
        try database.cachedStatement(sql: "SELECT company_id, release_id, until FROM dismissals WHERE until > ? AND until <= ?")
            .bind(window).forEachRow { found.append((.dismissalExpired, try $0.get(0), try $0.get(2), try $0.get(1))) }
        let landed = try database.cachedStatement(sql: """
            SELECT id, released_on FROM releases WHERE released_on > ? AND released_on <= ? AND announced_on IS NOT NULL
            """).bind(window).fetchAll { (id: try $0.get(0) as Int64, on: try $0.get(1) as CivilDate) }
        for release in landed {
            for company in try companiesConcerned(byRelease: release.id) { found.append((.announcedLanded, company, release.on, release.id)) }
        }
        let maybeStagnating = try companiesMaybeStagnating(since: since, asOf: asOf, stallDays: stallDays)
        guard !found.isEmpty || !maybeStagnating.isEmpty else { return [] }

        let now = try assessmentsNow(of: Set(found.map(\.companyID)).union(maybeStagnating), asOf: asOf, changes: changes)
        var releases: [Int64: Release] = [:]
        var events: [ReassessmentEvent] = []
        for event in found {
            // A closed company has left the portfolio: nothing happens to it any more.
            guard let assessment = now[event.companyID], assessment.status != .closed else { continue }
            switch event.kind {
            case .runwayEnded:
                // Only while the company is still replaced, by the cause whose runway it was.
                guard assessment.status == .replaced, let end = assessment.outcome.runwayEnd, end > since, end <= asOf,
                    let cause = assessment.outcome.cause.threat
                else { continue }
                events.append(ReassessmentEvent(
                    kind: .runwayEnded, company: assessment.company, on: end, releaseID: cause.releaseID == 0 ? nil : cause.releaseID,
                    model: cause.model, capabilities: cause.capability.map { [$0] } ?? [], assessment: assessment))
            case .stagnating:
                continue
            case .dismissalExpired, .announcedLanded:
                guard let id = event.releaseID else { continue }
                if releases[id] == nil { releases[id] = try portfolio.catalogue.release(id: id) }
                let release = releases[id]!
                events.append(ReassessmentEvent(
                    kind: event.kind, company: assessment.company, on: event.on, releaseID: id, model: release.model,
                    capabilities: release.capabilities, assessment: assessment))
            }
        }
        let outcomes = now.filter { maybeStagnating.contains($0.key) }.mapValues(\.outcome)
        for (id, flags) in try stagnation(.ids(Set(outcomes.keys)), outcomes: outcomes, asOf: asOf, stallDays: stallDays) {
            guard let assessment = now[id] else { continue }
            for flag in flags where flag.raisedOn > since && flag.raisedOn <= asOf {
                events.append(ReassessmentEvent(
                    kind: .stagnating, company: assessment.company, on: flag.raisedOn, releaseID: flag.releaseID, model: flag.model,
                    capabilities: flag.capability.map { [$0] } ?? [], assessment: assessment, flag: flag))
            }
        }
        return events.sorted {
            ($0.on, $0.company, $0.kind.rawValue, $0.flag?.kind.rawValue ?? "") < ($1.on, $1.company, $1.kind.rawValue, $1.flag?.kind.rawValue ?? "")
        }
    }

    /// Each company's assessment as of `asOf`: this run's change when it changed, else its
    /// latest recorded outcome (companies never assessed are missing).
    private func assessmentsNow(of companies: Set<Int64>, asOf: CivilDate, changes: [AssessmentChange]) throws -> [Int64: Assessment] {
        var now: [Int64: Assessment] = [:]
        for change in changes where companies.contains(change.current.companyID) { now[change.current.companyID] = change.current }
        let recorded = companies.subtracting(now.keys)
        guard !recorded.isEmpty else { return now }
        try forEachLatestOutcome(.ids(recorded), asOf: asOf, includingNeverAssessed: false) { id, slug, outcome in
            guard let outcome else { return }
            now[id] = Assessment(
                companyID: id, company: slug, asOf: asOf, outcome: outcome, opportunities: [], threats: [], dismissedThreats: [])
        }
        return now
    }
}
