import LifelineStorage

/// Running the engine over the database and recording what changed.
extension Portfolio {
    /// The nightly job: reassesses every company as of `asOf` in one write transaction,
    /// records a run and the assessments that changed, and returns them. With `dryRun`
    /// it reads one snapshot and writes nothing.
    public func reassessAll(
        asOf: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays, dryRun: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        try Self.checkWarnDays(warnDays)
        try requireTrust()
        if !dryRun && asOf > today {
            throw LifelineError(
                .badData,
                "--as-of \(asOf) is after today (\(today)); a future date would replace the present picture, so look ahead with --dry-run")
        }
        let run = { try self.reassess(.all, asOf: asOf, warnDays: warnDays, trigger: "reassess", record: !dryRun, progress: progress) }
        return dryRun ? try read(run) : try write(run)
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
            let (value, affected) = try body()
            let report = affected.isEmpty
                ? ReassessmentReport.nothing(trigger: trigger, asOf: today, warnDays: warnDays)
                : try reassess(.ids(affected), asOf: today, warnDays: warnDays, trigger: trigger, record: true)
            return Reassessed(value: value, reassessment: report)
        }
    }

    /// The companies a release can concern: exposed to a capability it ships, depending
    /// on its model, or currently assessed with it as the cause.
    func companiesConcerned(byRelease releaseID: Int64) throws -> Set<Int64> {
        Set(try database.fetchAll(
            sql: """
                SELECT e.company_id FROM exposures e JOIN release_capabilities x ON x.capability_id = e.capability_id
                WHERE x.release_id = ?1
                UNION SELECT d.company_id FROM dependencies d JOIN releases r ON r.model_id = d.model_id WHERE r.id = ?1
                UNION SELECT company_id FROM assessments WHERE cause_release_id = ?1
                UNION SELECT company_id FROM dismissals WHERE release_id = ?1
                """,
            arguments: [.integer(releaseID)]) { try $0.get(0) as Int64 })
    }

    /// Assesses the selected companies inside the caller's transaction; when `record`
    /// is true, stores a run and the assessments whose outcome differs from the
    /// company's previous one.
    func reassess(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, trigger: String, record: Bool,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        let startedAt = try database.fetchOne(sql: "SELECT \(Self.nowSQL)") { try $0.get(0) as String } ?? ""
        let assessments = try computeAssessments(selection, asOf: asOf, warnDays: warnDays, progress: progress)
        let previous = try previousOutcomes(selection, asOf: asOf)
        let changes = assessments
            .filter { previous[$0.companyID] != $0.outcome }
            .map { AssessmentChange(previous: previous[$0.companyID], current: $0) }
            .sorted { $0.current.company < $1.current.company }
        var runID: Int64?
        if record && !assessments.isEmpty {
            runID = try recordRun(
                trigger: trigger, asOf: asOf, warnDays: warnDays, startedAt: startedAt,
                companiesAssessed: assessments.count, changes: changes)
        }
        return ReassessmentReport(
            runID: runID, trigger: trigger, asOf: asOf, warnDays: warnDays, companiesAssessed: assessments.count,
            changes: changes)
    }

    /// Runs the engine for the selected companies, loading their facts in bulk.
    func computeAssessments(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, progress: ((Int, Int) -> Void)? = nil
    ) throws -> [Assessment] {
        let companies = try companyFacts(selection)
        let index = ReleaseIndex(try releaseFacts(concerning: companies, selection: selection))
        return companies.enumerated().map { done, company in
            defer { progress?(done + 1, companies.count) }
            return LifelineEngine.assess(company, releases: index.releases(concerning: company), asOf: asOf, warnDays: warnDays)
        }
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
        let insert = try database.cachedStatement(sql: """
            INSERT INTO assessments (run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end,
                lifeline_end, days_remaining, runway_end, cause_kind, cause_release_id, cause_provider, cause_model,
                cause_capability, cause_effect, cause_released_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for change in changes {
            let assessment = change.current
            let outcome = assessment.outcome
            let threat = outcome.cause.threat
            try insert.bind([
                .integer(runID), .integer(assessment.companyID), .text(assessment.asOf.iso), .text(outcome.status.rawValue),
                outcome.tierMonths.sqlValue, .text(outcome.lifelineStart.iso), .text(outcome.naturalEnd.iso),
                .text(outcome.lifelineEnd.iso), assessment.daysRemaining.sqlValue, outcome.runwayEnd?.iso.sqlValue ?? .null,
                .text(outcome.cause.kindName), threat?.releaseID.sqlValue ?? .null, threat?.model.provider.sqlValue ?? .null,
                threat?.model.description.sqlValue ?? .null, threat?.capability.sqlValue ?? .null,
                threat?.effect?.rawValue.sqlValue ?? .null, threat?.releasedOn.iso.sqlValue ?? .null,
            ]).execute()
        }
        return runID
    }

    /// Each selected company's latest recorded outcome as of `asOf` or earlier.
    func previousOutcomes(_ selection: CompanySelection, asOf: CivilDate) throws -> [Int64: Assessment.Outcome] {
        let condition = selection.condition(on: "company_id")
        var outcomes: [Int64: Assessment.Outcome] = [:]
        try database.cachedStatement(sql: """
            SELECT company_id, \(Self.outcomeColumns(of: "a")) FROM (
                SELECT *, row_number() OVER (PARTITION BY company_id ORDER BY as_of DESC, run_id DESC) AS recency
                FROM assessments WHERE as_of <= ? AND \(condition.sql)) AS a
            WHERE recency = 1
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

    static func outcome(from row: Row, startingAt first: Int) throws -> Assessment.Outcome {
        let causeKind: String = try row.get(first + 6)
        var cause = Assessment.Cause.tier
        if causeKind != "tier", let model = try row.get(first + 8) as String?, let releasedOn = try optionalDate(row, first + 11) {
            cause = .threat(Threat(
                releaseID: try row.get(first + 7) as Int64? ?? 0,
                model: (try? ModelReference(parsing: model)) ?? ModelReference(provider: "?", model: model),
                releasedOn: releasedOn, capability: try row.get(first + 9),
                effect: (try row.get(first + 10) as String?).flatMap(Effect.init(rawValue:))))
        }
        return Assessment.Outcome(
            status: LifelineStatus(rawValue: try row.get(first)) ?? .alive, tierMonths: try row.get(first + 1),
            lifelineStart: try date(row, first + 2), naturalEnd: try date(row, first + 3),
            lifelineEnd: try date(row, first + 4), runwayEnd: try optionalDate(row, first + 5), cause: cause)
    }
}
