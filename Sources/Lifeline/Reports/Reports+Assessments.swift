import LifelineCore
import LifelineStorage

/// Reading recorded assessments, and computing ones that are not recorded.
extension Reports {
    /// Every company's current assessment: the one with the latest as-of date, ties
    /// going to the latest run. Companies never assessed are missing.
    public func currentAssessments() throws -> [String: StoredAssessment] {
        try read {
            var result: [String: StoredAssessment] = [:]
            for assessment in try storedAssessments(latestOnly: true, companyID: nil) { result[assessment.company] = assessment }
            return result
        }
    }

    /// One company's current assessment (as `currentAssessments` defines it), or nil
    /// when it was never assessed: from its own history, not every company's.
    public func currentAssessment(_ slug: String) throws -> StoredAssessment? {
        try assessmentHistory(slug).last
    }

    /// One company's assessments over time, oldest first.
    public func assessmentHistory(_ slug: String) throws -> [StoredAssessment] {
        try read { try storedAssessments(latestOnly: false, companyID: try names.companyID(slug)) }
    }

    func storedAssessments(latestOnly: Bool, companyID: Int64?) throws -> [StoredAssessment] {
        var conditions = latestOnly ? ["recency = 1"] : []
        var arguments: [SQLValue] = []
        if let companyID {
            conditions.append("a.company_id = ?")
            arguments.append(.integer(companyID))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let outcomes = OutcomeReader()
        return try database.fetchAll(
            sql: """
                SELECT c.slug, a.as_of, a.run_id, r.trigger, r.rules_version, \(Reassessment.outcomeColumns(of: "a"))
                FROM (SELECT *, row_number() OVER (PARTITION BY company_id ORDER BY as_of DESC, run_id DESC) AS recency
                      FROM assessments) a
                JOIN companies c ON c.id = a.company_id JOIN reassessment_runs r ON r.id = a.run_id
                \(filter) ORDER BY c.slug, a.as_of, a.run_id
                """,
            arguments: arguments
        ) { row in
            StoredAssessment(
                company: try row.get(0), asOf: try row.get(1) as CivilDate, outcome: try outcomes.outcome(from: row),
                runID: try row.get(2), trigger: try row.get(3), rulesVersion: try row.get(4))
        }
    }

    /// Every company's outcome as of `asOf`, by id, as the engine gives it for the facts
    /// now and not recorded: what `company list` shows, true even when the nightly job
    /// has not run since. Outcomes only: opportunities and threats took gigabytes over
    /// 100,000 companies, and whole assessments by slug 80 MB, and the outcome depends on
    /// neither.
    ///
    /// While the recorded assessments are current, only the companies whose outcome can
    /// have moved since are computed and the others' recorded outcome is theirs, as in
    /// the incremental nightly run (docs/engine.md): over 100,000 companies, 0.8 s of
    /// computing becomes 0.2 s of reading.
    func liveOutcomes(asOf: CivilDate) throws -> RowIDTable<Assessment.Outcome> {
        try read {
            // By company id, made once at its size: grown a row at a time, a dictionary of
            // 100,000 outcomes was moved to a new table at every doubling, a tenth of
            // `company list`'s time; sized, it took 262,144 slots and hashed every lookup.
            let (count, highestID) = try database.fetchOne(sql: "SELECT count(*), coalesce(max(id), -1) FROM companies") {
                (try $0.get(0) as Int, try $0.get(1) as Int64)
            } ?? (0, -1)
            var outcomes = RowIDTable<Assessment.Outcome>(count: count, highestID: highestID)
            var computed = Reassessment.CompanySelection.all
            if let state = try portfolio.reassessment.currentAssessmentState(warnDays: warnDays), asOf >= state.latestAsOf,
                let due = try portfolio.reassessment.companiesDue(since: state.currentSince, asOf: asOf, warnDays: warnDays)
            {
                var toCompute = Set<Int64>()
                try portfolio.reassessment.forEachLatestOutcome(.all, asOf: asOf, includingNeverAssessed: true) { id, _, recorded in
                    guard !due.contains(id), let outcome = recorded else {
                        toCompute.insert(id)
                        return
                    }
                    outcomes[id] = outcome
                }
                computed = .ids(toCompute)
            }
            if case .ids(let ids) = computed, ids.isEmpty { return outcomes }
            try portfolio.reassessment.forEachAssessment(computed, asOf: asOf, warnDays: warnDays, details: false) {
                outcomes[$0.companyID] = $0.outcome
            }
            return outcomes
        }
    }

    /// One company's assessment as of `asOf`, computed now and not recorded, with the
    /// opportunities and dismissed threats that are never stored; nil when it was not in
    /// the portfolio yet then.
    public func liveAssessment(_ slug: String, asOf: CivilDate) throws -> Assessment? {
        try read {
            let id = try names.companyID(slug)
            return try portfolio.reassessment.computeAssessments(.ids([id]), asOf: asOf, warnDays: warnDays).first
        }
    }

    /// What a release of `capabilities` on `model`, on `date`, would do to each company,
    /// as of `asOf`; only the companies whose outcome it would change. Writes nothing.
    /// The model may be one not recorded yet (under a recorded provider).
    /// Only the companies exposed to what it ships can change (to a company that builds
    /// on the model, a capability is an opportunity), and only their outcomes are
    /// compared, from the releases that can concern each: over 100,000 companies, every
    /// release for every company, with details, took 70 s.
    public func whatIf(model: ModelReference, capabilities: [String], on date: CivilDate, asOf: CivilDate) throws -> [WhatIfImpact] {
        try read {
            let names = self.names
            let providerID = try names.providerID(model.provider)
            let byHost = try database.fetchOne(
                sql: "SELECT role = 'host' FROM providers WHERE id = ?", arguments: [.integer(providerID)]) { try $0.get(0) as Bool } ?? false
            let slugs = try capabilities.map(names.capabilitySlug)
            // By any of their lifelines: as of a past date, an earlier one may be in force.
            // Only a lifeline whose window - its start up to its natural end - holds the
            // date can be ended by the release (rules 3 and 5). SQLite's month arithmetic
            // carries an overflowing day into the next month (Jan 31 + 1 month is Mar 3)
            // where lifeline's clamps it (Feb 28): its end is never earlier, so the few
            // extra companies it lets through are computed and show no change.
            let exposed = Set(try database.fetchAll(
                sql: """
                    SELECT e.company_id FROM exposures e JOIN capabilities k ON k.id = e.capability_id
                    JOIN companies c ON c.id = e.company_id
                    WHERE k.slug IN (SELECT value FROM json_each(?1))
                      AND c.lifeline_start <= ?2 AND date(c.lifeline_start, '+' || c.tier_months || ' months') > ?2
                    UNION SELECT l.company_id FROM earlier_lifeline_exposures e JOIN earlier_lifelines l ON l.id = e.lifeline_id
                    JOIN capabilities k ON k.id = e.capability_id
                    WHERE k.slug IN (SELECT value FROM json_each(?1))
                      AND l.starts_on <= ?2 AND date(l.starts_on, '+' || l.tier_months || ' months') > ?2
                    """,
                arguments: [.text(Reassessment.jsonArray(slugs)), .text(date.iso)]) { try $0.get(0) as Int64 })
            let companies = try portfolio.reassessment.companyFacts(.ids(exposed))
            let index = Reassessment.ReleaseIndex(dateOrdered: try portfolio.reassessment.releaseFacts(concerning: companies))
            let hypothetical = [ReleaseFact(id: Int64.max, model: model, kind: .capability, releasedOn: date, capabilities: slugs, byHost: byHost)][...]
            let changed: [(id: Int64, before: Assessment, after: Assessment)] = companies.compactMap { company in
                let runs = index.releases(concerning: company, asOf: asOf, details: false)
                let assess = { (runs: [ArraySlice<ReleaseFact>]) in
                    LifelineEngine.assess(company, runs: runs, runsAreDateOrdered: true, asOf: asOf, warnDays: self.warnDays, details: false)
                }
                guard let before = assess(runs), let after = assess(runs + [hypothetical]), before.outcome != after.outcome
                else { return nil }
                return (company.id, before, after)
            }
            let invested = try investedCents(asOf: asOf, of: changed.map(\.id))
            return changed.map { WhatIfImpact(before: $0.before, after: $0.after, investedCents: invested[$0.id] ?? 0) }
                .sorted { ($0.after.outcome.lifelineEnd, $0.after.company) < ($1.after.outcome.lifelineEnd, $1.after.company) }
        }
    }

    /// US cents invested up to `asOf` (none made after it) in each of `companies`, by id.
    func investedCents(asOf: CivilDate, of companies: [Int64]) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        try database.cachedStatement(sql: """
            SELECT company_id, sum(amount_cents) FROM investments
            WHERE invested_on <= ?1 AND company_id IN (SELECT value FROM json_each(?2)) GROUP BY company_id
            """).bind([.text(asOf.iso), Reassessment.jsonArray(companies)]).forEachRow { result[try $0.get(0)] = try $0.get(1) }
        return result
    }
}
