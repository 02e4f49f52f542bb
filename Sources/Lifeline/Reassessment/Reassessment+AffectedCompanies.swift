import LifelineCore
import LifelineStorage

/// Which companies need reassessing: after a change to the facts (a release logged or
/// removed), and, while the assessments are current, after days have passed. Each is a
/// query over the database; the engine then computes only these companies.
extension Reassessment {
    /// The companies whose outcome a release can change: exposed to a capability it
    /// ships, depending on its model (or a snapshot of it) when it is a retirement, currently assessed with it
    /// as the cause, or with a dismissal of it. (A capability on a model a company builds
    /// on is an opportunity, which no outcome records, unless the company is exposed to
    /// it - so the dependents of a model need reassessing only for its retirement.)
    func companiesConcerned(byRelease releaseID: Int64) throws -> Set<Int64> {
        Set(try database.fetchAll(
            sql: """
                SELECT e.company_id FROM exposures e JOIN release_capabilities x ON x.capability_id = e.capability_id
                WHERE x.release_id = ?1
                UNION SELECT d.company_id FROM dependencies d JOIN models m ON m.id = d.model_id
                JOIN releases r ON r.model_id = d.model_id OR r.model_id = m.snapshot_of
                WHERE r.id = ?1 AND r.kind = 'retirement'
                UNION SELECT company_id FROM assessments WHERE cause_release_id = ?1
                UNION SELECT company_id FROM dismissals WHERE release_id = ?1
                """,
            arguments: [.integer(releaseID)]) { try $0.get(0) as Int64 })
    }

    /// The companies that releases just logged concern: `companiesConcerned` for many
    /// new releases at once (none can be a cause or dismissed yet). Through the
    /// capabilities they ship, so that each exposure is read once however many releases
    /// ship its capability.
    func companiesConcerned(byNewReleases releaseIDs: [Int64]) throws -> Set<Int64> {
        guard !releaseIDs.isEmpty else { return [] }
        return Set(try database.fetchAll(
            sql: """
                SELECT company_id FROM exposures WHERE capability_id IN (
                    SELECT capability_id FROM release_capabilities WHERE release_id IN (SELECT value FROM json_each(?1)))
                UNION SELECT company_id FROM dependencies WHERE model_id IN (
                    SELECT model_id FROM releases WHERE kind = 'retirement' AND id IN (SELECT value FROM json_each(?1))
                    UNION SELECT s.id FROM models s JOIN releases r ON r.model_id = s.snapshot_of
                    WHERE r.kind = 'retirement' AND r.id IN (SELECT value FROM json_each(?1)))
                """,
            arguments: [Self.jsonArray(releaseIDs)]) { try $0.get(0) as Int64 })
    }

    /// The companies whose outcome can have moved between `since` and `asOf` while the
    /// facts stayed the same (the rules that depend on the as-of date, docs/engine.md):
    /// - a status threshold was crossed: the lifeline's start, its end (a threat's date
    ///   or the natural end), or the start of the warning window before the end;
    /// - a release became known (its announcement or release date) that can end it;
    /// - a dismissal expired.
    /// Every assessment row is consulted, not only each company's latest: a superset,
    /// which costs a few extra companies and no index seek per company.
    ///
    /// Nil - compute every company - when more releases became known in the period than
    /// `mostReleasesLookedUp`: each costs a query over the assessments that run past its
    /// date, and after a backtest pulls `since` years back, thousands of them took
    /// minutes where computing everyone takes seconds. An incremental run must never
    /// cost more than a full one.
    func companiesDue(since: CivilDate, asOf: CivilDate, warnDays: Int) throws -> Set<Int64>? {
        // No day has passed (a second run the same day): every period below is empty,
        // and the query over the assessments would still go through every one that
        // runs past `since` to learn it.
        guard since < asOf else { return [] }
        // First, as it may settle everything: the releases that became known.
        let newlyKnown = try database.cachedStatement(sql: """
            SELECT id, kind, released_on FROM releases
            WHERE coalesce(announced_on, released_on) > ?1 AND coalesce(announced_on, released_on) <= ?2
            """).bind([.text(since.iso), .text(asOf.iso)]).fetchAll { row in
            (id: try row.get(0) as Int64, kind: try row.get(1) as Release.Kind, releasedOn: try row.get(2) as CivilDate)
        }
        guard newlyKnown.count <= Self.mostReleasesLookedUp else { return nil }
        var due = Set<Int64>()
        try database.cachedStatement(sql: """
            SELECT DISTINCT company_id FROM assessments WHERE lifeline_end > ?1
            AND (lifeline_end <= ?2 OR (lifeline_end > ?3 AND lifeline_end <= ?4) OR (lifeline_start > ?1 AND lifeline_start <= ?2))
            """).bind([
                .text(since.iso), .text(asOf.iso), .text(since.adding(days: warnDays).iso), .text(asOf.adding(days: warnDays).iso),
            ]).forEachRow { due.insert(try $0.get(0)) }
        for release in newlyKnown {
            due.formUnion(try companiesThreatened(byRelease: release.id, on: release.releasedOn, isRetirement: release.kind == .retirement))
        }
        try database.cachedStatement(sql: "SELECT company_id FROM dismissals WHERE until > ? AND until <= ?")
            .bind([.text(since.iso), .text(asOf.iso)]).forEachRow { due.insert(try $0.get(0)) }
        return due
    }

