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
            let endings = try lastAssessmentOfEachLifeline(by: day)
            var investments: [Int64: [Investment]] = [:]
            try database.cachedStatement(sql: """
                SELECT company_id, invested_on, round, amount_cents FROM investments WHERE invested_on <= ? ORDER BY company_id, invested_on
                """).bind([day]).forEachRow { row in
                    investments[try row.get(0), default: []].append(
                        Investment(investedOn: try row.get(1), round: try row.get(2), amountCents: try row.get(3)))
                }
            var judged: [JudgedLifeline] = []
            try database.cachedStatement(sql: "SELECT id, slug, sector FROM companies ORDER BY slug").forEachRow { row in
                let id: Int64 = try row.get(0)
                guard let records = lifelines[id] else { return }
                let periods = LifelinePeriod.periods(lifelines: records, closing: closings[id], assessments: endings[id] ?? [])
                judged += JudgedLifeline.judge(
                    periods, company: try row.get(1), sector: try row.get(2), investments: investments[id] ?? [], asOf: asOf)
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
    /// earlier: the one `LifelinePeriod.periods` reads its ending from.
    private func lastAssessmentOfEachLifeline(by day: SQLValue) throws -> [Int64: [StoredAssessment]] {
        let outcomes = OutcomeReader()
        var endings: [Int64: [StoredAssessment]] = [:]
        try database.cachedStatement(sql: """
            SELECT a.company_id, c.slug, a.as_of, a.run_id, r.trigger, r.rules_version, \(Reassessment.outcomeColumns(of: "a"))
            FROM (SELECT *, row_number() OVER (PARTITION BY company_id, lifeline_start ORDER BY as_of DESC, run_id DESC) AS recency
                  FROM assessments WHERE as_of <= ?) a
            JOIN companies c ON c.id = a.company_id JOIN reassessment_runs r ON r.id = a.run_id
            WHERE a.recency = 1 ORDER BY a.company_id, a.as_of, a.run_id
            """).bind([day]).forEachRow { row in
                endings[try row.get(0), default: []].append(StoredAssessment(
                    company: try row.get(1), asOf: try row.get(2), outcome: try outcomes.outcome(from: row),
                    runID: try row.get(3), trigger: try row.get(4), rulesVersion: try row.get(5)))
            }
        return endings
    }
}
