import LifelineCore
import LifelineStorage

/// The scorecard: every lifeline that had run its course by a date, judged against its
/// tier (`JudgedLifeline`), and counted (`Scorecard`). `v_lifeline_outcomes` gives the
/// same rows to SQL as of the latest run; a test holds the two equal.
extension Reports {
    /// The scorecard as of `asOf`, grouped by `grouping`.
    public func scorecard(asOf: CivilDate, by grouping: Scorecard.Grouping) throws -> Scorecard {
        Scorecard(try judgedLifelines(asOf: asOf), by: grouping)
    }

    /// The lifelines that ended by `asOf`, judged with what was recorded by then: the
    /// lifelines started by that day, a closing dated by then, and for each lifeline the
    /// last assessment made as of that day or earlier - so a scorecard of a past date
    /// says what was known that day, not what a release logged later changed. In
    /// company then start order.
    public func judgedLifelines(asOf: CivilDate) throws -> [JudgedLifeline] {
        try read {
            let day = SQLValue.text(asOf.iso)
            let lifelines = try lifelinesStarted(by: day)
            let closings = Dictionary(uniqueKeysWithValues: try database.fetchAll(
                sql: "SELECT company_id, closed_on, reason, note FROM closures WHERE closed_on <= ?", arguments: [day]
            ) { row in (try row.get(0) as Int64, Closing(closedOn: try row.get(1), reason: try row.get(2), note: try row.get(3))) })
            let companies = try database.fetchAll(sql: "SELECT id, slug, sector FROM companies ORDER BY slug") { row in
                (id: try row.get(0) as Int64, slug: try row.get(1) as String, sector: try row.get(2) as String?)
            }
            let endings = try lastAssessmentOfEachLifeline(
                by: day, slugs: Dictionary(uniqueKeysWithValues: companies.lazy.map { ($0.id, $0.slug) }))
            var investments: [Int64: [Investment]] = [:]
            try database.cachedStatement(sql: """
                SELECT company_id, invested_on, round, amount_cents FROM investments WHERE invested_on <= ? ORDER BY company_id, invested_on
                """).bind([day]).forEachRow { row in
                    investments[try row.get(0), default: []].append(
                        Investment(investedOn: try row.get(1), round: try row.get(2), amountCents: try row.get(3)))
                }
            var judged: [JudgedLifeline] = []
            for company in companies {
                guard let records = lifelines[company.id] else { continue }
                let periods = LifelinePeriod.periods(lifelines: records, closing: closings[company.id], assessments: endings[company.id] ?? [])
                judged += JudgedLifeline.judge(
                    periods, company: company.slug, sector: company.sector, investments: investments[company.id] ?? [], asOf: asOf)
            }
            return judged
        }
    }

    /// Each company's lifelines that started by `day`, oldest first.
    private func lifelinesStarted(by day: SQLValue) throws -> [Int64: [LifelineRecord]] {
        var lifelines: [Int64: [LifelineRecord]] = [:]
        try database.cachedStatement(sql: """
            SELECT company_id, starts_on, tier_months, runway_months, began, note FROM earlier_lifelines WHERE starts_on <= ?1
            UNION ALL
            SELECT id, lifeline_start, tier_months, runway_months, lifeline_began, lifeline_note FROM companies WHERE lifeline_start <= ?1
            ORDER BY 1, 2
            """).bind([day]).forEachRow { row in
                lifelines[try row.get(0), default: []].append(LifelineRecord(
                    start: try row.get(1), tier: try row.get(2), runwayMonths: try row.get(3), began: try row.get(4), note: try row.get(5)))
            }
        return lifelines
    }

    /// For each lifeline (company and start), the last assessment made as of `day` or
    /// earlier: the one `LifelinePeriod.periods` reads its ending from - the one with no
    /// later one of the same lifeline, found along the index by company (a window
    /// partitioned by lifeline sorted every assessment: four times slower over the bench
    /// portfolio). The runs are read apart, once each: joined to every assessment, their
    /// trigger was a string made 100,000 times.
    private func lastAssessmentOfEachLifeline(by day: SQLValue, slugs: [Int64: String]) throws -> [Int64: [StoredAssessment]] {
        var runs: [Int64: (trigger: String, rulesVersion: Int)] = [:]
        try database.cachedStatement(sql: "SELECT id, trigger, rules_version FROM reassessment_runs").forEachRow { row in
            runs[try row.get(0)] = (try row.get(1), try row.get(2))
        }
        let outcomes = OutcomeReader()
        var endings: [Int64: [StoredAssessment]] = [:]
        endings.reserveCapacity(slugs.count)
        try database.cachedStatement(sql: """
            SELECT a.company_id, a.as_of, a.run_id, \(Reassessment.outcomeColumns(of: "a"))
            FROM assessments a
            WHERE a.as_of <= ?1 AND NOT EXISTS (
                SELECT 1 FROM assessments b
                WHERE b.company_id = a.company_id AND b.lifeline_start = a.lifeline_start AND b.as_of <= ?1
                  AND (b.as_of > a.as_of OR (b.as_of = a.as_of AND b.run_id > a.run_id)))
            ORDER BY a.company_id, a.as_of, a.run_id
            """).bind([day]).forEachRow { row in
                let (companyID, runID): (Int64, Int64) = (try row.get(0), try row.get(2))
                let run = runs[runID] ?? ("", 0)
                endings[companyID, default: []].append(StoredAssessment(
                    company: slugs[companyID] ?? "", asOf: try row.get(1), outcome: try outcomes.outcome(from: row),
                    runID: runID, trigger: run.trigger, rulesVersion: run.rulesVersion))
            }
        return endings
    }
}
