import LifelineStorage

/// Running the engine over the database and recording what changed.
extension Portfolio {
    /// The nightly job: reassesses every company as of `asOf` in one write transaction,
    /// records a run and the assessments that changed, and returns them. With `dryRun`
    /// it reads one snapshot and writes nothing.
    ///
    /// When the recorded assessments are known to be current (`AssessmentState`), only
    /// the companies whose outcome can have moved since are computed - the others are
    /// assessed all the same, their outcome known unchanged - unless `full` asks for
    /// every company to be computed.
    public func reassessAll(
        asOf: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays, dryRun: Bool = false, full: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        try Self.checkWarnDays(warnDays)
        try requireTrust()
        if !dryRun && asOf > today {
            throw LifelineError(
                .badData,
                "--as-of \(asOf) is after today (\(today)); a future date would replace the present picture, so look ahead with --dry-run")
        }
        let run = {
            let state = try self.currentAssessmentState(warnDays: warnDays)
            if !full, let state, asOf >= state.latestAsOf {
                return try self.reassessDue(since: state, asOf: asOf, record: !dryRun, progress: progress)
            }
            let latestRun = try self.latestRunAsOf()
            let report = try self.reassess(.all, asOf: asOf, warnDays: warnDays, trigger: "reassess", record: !dryRun, progress: progress)
            if !dryRun { try self.assessedEveryCompany(asOf: asOf, warnDays: warnDays, before: state, latestRunBefore: latestRun) }
            return report
        }
        return dryRun ? try read(run) : try write(run)
    }

    /// The nightly run when the assessments are current: computes only the companies
    /// whose outcome can have moved since `state.currentSince`, and records a run over
    /// every company (the others' outcomes are known to be unchanged).
    private func reassessDue(
        since state: AssessmentState, asOf: CivilDate, record: Bool, progress: ((Int, Int) -> Void)?
    ) throws -> ReassessmentReport {
        let due = try companiesDue(since: state.currentSince, asOf: asOf, warnDays: state.warnDays)
        let companies = try database.fetchOne(sql: "SELECT count(*) FROM companies") { try $0.get(0) as Int } ?? 0
        let report = try reassess(
            .ids(due), asOf: asOf, warnDays: state.warnDays, trigger: "reassess", record: record, companiesInRun: companies,
            progress: progress)
        if record {
            try saveAssessmentState(AssessmentState(
                currentSince: asOf, latestAsOf: asOf, warnDays: state.warnDays, rulesVersion: state.rulesVersion))
        }
        return report
    }

    /// The warning window of the latest nightly run, so that the reassessment after a
    /// change uses the same window as cron; 30 days when there is none.
    public static func warnDaysInForce(_ database: Database) throws -> Int {
        try database.fetchOne(
            sql: "SELECT warn_days FROM reassessment_runs WHERE trigger = 'reassess' ORDER BY id DESC LIMIT 1"
        ) { try $0.get(0) as Int } ?? LifelineEngine.defaultWarnDays
    }

    static func checkWarnDays(_ warnDays: Int) throws {
        guard (0...3650).contains(warnDays) else {
            throw LifelineError(.badData, "invalid warning window \(warnDays): use 0 to 3650 days")
        }
    }

    /// Runs `body` in one write transaction, then reassesses the companies it reports
    /// as affected, as of today, in the same transaction: the change and its
    /// consequences are recorded together or not at all.
    func writeAndReassess<T>(trigger: String, _ body: () throws -> (T, affected: Set<Int64>)) throws -> Reassessed<T> {
        if batchAffected != nil {
            let (value, affected) = try write(body)
            batchAffected?.formUnion(affected)
            return Reassessed(value: value, reassessment: .nothing(trigger: trigger, asOf: today, warnDays: warnDays))
        }
        return try write {
            try keepingAssessmentsCurrent {
                let (value, affected) = try body()
                let report = affected.isEmpty
                    ? ReassessmentReport.nothing(trigger: trigger, asOf: today, warnDays: warnDays)
                    : try reassess(.ids(affected), asOf: today, warnDays: warnDays, trigger: trigger, record: true)
                return Reassessed(value: value, reassessment: report)
            }
        }
    }