    /// How many newly known releases an incremental run looks up one by one before it
    /// computes every company instead: a night brings a handful; 100,000 companies cost
    /// about as much to compute as a few dozen such queries over their assessments.
    static let mostReleasesLookedUp = 32

    /// The companies a release dated `releasedOn` can end, when the assessments are
    /// current: those it concerns (`companiesConcerned`) whose lifeline runs on or
    /// after its date. A company whose lifeline already ended earlier keeps that ending
    /// whatever comes later (rule 5), and one that starts after the release does not
    /// count it (rule 3) - except for a retirement, which can take away the fallback of
    /// a later retirement. Each company's latest assessment decides (an older one, such
    /// as the first made before its exposures were known, often ends later). Driven by
    /// `assessments_by_end`, so the cost follows the assessments that run on or after
    /// that date, not the size of the portfolio; whether the release concerns a company
    /// is asked before whether the assessment is its latest, which fewer pass.
    func companiesThreatened(byRelease releaseID: Int64, on releasedOn: CivilDate, isRetirement: Bool) throws -> Set<Int64> {
        Set(try database.cachedStatement(sql: """
            SELECT a.company_id FROM assessments a WHERE a.lifeline_end >= ?2 AND (?3 OR a.lifeline_start <= ?2)
            AND (EXISTS (SELECT 1 FROM exposures e JOIN release_capabilities x ON x.capability_id = e.capability_id
                         WHERE e.company_id = a.company_id AND x.release_id = ?1)
                 OR EXISTS (SELECT 1 FROM dependencies d JOIN models m ON m.id = d.model_id
                            JOIN releases r ON r.model_id = d.model_id OR r.model_id = m.snapshot_of
                            WHERE d.company_id = a.company_id AND r.id = ?1 AND r.kind = 'retirement'))
            AND a.id = (\(Self.latestAssessmentID(ofCompany: "a.company_id")))
            """).bind([.integer(releaseID), .text(releasedOn.iso), .integer(isRetirement ? 1 : 0)])
            .fetchAll { try $0.get(0) as Int64 })
    }
}

extension Reassessment {
    /// `companiesThreatened` for many new releases at once (an import, while the
    /// assessments are current): the companies whose latest lifeline one of them can
    /// end - a capability they are exposed to shipped within their lifeline, or a model
    /// they depend on (or its base) retired on or before its end. A release history
    /// touches nearly every exposure, and reassessing every company concerned took
    /// seconds over 100,000 of them where a few thousand can change.
    func companiesThreatened(byNewReleases releaseIDs: [Int64]) throws -> Set<Int64> {
        guard !releaseIDs.isEmpty else { return [] }
        let ids = Self.jsonArray(releaseIDs)
        return try companiesExposed(toCapabilitiesShippedBy: ids).union(try companiesDependingOnModelsRetired(by: ids))
    }

