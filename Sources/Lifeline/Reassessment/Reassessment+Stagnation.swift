import LifelineCore
import LifelineStorage

/// Stagnation flags (rule 11) over the database: the engine's rule, given the facts of
/// the companies asked about and the outcome each already has. Flags are never
/// recorded; like opportunities, they are computed as of the date asked.
extension Reassessment {
    /// The flags of the companies in `outcomes` (by id) as of `asOf`, by company id;
    /// a company without flags is missing. `selection` loads their facts.
    func stagnation(
        _ selection: CompanySelection, outcomes: [Int64: Assessment.Outcome], asOf: CivilDate, stallDays: Int
    ) throws -> [Int64: [StagnationFlag]] {
        guard Self.canStagnate(outcomes) else { return [:] }
        let rows = try factRows(selection, needing: .stagnation)
        let staleOpportunities = Self.staleOpportunities(
            of: rows, releases: ReleaseIndex(dateOrdered: try releaseFacts(concerning: rows)), asOf: asOf, stallDays: stallDays,
            chunkSize: portfolio.engineChunkSize)
        var flags: [Int64: [StagnationFlag]] = [:]
        for (id, outcome) in outcomes {
            let found = LifelineEngine.stagnation(
                outcome: outcome, staleOpportunity: staleOpportunities.values(of: id).first, asOf: asOf, stallDays: stallDays)
            if !found.isEmpty { flags[id] = found }
        }
        return flags
    }

    /// The stale-opportunities flag of each company of `rows` that has one, by company id
    /// (`LifelineEngine.staleOpportunity`): the half of rule 11 that needs no outcome.
    /// Computed on every processor, from the facts and releases given, without the
    /// database: it can run while the caller reads the outcomes (`Portfolio.read(alongside:)`).
    static func staleOpportunities(
        of rows: FactRows, releases index: ReleaseIndex, asOf: CivilDate, stallDays: Int, chunkSize: Int
    ) -> ByCompany<StagnationFlag> {
        var companies = rows.companies
        let lookups = rows.lookups
        var ids: [Int64] = []
        var flags: [StagnationFlag] = []
        ComputeAhead.forEachChunk(taking: &companies, chunkSize: chunkSize, threads: ComputeAhead.processorCount) { row in
            let company = lookups.facts(of: row, orderingExposures: false)
            return (row.id, LifelineEngine.staleOpportunity(
                company, runs: index.releases(onModelsOf: company, asOf: asOf), asOf: asOf, stallDays: stallDays))
        } consume: { chunk in
            for (id, flag) in chunk {
                guard let flag else { continue }
                ids.append(id)
                flags.append(flag)
            }
        }
        return ByCompany(companyIDs: ids, values: flags)
    }

    /// A closed company is flagged for nothing: when every outcome is closed, no facts
    /// need reading.
    private static func canStagnate(_ outcomes: [Int64: Assessment.Outcome]) -> Bool {
        outcomes.values.contains { $0.status != .closed }
    }

    /// The companies whose flags may have gone up in (since, asOf]: those in `rebuild`
    /// by a threat dated so that the window ends in the period, and those depending on
    /// a model (or a snapshot's base) that shipped a capability on such a date. Index
    /// range scans: the cost follows the period, not the portfolio.
    func companiesMaybeStagnating(since: CivilDate, asOf: CivilDate, stallDays: Int) throws -> Set<Int64> {
        // A flag goes up the day after its thing is `stallDays` old: on D + stallDays + 1.
        let window: [SQLValue] = [.text(since.adding(days: -stallDays - 1).iso), .text(asOf.adding(days: -stallDays - 1).iso)]
        var found = Set(try database.cachedStatement(sql: """
            SELECT DISTINCT company_id FROM assessments
            WHERE lifeline_end > ? AND lifeline_end <= ? AND status = 'rebuild'
            """).bind(window).fetchAll { try $0.get(0) as Int64 })
        try database.cachedStatement(sql: """
            SELECT DISTINCT d.company_id
            FROM releases r JOIN models m ON m.id = r.model_id
            CROSS JOIN dependencies d ON d.model_id = r.model_id OR d.model_id = m.snapshot_of
            WHERE r.released_on > ? AND r.released_on <= ? AND r.kind != 'retirement'
            UNION
            SELECT DISTINCT l.company_id
            FROM releases r JOIN models m ON m.id = r.model_id
            CROSS JOIN earlier_lifeline_dependencies d ON d.model_id = r.model_id OR d.model_id = m.snapshot_of
            JOIN earlier_lifelines l ON l.id = d.lifeline_id
            WHERE r.released_on > ? AND r.released_on <= ? AND r.kind != 'retirement'
            """).bind(window + window).forEachRow { found.insert(try $0.get(0)) }
        return found
    }
}
