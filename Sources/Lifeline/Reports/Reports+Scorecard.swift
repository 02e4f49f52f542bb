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
    ///
    /// Every company's rows are read in company-id order, each table into one array
    /// (`ByCompany`), and the companies are walked in the same order, each handed its
    /// rows as slices: kept in dictionaries by company, an array per company, the
    /// lookups alone were a tenth of the scorecard's time over 100,000 companies (each a
    /// miss in the processor's cache) and freeing the arrays another tenth. The judged
    /// lifelines are put in slug order last, by each company's place in the slug index.
    public func judgedLifelines(asOf: CivilDate) throws -> [JudgedLifeline] {
        try read {
            let day = SQLValue.text(asOf.iso)
            let lifelines = try ByCompany(reading: database.cachedStatement(sql: """
                SELECT company_id, starts_on, tier_months, runway_months, began, note FROM earlier_lifelines WHERE starts_on <= ?1
                UNION ALL
                SELECT id, lifeline_start, tier_months, runway_months, lifeline_began, lifeline_note FROM companies WHERE lifeline_start <= ?1
                ORDER BY 1, 2
                """).bind([day])) { row in
                    LifelineRecord(start: try row.get(1), tier: try row.get(2), runwayMonths: try row.get(3), began: try row.get(4), note: try row.get(5))
                }
            let closings = try ByCompany(reading: database.cachedStatement(
                sql: "SELECT company_id, closed_on, reason, note FROM closures WHERE closed_on <= ? ORDER BY company_id").bind([day])) { row in
                    Closing(closedOn: try row.get(1), reason: try row.get(2), note: try row.get(3))
                }
            let endings = try lastOutcomeOfEachLifeline(by: day)
            let investments = try ByCompany(reading: database.cachedStatement(sql: """
                SELECT company_id, invested_on, round, amount_cents FROM investments WHERE invested_on <= ? ORDER BY company_id, invested_on
                """).bind([day])) { row in
                    Investment(investedOn: try row.get(1), round: try row.get(2), amountCents: try row.get(3))
                }
            // Each company's place in slug order, by company id.
            var slugOrder = try database.fetchAll(sql: "SELECT id FROM companies ORDER BY slug") { try $0.get(0) as Int64 }
                .enumerated().map { (id: $0.element, place: $0.offset) }
            slugOrder.sort { $0.id < $1.id }
            // The judged lifelines in company-id order, and where each company's are.
            var judged: [JudgedLifeline] = []
            var judgedByPlace = Array(repeating: 0..<0, count: slugOrder.count)
            var next = 0
            try database.cachedStatement(sql: "SELECT id, slug, sector FROM companies ORDER BY id").forEachRow { row in
                let id: Int64 = try row.get(0)
                let (sameID, place) = slugOrder[next]
                // One snapshot: both readings list the same companies.
                precondition(sameID == id, "the companies read by slug and by id differ")
                next += 1
                let records = lifelines.values(of: id)
                guard !records.isEmpty else { return }
                let closing = closings.values(of: id).first
                let outcomes = endings.values(of: id)
                let invested = investments.values(of: id)
                let periods = LifelinePeriod.periods(lifelines: records, closing: closing, outcomes: outcomes)
                let first = judged.count
                judged += JudgedLifeline.judge(periods, company: try row.get(1), sector: try row.get(2), investments: invested, asOf: asOf)
                judgedByPlace[place] = first..<judged.count
            }
            return judgedByPlace.flatMap { judged[$0] }
        }
    }

    /// For each lifeline (company and start), the outcome of the last assessment made as
    /// of `day` or earlier: the one `LifelinePeriod.periods` reads its ending from - the
    /// one with no later one of the same lifeline, found along the index by company (a
    /// window partitioned by lifeline sorted every assessment: four times slower over the
    /// bench portfolio). In company, as-of then run order.
    private func lastOutcomeOfEachLifeline(by day: SQLValue) throws -> ByCompany<Assessment.Outcome> {
        let outcomes = OutcomeReader()
        return try ByCompany(reading: database.cachedStatement(sql: """
            SELECT a.company_id, \(Reassessment.outcomeColumns(of: "a"))
            FROM assessments a
            WHERE a.as_of <= ?1 AND NOT EXISTS (
                SELECT 1 FROM assessments b
                WHERE b.company_id = a.company_id AND b.lifeline_start = a.lifeline_start AND b.as_of <= ?1
                  AND (b.as_of > a.as_of OR (b.as_of = a.as_of AND b.run_id > a.run_id)))
            ORDER BY a.company_id, a.as_of, a.run_id
            """).bind([day])) { try outcomes.outcome(from: $0) }
    }
}
