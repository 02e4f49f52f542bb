/// The lifeline rules: recorded facts and an as-of date in, an assessment out.
///
/// Pure: no I/O, no clock, no database. The result depends only on the facts given,
/// not on their order nor on which other companies are assessed, so recomputing one
/// company after a change gives what recomputing everything would. Each rule of
/// docs/engine.md is one small function here.
public enum LifelineEngine {
    /// Stored with every reassessment run, so an old run can be explained after the
    /// rules change. Bump it whenever a rule changes what the engine decides.
    public static let rulesVersion = 3

    /// Days before the end at which a company becomes `at-risk`, unless told otherwise.
    public static let defaultWarnDays = 30

    /// Assesses one company as of `asOf`, by the lifeline in force then (rule 2); nil
    /// when none had begun: the company was not in the portfolio yet. `releases` may
    /// hold any releases; those that cannot concern the company are ignored.
    /// Without `details`, the assessment leaves out opportunities and the list of
    /// threats (only the outcome is computed): the nightly run over 100,000 companies
    /// needs neither, and keeping them would cost memory.
    public static func assess(
        _ company: CompanyFacts, releases: some Sequence<ReleaseFact>, asOf: CivilDate,
        warnDays: Int = defaultWarnDays, details: Bool = true
    ) -> Assessment? {
        assess(company, runs: [Array(releases)[...]], runsAreDateOrdered: false, asOf: asOf, warnDays: warnDays, details: details)
    }

    /// The same, with the releases given as runs - each run sorted by release date when
    /// `runsAreDateOrdered` (otherwise they are merged and sorted first). Where nothing is
    /// listed - without details, or before `detailsFrom` - a run is left as soon as it
    /// passes the natural end or the earliest threat found: the nightly run's fast path.
    /// The outcome is the same whatever the runs; only the work differs. With details
    /// from a date, only the threats and opportunities dated on or after it are listed,
    /// and threats only while the lifeline runs (of an ended one only the cause matters,
    /// and the outcome holds it): a report of recent events over 100,000 companies would
    /// otherwise build and sort millions, and go through every company's whole history
    /// to do it.
    public static func assess(
        _ company: CompanyFacts, runs: [ArraySlice<ReleaseFact>], runsAreDateOrdered: Bool, asOf: CivilDate,
        warnDays: Int = defaultWarnDays, details: Bool = true, detailsFrom: CivilDate? = nil
    ) -> Assessment? {
        guard let lifeline = company.lifeline(inForceOn: asOf) else { return nil }
        let runs = runsAreDateOrdered ? runs : [runs.joined().sorted { ($0.releasedOn, $0.id) < ($1.releasedOn, $1.id) }[...]]
        if details, let detailsFrom,
           let settled = assess(company, runs: runs, runsAreDateOrdered: true, asOf: asOf, warnDays: warnDays, details: false),
           !settled.status.isRunning {
            let candidates = counted(in: runs, from: detailsFrom, start: lifeline.start, asOf: asOf, reaching: lifeline.dependencies)
            return settled.listing(opportunities: opportunities(candidates, for: lifeline, adopted: company.adopted(asOf: asOf)))
        }
        let releases = runs.joined()
        let start = lifeline.start
        let naturalEnd = lifeline.naturalEnd
        // The same release may come twice (through a capability and a model); a set
        // keeps each once in the lists.
        var seen = Set<Int64>()
        var counted: [ReleaseFact] = []
        // Every known release, for retirements' fallbacks; built only when one needs it.
        var allKnown: [ReleaseFact]?
        var threats: [Threat] = []
        var dismissed: [Threat] = []
        // The earliest threat so far (rule 5).
        var ending: Threat?
        func consider(_ release: ReleaseFact, listed: Bool) {
            if release.kind == .retirement && allKnown == nil { allKnown = releases.filter { $0.knownOn <= asOf } }
            for threat in self.threats(from: release, to: lifeline, knownReleases: allKnown ?? []) {
                if company.dismissals.contains(where: { $0.releaseID == release.id && $0.isActive(asOf: asOf) }) {
                    if listed { dismissed.append(threat) }
                    continue
                }
                if listed { threats.append(threat) }
                if ending.map({ precedes(threat, $0) }) ?? true { ending = threat }
            }
        }
        for run in runs {
            let firstListed = !details ? run.endIndex : detailsFrom.map { firstIndex(in: run, onOrAfter: $0) } ?? run.startIndex
            // Only the outcome is at stake: only threats before the natural end can end
            // the lifeline, and none dated after the earliest so far (rule 5).
            for release in run[..<firstListed] where isCounted(release, start: start, asOf: asOf) {
                if release.releasedOn >= naturalEnd { break }
                if let ending, release.releasedOn > ending.releasedOn { break }
                consider(release, listed: false)
            }
            for release in run[firstListed...] where isCounted(release, start: start, asOf: asOf) {
                guard seen.insert(release.id).inserted else { continue }
                counted.append(release)
                if release.releasedOn < naturalEnd { consider(release, listed: true) }
            }
        }
        var outcome = Assessment.Outcome(
            status: status(ending: ending, naturalEnd: naturalEnd, asOf: asOf, warnDays: warnDays),
            tierMonths: lifeline.tier.months, lifelineStart: start, naturalEnd: naturalEnd,
            lifelineEnd: ending?.releasedOn ?? naturalEnd,
            runwayEnd: runwayEnd(ending: ending, asOf: asOf, runwayMonths: lifeline.runwayMonths),
            cause: ending.map(Assessment.Cause.threat) ?? .tier)
        if let closedOn = company.closedOn, closedOn <= asOf { outcome = closed(outcome, on: closedOn) }
        return Assessment(
            companyID: company.id, company: company.slug, asOf: asOf, outcome: outcome,
            opportunities: details ? opportunities(counted, for: lifeline, adopted: company.adopted(asOf: asOf)) : [],
            threats: details ? threats.sorted(by: precedes) : [],
            dismissedThreats: details ? dismissed.sorted(by: precedes) : [])
    }