    /// The companies whose latest lifeline a capability the releases ship falls within,
    /// by a provider whose release counts for their exposure to it (rule 4). Three passes,
    /// each over fewer lifelines:
    /// 1. the lifelines a shipping date falls within, read from the `assessments_by_end`
    ///    index alone, a seek for each day they can end on (`ShippedDates.lifelineEnds`);
    /// 2. of those, the ones a capability their company is exposed to shipped within,
    ///    by a provider that counts (rule 4), matched in memory: first by capability
    ///    alone, from the `exposures_by_company` index (`ShippedDates.anyShipped`), then
    ///    with the providers the exposures that pass name (`anyCounted`). Asked of
    ///    SQLite, this took twice as long; without the providers, a third of the
    ///    companies reassessed after the release history could not change.
    /// 3. of those, the ones that are their company's latest lifeline, from the
    ///    `assessments_by_company` index alone.
    private func companiesExposed(toCapabilitiesShippedBy ids: SQLValue) throws -> Set<Int64> {
        let shipped = ShippedDates(try database.cachedStatement(sql: """
            SELECT x.capability_id, r.released_on, m.provider_id, p.role = 'host'
            FROM releases r JOIN release_capabilities x ON x.release_id = r.id
            JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id
            WHERE r.id IN (SELECT value FROM json_each(?))
            """).bind([ids]).fetchAll { row in
                (capability: try row.get(0) as Int64, shipment: ShippedDates.Shipment(
                    date: try row.get(1), provider: try row.get(2), byHost: try row.get(3)))
            })
        guard !shipped.dates.isEmpty else { return [] }
        let lifelines = try lifelinesContainingADate(of: shipped)
        guard !lifelines.isEmpty else { return [] }
        return try companiesWhoseLatestAssessment(isAmong: try assessments(of: lifelines, threatenedBy: shipped))
    }

    /// A lifeline as the first pass finds it: its assessment and its dates.
    private typealias RecordedLifeline = (assessment: Int64, start: CivilDate, end: CivilDate)

    /// Pass 1: the recorded lifelines some shipping date falls within, by company: a
    /// seek along `assessments_by_end` for each day they can end on, then one range for
    /// the ends after those days (`ShippedDates.lifelineEnds`).
    private func lifelinesContainingADate(of shipped: ShippedDates) throws -> [Int64: [RecordedLifeline]] {
        var lifelines: [Int64: [RecordedLifeline]] = [:]
        func collect(_ row: Row) throws {
            lifelines[try row.get(0), default: []].append((try row.get(1), try row.get(2), try row.get(3)))
        }
        let ends = shipped.lifelineEnds
        // Each day as one string, "end startsBy": a JSON array of 1,500 of them is
        // read in one statement, where a statement run per day cost as much as it saved.
        let days = Self.jsonArray(ends.days.map { $0.end.iso + " " + $0.startsBy.iso })
        try database.cachedStatement(sql: """
            SELECT a.company_id, a.id, a.lifeline_start, a.lifeline_end FROM json_each(?) j
            JOIN assessments a ON a.lifeline_end = substr(j.value, 1, 10) AND a.lifeline_start <= substr(j.value, 12)
            """).bind([.text(days)]).forEachRow(collect)
        if let later = ends.later {
            try database.cachedStatement(sql: """
                SELECT company_id, id, lifeline_start, lifeline_end FROM assessments WHERE lifeline_end > ?1 AND lifeline_start <= ?2
                """).bind([.text(later.after.iso), .text(later.startsBy.iso)]).forEachRow(collect)
        }
        return lifelines
    }