    /// The companies whose outcome a release can change: exposed to a capability it
    /// ships, depending on its model when it is a retirement, currently assessed with it
    /// as the cause, or with a dismissal of it. (A capability on a model a company builds
    /// on is an opportunity, which no outcome records, unless the company is exposed to
    /// it - so the dependents of a model need reassessing only for its retirement.)
    func companiesConcerned(byRelease releaseID: Int64) throws -> Set<Int64> {
        Set(try database.fetchAll(
            sql: """
                SELECT e.company_id FROM exposures e JOIN release_capabilities x ON x.capability_id = e.capability_id
                WHERE x.release_id = ?1
                UNION SELECT d.company_id FROM dependencies d JOIN releases r ON r.model_id = d.model_id
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
        let ids = "[" + releaseIDs.map(String.init).joined(separator: ",") + "]"
        return Set(try database.fetchAll(
            sql: """
                SELECT company_id FROM exposures WHERE capability_id IN (
                    SELECT capability_id FROM release_capabilities WHERE release_id IN (SELECT value FROM json_each(?1)))
                UNION SELECT company_id FROM dependencies WHERE model_id IN (
                    SELECT model_id FROM releases WHERE kind = 'retirement' AND id IN (SELECT value FROM json_each(?1)))
                """,
            arguments: [.text(ids)]) { try $0.get(0) as Int64 })
    }

    /// Assesses the selected companies inside the caller's transaction; when `record`
    /// is true, stores a run and the assessments whose outcome differs from the
    /// company's previous one. `companiesInRun`, when given, is how many companies the
    /// run covers (the selection being those of them that needed computing).
    func reassess(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, trigger: String, record: Bool,
        companiesInRun: Int? = nil, progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        let startedAt = try database.fetchOne(sql: "SELECT \(Self.nowSQL)") { try $0.get(0) as String } ?? ""
        let previous = try previousOutcomes(selection, asOf: asOf)
        var changes: [AssessmentChange] = []
        // Only the changes are kept: the nightly run over a large portfolio must not
        // hold every company's assessment in memory.
        let assessed = try forEachAssessment(selection, asOf: asOf, warnDays: warnDays, details: false, progress: progress) { assessment in
            let before = previous[assessment.companyID]
            if before != assessment.outcome { changes.append(AssessmentChange(previous: before, current: assessment)) }
        }
        changes.sort { $0.current.company < $1.current.company }
        let covered = companiesInRun ?? assessed
        var runID: Int64?
        if record && covered > 0 {
            runID = try recordRun(
                trigger: trigger, asOf: asOf, warnDays: warnDays, startedAt: startedAt,
                companiesAssessed: covered, changes: changes)
        }
        return ReassessmentReport(
            runID: runID, trigger: trigger, asOf: asOf, warnDays: warnDays, companiesAssessed: covered,
            companiesComputed: assessed, changes: changes)
    }

    /// Runs the engine for the selected companies, loading their facts in bulk.
    func computeAssessments(_ selection: CompanySelection, asOf: CivilDate, warnDays: Int) throws -> [Assessment] {
        var assessments: [Assessment] = []
        try forEachAssessment(selection, asOf: asOf, warnDays: warnDays, details: true) { assessments.append($0) }
        return assessments
    }

    /// Runs the engine for each selected company and hands each assessment to `body`;
    /// returns how many companies it assessed.
    @discardableResult
    func forEachAssessment(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, details: Bool,
        progress: ((Int, Int) -> Void)? = nil, _ body: (Assessment) throws -> Void
    ) throws -> Int {
        let companies = try companyFacts(selection)
        let index = ReleaseIndex(dateOrdered: try releaseFacts(concerning: companies))
        for (done, company) in companies.enumerated() {
            try body(LifelineEngine.assess(
                company, runs: index.releases(concerning: company, details: details), runsAreDateOrdered: true,
                asOf: asOf, warnDays: warnDays, details: details))
            progress?(done + 1, companies.count)
        }
        return companies.count
    }

    private func recordRun(
        trigger: String, asOf: CivilDate, warnDays: Int, startedAt: String, companiesAssessed: Int,
        changes: [AssessmentChange]
    ) throws -> Int64 {
        try database.execute(
            sql: """
                INSERT INTO reassessment_runs (trigger, as_of, warn_days, rules_version, started_at, finished_at,
                    companies_assessed, changes_recorded)
                VALUES (?, ?, ?, ?, ?, \(Self.nowSQL), ?, ?)
                """,
            arguments: [
                .text(trigger), .text(asOf.iso), warnDays.sqlValue, LifelineEngine.rulesVersion.sqlValue, .text(startedAt),
                companiesAssessed.sqlValue, changes.count.sqlValue,
            ])
        let runID = database.lastInsertedRowID
        // Many rows per statement: each execution of an INSERT into assessments builds
        // the lookup tables of its CHECK constraints' IN lists again, which one row at
        // a time made recording a first run's 100,000 rows most of its cost.
        let fullBatch = Self.assessmentInsert(rows: Self.assessmentRowsPerInsert)
        var pending = changes[...]
        while !pending.isEmpty {
            let rows = pending.prefix(Self.assessmentRowsPerInsert)
            pending = pending.dropFirst(rows.count)
            var values: [SQLValue] = []
            values.reserveCapacity(rows.count * 17)
            for change in rows { values += Self.assessmentRow(change.current, runID: runID) }
            let sql = rows.count == Self.assessmentRowsPerInsert ? fullBatch : Self.assessmentInsert(rows: rows.count)
            try database.cachedStatement(sql: sql).bind(values).execute()
        }
        return runID
    }

    static let assessmentRowsPerInsert = 500

    static func assessmentInsert(rows: Int) -> String {
        """
        INSERT INTO assessments (run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end,
            lifeline_end, days_remaining, runway_end, cause_kind, cause_release_id, cause_provider, cause_model,
            cause_capability, cause_effect, cause_released_on)
        VALUES
        """ + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// One assessment's 17 values, in the order of `assessmentInsert`.
    static func assessmentRow(_ assessment: Assessment, runID: Int64) -> [SQLValue] {
        let outcome = assessment.outcome
        let threat = outcome.cause.threat
        return [
            .integer(runID), .integer(assessment.companyID), .text(assessment.asOf.iso), .text(outcome.status.rawValue),
            outcome.tierMonths.sqlValue, .text(outcome.lifelineStart.iso), .text(outcome.naturalEnd.iso),
            .text(outcome.lifelineEnd.iso), assessment.daysRemaining.sqlValue, outcome.runwayEnd?.iso.sqlValue ?? .null,
            .text(outcome.cause.kindName), threat?.releaseID.sqlValue ?? .null, threat?.model.provider.sqlValue ?? .null,
            threat?.model.description.sqlValue ?? .null, threat?.capability.sqlValue ?? .null,
            threat?.effect?.rawValue.sqlValue ?? .null, threat?.releasedOn.iso.sqlValue ?? .null,
        ]
    }

    /// Each selected company's latest recorded outcome as of `asOf` or earlier: one index
    /// seek per company (assessments_by_company), not a sort of the whole history.
    func previousOutcomes(_ selection: CompanySelection, asOf: CivilDate) throws -> [Int64: Assessment.Outcome] {
        let condition = selection.condition(on: "c.id")
        var outcomes: [Int64: Assessment.Outcome] = [:]
        try database.cachedStatement(sql: """
            SELECT c.id, \(Self.outcomeColumns(of: "a")) FROM companies c
            JOIN assessments a ON a.id = (
                SELECT b.id FROM assessments b WHERE b.company_id = c.id AND b.as_of <= ?
                ORDER BY b.as_of DESC, b.run_id DESC LIMIT 1)
            WHERE \(condition.sql)
            """).bind([.text(asOf.iso)] + condition.arguments).forEachRow { row in
            outcomes[try row.get(0)] = try Self.outcome(from: row, startingAt: 1)
        }
        return outcomes
    }

    /// The columns of the assessments table aliased `table` that `outcome(from:startingAt:)`
    /// reads, in order.
    static func outcomeColumns(of table: String) -> String {
        [
            "status", "tier_months", "lifeline_start", "natural_end", "lifeline_end", "runway_end", "cause_kind",
            "cause_release_id", "cause_model", "cause_capability", "cause_effect", "cause_released_on",
        ].map { table + "." + $0 }.joined(separator: ", ")
    }

    /// `provider/model` as stored by this program: split, not validated again.
    static func modelReference(stored text: String) -> ModelReference {
        guard let slash = text.firstIndex(of: "/") else { return ModelReference(provider: "?", model: text) }
        return ModelReference(provider: String(text[..<slash]), model: String(text[text.index(after: slash)...]))
    }

    static func outcome(from row: Row, startingAt first: Int) throws -> Assessment.Outcome {
        let causeKind: String = try row.get(first + 6)
        var cause = Assessment.Cause.tier
        if causeKind != "tier", let model = try row.get(first + 8) as String?, let releasedOn = try optionalDate(row, first + 11) {
            cause = .threat(Threat(
                releaseID: try row.get(first + 7) as Int64? ?? 0,
                model: Self.modelReference(stored: model),
                releasedOn: releasedOn, capability: try row.get(first + 9),
                effect: (try row.get(first + 10) as String?).flatMap(Effect.init(rawValue:))))
        }
        return Assessment.Outcome(
            status: LifelineStatus(rawValue: try row.get(first)) ?? .alive, tierMonths: try row.get(first + 1),
            lifelineStart: try date(row, first + 2), naturalEnd: try date(row, first + 3),
            lifelineEnd: try date(row, first + 4), runwayEnd: try optionalDate(row, first + 5), cause: cause)
    }
}