    /// The company's lifelines that a later one had replaced by `asOf`, oldest first,
    /// each as it stood the day before the next began (rule 1): what ended it then, if
    /// anything had.
    public static func supersededLifelines(
        _ company: CompanyFacts, releases: [ReleaseFact], asOf: CivilDate
    ) -> [SupersededLifeline] {
        company.lifelines.indices.dropLast().compactMap { index in
            let next = company.lifelines[index + 1].start
            guard next <= asOf else { return nil }
            let alone = CompanyFacts(
                id: company.id, slug: company.slug, lifelines: Array(company.lifelines[...index]), dismissals: company.dismissals)
            return assess(alone, releases: releases, asOf: next.adding(days: -1), details: false)
                .map { SupersededLifeline(outcome: $0.outcome, nextBegan: next) }
        }
    }

    /// The releases of date-ordered `runs` dated on or after `date` that count for a
    /// lifeline begun on `start` (rule 3) and reach one of `dependencies` (only those
    /// can be opportunities), each once (a release may come through a capability and a
    /// model), in date order. Sorted and deduplicated in place: a set per company,
    /// hashed for every release, was most of a 100,000-company report's listing of
    /// opportunities; and most releases in the runs came through a capability, on
    /// models the company does not use.
    static func counted(
        in runs: [ArraySlice<ReleaseFact>], from date: CivilDate, start: CivilDate, asOf: CivilDate, reaching dependencies: [ModelReference]
    ) -> [ReleaseFact] {
        var counted: [ReleaseFact] = []
        for run in runs {
            for release in run[firstIndex(in: run, onOrAfter: date)...]
            where isCounted(release, start: start, asOf: asOf) && dependencies.contains(where: release.reaches) {
                counted.append(release)
            }
        }
        guard runs.count > 1 else { return counted }
        counted.sort { ($0.releasedOn, $0.id) < ($1.releasedOn, $1.id) }
        var kept = 0
        for index in counted.indices where kept == 0 || counted[kept - 1].id != counted[index].id {
            counted[kept] = counted[index]
            kept += 1
        }
        counted.removeLast(counted.count - kept)
        return counted
    }