    /// Pass 2: of `lifelines`, the assessments (by company) within which a capability the
    /// company is exposed to shipped, by a provider that counts for its exposures to it.
    private func assessments(of lifelines: [Int64: [RecordedLifeline]], threatenedBy shipped: ShippedDates) throws -> [Int64: Set<Int64>] {
        // The exposures to a capability shipped within a candidate lifeline, by any provider:
        // a seek along `exposures_by_company` for each candidate, in id order. (As
        // `company_id IN (SELECT value FROM json_each(?))`, SQLite first built a temporary
        // index of the 7,000 candidates of the release history: two fifths of the statement.)
        var exposed: [(company: Int64, capability: Int64, exposure: Int64)] = []
        try database.cachedStatement(sql: """
            SELECT e.company_id, e.capability_id, e.id FROM json_each(?) j CROSS JOIN exposures e ON e.company_id = j.value
            """).bind([Self.jsonArray(lifelines.keys.sorted())]).forEachRow { row in
                let company: Int64 = try row.get(0)
                let capability: Int64 = try row.get(1)
                if lifelines[company]?.contains(where: { shipped.anyShipped(lifelineFrom: $0.start, to: $0.end, capability: capability) }) == true {
                    exposed.append((company, capability, try row.get(2)))
                }
            }
        // ...then the providers those exposures name, and rule 4 on each. A company's
        // exposures to one capability are all here or none: one scope for them.
        var providersNamed: [Int64: [Int64]] = [:]
        try database.cachedStatement(sql: "SELECT exposure_id, provider_id FROM exposure_providers WHERE exposure_id IN (SELECT value FROM json_each(?))")
            .bind([Self.jsonArray(exposed.map(\.exposure))]).forEachRow { providersNamed[try $0.get(0), default: []].append(try $0.get(1)) }
        var scopes: [Int64: [Int64: ShippedDates.ExposureScope]] = [:]
        for exposure in exposed {
            scopes[exposure.company, default: [:]][exposure.capability, default: .init()].add(naming: providersNamed[exposure.exposure] ?? [])
        }
        var threatened: [Int64: Set<Int64>] = [:]
        for (company, byCapability) in scopes {
            for lifeline in lifelines[company] ?? [] where byCapability.contains(where: { capability, scope in
                shipped.anyCounted(lifelineFrom: lifeline.start, to: lifeline.end, capability: capability, scope: scope)
            }) {
                threatened[company, default: []].insert(lifeline.assessment)
            }
        }
        return threatened
    }

    /// Pass 3: of the companies of `assessments` (ids by company), those whose latest
    /// assessment is one of theirs: read from the `assessments_by_company` index alone.
    private func companiesWhoseLatestAssessment(isAmong assessments: [Int64: Set<Int64>]) throws -> Set<Int64> {
        guard !assessments.isEmpty else { return [] }
        var companies = Set<Int64>()
        try database.cachedStatement(sql: """
            SELECT j.value, (\(Self.latestAssessmentID(ofCompany: "j.value"))) FROM json_each(?) j
            """).bind([Self.jsonArray(assessments.keys.sorted())]).forEachRow { row in
                let company: Int64 = try row.get(0)
                if let latest = try row.get(1) as Int64?, assessments[company]?.contains(latest) == true { companies.insert(company) }
            }
        return companies
    }

    /// The companies that depend on a model the releases retire (or on a snapshot of
    /// it) and whose latest lifeline ends on or after the retirement: driven by
    /// `dependencies_by_model`, as few companies depend on any one model. (`CROSS JOIN`
    /// keeps that order: left to choose, SQLite scanned all 250,000 dependencies of the
    /// 100,000-company portfolio, a lookup of the latest assessment each, for 0.4 s.)
    private func companiesDependingOnModelsRetired(by ids: SQLValue) throws -> Set<Int64> {
        Set(try database.cachedStatement(sql: """
            WITH retirement AS (
                SELECT model_id, released_on FROM releases WHERE kind = 'retirement' AND id IN (SELECT value FROM json_each(?1))
            ),
            retired AS (
                SELECT model_id, released_on FROM retirement
                UNION SELECT s.id, t.released_on FROM retirement t JOIN models s ON s.snapshot_of = t.model_id
            )
            SELECT a.company_id FROM retired t CROSS JOIN dependencies d ON d.model_id = t.model_id
            JOIN assessments a ON a.id = (\(Self.latestAssessmentID(ofCompany: "d.company_id")))
            WHERE t.released_on <= a.lifeline_end
            """).bind([ids]).fetchAll { try $0.get(0) as Int64 })
    }
}
