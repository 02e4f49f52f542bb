import LifelineCore
import LifelineStorage

/// Stagnation flags (rule 11) over the database: the engine's rule, given the facts of
/// the companies asked about and the outcome each already has. Flags are never
/// recorded; like opportunities, they are computed as of the date asked.
extension Reassessment {
    /// The flags of the companies in `outcomes` (by id) as of `asOf`, by company id;
    /// a company without flags is missing. `selection` loads their facts: `.all` when
    /// they are most of the portfolio (one pass over it beats a long list of ids).
    func stagnation(
        _ selection: CompanySelection, outcomes: [Int64: Assessment.Outcome], asOf: CivilDate, stallDays: Int
    ) throws -> [Int64: [StagnationFlag]] {
        guard Self.canStagnate(outcomes) else { return [:] }
        var rows = try factRows(selection, needing: .stagnation)
        return try stagnation(of: &rows, outcomes: outcomes, asOf: asOf, stallDays: stallDays)
    }

    /// The same, of companies whose facts the caller has read (`company list` counts
    /// their dependencies and exposures from the same rows). It takes `rows.companies`,
    /// freeing each chunk once computed, as a nightly run does.
    func stagnation(
        of rows: inout FactRows, outcomes: [Int64: Assessment.Outcome], asOf: CivilDate, stallDays: Int
    ) throws -> [Int64: [StagnationFlag]] {
        guard Self.canStagnate(outcomes) else { return [:] }
        let index = ReleaseIndex(dateOrdered: try releaseFacts(concerning: rows))
        let lookups = rows.lookups
        var flags: [Int64: [StagnationFlag]] = [:]
        try ComputeAhead.forEachChunk(
            taking: &rows.companies, chunkSize: portfolio.engineChunkSize, threads: ComputeAhead.processorCount
        ) { row in
            guard let outcome = outcomes[row.id] else { return (row.id, [StagnationFlag]()) }
            let company = lookups.facts(of: row)
            return (row.id, LifelineEngine.stagnation(
                company, outcome: outcome, runs: index.releases(onModelsOf: company, asOf: asOf), asOf: asOf, stallDays: stallDays))
        } consume: { chunk in
            for (id, found) in chunk where !found.isEmpty { flags[id] = found }
        }
        return flags
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