    /// The index of the first release of a date-ordered run dated on or after `date`: a
    /// binary search.
    package static func firstIndex(in run: ArraySlice<ReleaseFact>, onOrAfter date: CivilDate) -> Int {
        var low = run.startIndex
        var high = run.endIndex
        while low < high {
            let middle = (low + high) / 2
            if run[middle].releasedOn < date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: The rules

    /// Rule 3: a release counts when it is known by the as-of date and dated on or
    /// after the lifeline's start.
    static func isCounted(_ release: ReleaseFact, start: CivilDate, asOf: CivilDate) -> Bool {
        release.knownOn <= asOf && release.releasedOn >= start
    }

    /// Rule 4: the threats one release poses to a company - one per exposure to a
    /// capability it ships whose provider scope counts it, or a retirement of a model it
    /// depends on with no other dependency still running then.
    package static func threats(from release: ReleaseFact, to lifeline: LifelineFacts, knownReleases: [ReleaseFact]) -> [Threat] {
        if release.kind == .retirement {
            guard lifeline.dependencies.contains(where: release.reaches),
                !hasFallback(lifeline, whenRetiring: release, knownReleases: knownReleases)
            else { return [] }
            return [Threat(releaseID: release.id, model: release.model, releasedOn: release.releasedOn, capability: nil, effect: nil)]
        }
        return lifeline.exposures.compactMap { exposure in
            guard release.capabilities.contains(exposure.capability), lifeline.counts(release, for: exposure) else {
                return nil
            }
            return Threat(
                releaseID: release.id, model: release.model, releasedOn: release.releasedOn,
                capability: exposure.capability, effect: exposure.effect)
        }
    }

    /// Rule 4, retirements: another dependency is a fallback unless it too is retired
    /// (by a known retirement of it, or of its base model) on or before the retirement
    /// in question.
    static func hasFallback(_ lifeline: LifelineFacts, whenRetiring retirement: ReleaseFact, knownReleases: [ReleaseFact]) -> Bool {
        lifeline.dependencies.contains { model in
            !retirement.reaches(model)
                && !knownReleases.contains { $0.kind == .retirement && $0.reaches(model) && $0.releasedOn <= retirement.releasedOn }
        }
    }

    /// Rule 5: the order of threats; the first one ends the lifeline. Threats on the same
    /// day are ordered by severity (necessity, then retirement, then advantage), then by
    /// provider, model and capability, and only then by release id, so that the answer
    /// does not depend on the order in which facts were logged.
    static func precedes(_ a: Threat, _ b: Threat) -> Bool {
        // Field by field, so that the common case - different dates - compares no strings.
        if a.releasedOn != b.releasedOn { return a.releasedOn < b.releasedOn }
        if severityRank(a) != severityRank(b) { return severityRank(a) < severityRank(b) }
        return (a.model.provider, a.model.model, a.capability ?? "", a.releaseID)
            < (b.model.provider, b.model.model, b.capability ?? "", b.releaseID)
    }

    private static func severityRank(_ threat: Threat) -> Int {
        switch threat.effect {
        case .necessity: 0
        case nil: 1
        case .advantage: 2
        }
    }

    /// Rule 6: the status as of A.
    static func status(ending: Threat?, naturalEnd: CivilDate, asOf: CivilDate, warnDays: Int) -> LifelineStatus {
        if let ending, ending.releasedOn <= asOf {
            switch ending.effect {
            case .advantage: return .rebuild
            case .necessity: return .replaced
            case nil: return .migrate
            }
        }
        if asOf >= naturalEnd { return .elapsed }
        let end = ending?.releasedOn ?? naturalEnd
        return asOf.days(until: end) <= warnDays ? .atRisk : .alive
    }

    /// Rule 10: a company closed on or before the as-of date is `closed`. What had
    /// ended its lifeline by the closing - a threat, or the tier running out - stays the
    /// cause; otherwise the closing ended it.
    static func closed(_ outcome: Assessment.Outcome, on closedOn: CivilDate) -> Assessment.Outcome {
        let endedFirst = outcome.lifelineEnd <= closedOn
        return Assessment.Outcome(
            status: .closed, tierMonths: outcome.tierMonths, lifelineStart: outcome.lifelineStart,
            naturalEnd: outcome.naturalEnd, lifelineEnd: endedFirst ? outcome.lifelineEnd : closedOn, runwayEnd: nil,
            cause: endedFirst ? outcome.cause : .closed)
    }

    /// Rule 6, `replaced`: the runway runs from the threat's date.
    static func runwayEnd(ending: Threat?, asOf: CivilDate, runwayMonths: Int) -> CivilDate? {
        guard let ending, ending.effect == .necessity, ending.releasedOn <= asOf else { return nil }
        return ending.releasedOn.adding(months: runwayMonths)
    }

    /// Rule 7: capabilities shipped on models the company depends on (or on snapshots of
    /// them) that it is not exposed to and has not adopted by then, in date order.
    /// One pass with no set of the capabilities exposed: a lifeline has a few, and the
    /// report runs this for each of 100,000 companies, where building and hashing that
    /// set for each was most of the work.
    static func opportunities(_ counted: [ReleaseFact], for lifeline: LifelineFacts, adopted: Set<String> = []) -> [Opportunity] {
        var found: [Opportunity] = []
        found.reserveCapacity(counted.count)
        for release in counted where lifeline.dependencies.contains(where: release.reaches) {
            for capability in release.capabilities
            where !lifeline.exposures.contains(where: { $0.capability == capability }) && !adopted.contains(capability) {
                found.append(Opportunity(releaseID: release.id, model: release.model, releasedOn: release.releasedOn, capability: capability))
            }
        }
        found.sort { ($0.releasedOn, $0.releaseID, $0.capability) < ($1.releasedOn, $1.releaseID, $1.capability) }
        return found
    }
}
