import LifelineCore
import LifelineStorage

/// The reassessment: running the engine over the database and recording what changed -
/// the engine's inputs (`Reassessment+Facts`), which companies need it
/// (`+AffectedCompanies`), the recorded runs (`+AssessmentRecords`) and what is known
/// about them (`+AssessmentState`).
public struct Reassessment: PortfolioPart {
    let portfolio: Portfolio

    /// The nightly job: reassesses every company as of `asOf` in one write transaction,
    /// records a run and the assessments that changed, and returns them. With `dryRun`
    /// it reads one snapshot and writes nothing.
    ///
    /// When the recorded assessments are known to be current (`AssessmentState`), only
    /// the companies whose outcome can have moved since are computed - the others are
    /// assessed all the same, their outcome known unchanged - unless `full` asks for
    /// every company to be computed.
    public func reassessAll(
        asOf: CivilDate, warnDays: Int = LifelineEngine.defaultWarnDays, stallDays: Int = LifelineEngine.defaultStallDays,
        dryRun: Bool = false, full: Bool = false, progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        try Self.checkWarnDays(warnDays)
        try Self.checkStallDays(stallDays)
        if !dryRun && asOf > today {
            throw LifelineError(
                .badData,
                "--as-of \(asOf) is after today (\(today)); a future date would replace the present picture, so look ahead with --dry-run")
        }
        // Marked in progress first, in a transaction of its own: if this run dies, the
        // next one says so (`run-failed`). A run that fails with an error says so itself,
        // and takes its mark back: on an error, nothing stays written.
        let mark = dryRun ? nil : try portfolio.outbox.markRunStarted(asOf: asOf)
        let run = {
            try portfolio.requireTrust(always: full)
            let previous = try self.previousNightlyAsOf(onOrBefore: asOf)
            let report = try self.reassessEvery(
                asOf: asOf, warnDays: warnDays, stallDays: stallDays, dryRun: dryRun, full: full, progress: progress)
            let told = try previous.map {
                report.with(events: try self.events(since: $0, asOf: asOf, stallDays: stallDays, changes: report.changes), since: $0)
            } ?? report
            // A backtest and a dry run notify nobody.
            if !dryRun && asOf >= today { try portfolio.outbox.record(told) }
            if let mark { try portfolio.outbox.finishRun(mark) }
            return told
        }
        guard let mark else { return try read(run) }
        do {
            return try transaction(run)
        } catch {
            try? portfolio.outbox.clearRunMark(mark)
            throw error
        }
    }

    /// Every company as of `asOf`: incrementally while the assessments are current.
    private func reassessEvery(
        asOf: CivilDate, warnDays: Int, stallDays: Int, dryRun: Bool, full: Bool, progress: ((Int, Int) -> Void)?
    ) throws -> ReassessmentReport {
        let state = try currentAssessmentState(warnDays: warnDays)
        if !full, let state, asOf >= state.latestAsOf {
            return try reassessDue(since: state, asOf: asOf, stallDays: stallDays, record: !dryRun, progress: progress)
        }
        let latestRun = try latestRunAsOf()
        let report = try reassess(
            .all, asOf: asOf, warnDays: warnDays, stallDays: stallDays, trigger: "reassess", record: !dryRun, progress: progress)
        if !dryRun { try assessedEveryCompany(asOf: asOf, warnDays: warnDays, before: state, latestRunBefore: latestRun) }
        return report
    }

    /// The nightly run when the assessments are current: computes only the companies
    /// whose outcome can have moved since `state.currentSince`, and records a run over
    /// every company (the others' outcomes are known to be unchanged).
    private func reassessDue(
        since state: AssessmentState, asOf: CivilDate, stallDays: Int, record: Bool, progress: ((Int, Int) -> Void)?
    ) throws -> ReassessmentReport {
        let due = try companiesDue(since: state.currentSince, asOf: asOf, warnDays: state.warnDays)
        let companies = try portfolio.companies.companyCount()
        let report = try reassess(
            due.map(CompanySelection.ids) ?? .all, asOf: asOf, warnDays: state.warnDays, stallDays: stallDays, trigger: "reassess",
            record: record, companiesInRun: companies, progress: progress)
        if record {
            try saveAssessmentState(AssessmentState(
                currentSince: asOf, latestAsOf: asOf, warnDays: state.warnDays, rulesVersion: state.rulesVersion))
        }
        return report
    }

    /// The warning window of the latest nightly run, so that the reassessment after a
    /// change uses the same window as cron; 30 days when there is none.
    public static func warnDaysInForce(_ database: Database) throws -> Int {
        try latestNightly(Window.warning, database) ?? LifelineEngine.defaultWarnDays
    }

    /// The stall window of the latest nightly run, so that every command flags
    /// stagnation as cron does; 90 days when there is none.
    public static func stallDaysInForce(_ database: Database) throws -> Int {
        try latestNightly(Window.stall, database) ?? LifelineEngine.defaultStallDays
    }

    static func checkWarnDays(_ warnDays: Int) throws { try check(warnDays, Window.warning) }

    static func checkStallDays(_ stallDays: Int) throws { try check(stallDays, Window.stall) }

    /// The windows in days a nightly run is told and records: its column, and the name
    /// an error gives it.
    private enum Window {
        static let warning = (column: "warn_days", name: "warning window")
        static let stall = (column: "stall_days", name: "stall window")
    }

    private static func latestNightly(_ window: (column: String, name: String), _ database: Database) throws -> Int? {
        try database.fetchOne(
            sql: "SELECT \(window.column) FROM reassessment_runs WHERE trigger = 'reassess' ORDER BY id DESC LIMIT 1"
        ) { try $0.get(0) as Int }
    }

    private static func check(_ days: Int, _ window: (column: String, name: String)) throws {
        guard (0...3650).contains(days) else {
            throw LifelineError(.badData, "invalid \(window.name) \(days): use 0 to 3650 days")
        }
    }

    /// Assesses the selected companies inside the caller's transaction; when `record`
    /// is true, stores a run and the assessments whose outcome differs from the
    /// company's previous one. `companiesInRun`, when given, is how many companies the
    /// run covers (the selection being those of them that needed computing).
    func reassess(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, stallDays: Int, trigger: String, record: Bool,
        companiesInRun: Int? = nil, progress: ((Int, Int) -> Void)? = nil
    ) throws -> ReassessmentReport {
        let startedAt = try database.fetchOne(sql: "SELECT \(Portfolio.nowSQL)") { try $0.get(0) as String } ?? ""
        let previous = try previousOutcomes(selection, asOf: asOf)
        var inputs = try engineInputs(selection)
        let index = inputs.releases
        let lookups = inputs.rows.lookups
        let computed = inputs.rows.companies.count
        let covered = companiesInRun ?? computed
        let runID = record && covered > 0
            ? try beginRun(
                trigger: trigger, asOf: asOf, warnDays: warnDays, stallDays: stallDays, startedAt: startedAt, companiesAssessed: covered)
            : nil
        // Only the changes are kept: the nightly run over a large portfolio must not
        // hold every company's assessment in memory. They are recorded as they come, in
        // the order assessed (by company id, which appends to the assessments' indexes by
        // run and by company), while the engine computes the next companies.
        let chunkSize = portfolio.engineChunkSize
        var changes: [AssessmentChange] = []
        // At most one a company: sized once, as growing it would hold two copies at the peak.
        changes.reserveCapacity(computed)
        var recorded = 0
        var done = 0
        // When most companies have an outcome to compare with, few change and recording is
        // light: the engine gets every processor. When most are new (a first run), every
        // one changes and this thread is busy recording: one computing thread leaves it
        // a core.
        let threads = previous.count * 2 >= computed ? ComputeAhead.processorCount : 1
        let computeAndRecord = {
            try ComputeAhead.forEachChunk(taking: &inputs.rows.companies, chunkSize: chunkSize, threads: threads) { row in
                let company = lookups.facts(of: row)
                // A company not in the portfolio yet as of `asOf` has no assessment.
                guard let assessment = LifelineEngine.assess(
                    company, runs: index.releases(concerning: company, asOf: asOf, details: false), runsAreDateOrdered: true,
                    asOf: asOf, warnDays: warnDays, details: false)
                else { return AssessmentChange?.none }
                let before = previous[assessment.companyID]
                return before == assessment.outcome ? nil : AssessmentChange(previous: before, current: assessment)
            } consume: { chunk in
                changes.append(contentsOf: chunk.lazy.compactMap { $0 })
                // Whole chunks' worth only, so that the statements are the same size.
                let due = (changes.count - recorded) / chunkSize * chunkSize
                if let runID, due > 0 {
                    try self.recordAssessments(changes[recorded..<(recorded + due)], runID: runID)
                    recorded += due
                }
                done += chunk.count
                progress?(done, computed)
            }
            if let runID {
                try self.recordAssessments(changes[recorded...], runID: runID)
                try self.finishRun(runID, changesRecorded: changes.count)
            }
        }
        if runID != nil {
            try database.withPageCache(kibibytes: Self.recordingCacheKibibytes, computeAndRecord)
        } else {
            try computeAndRecord()
        }
        changes.sort { $0.current.company < $1.current.company }
        return ReassessmentReport(
            runID: runID, trigger: trigger, asOf: asOf, warnDays: warnDays, stallDays: stallDays, companiesAssessed: covered,
            companiesComputed: computed, changes: changes)
    }

    /// Runs the engine for the selected companies, loading their facts in bulk.
    func computeAssessments(_ selection: CompanySelection, asOf: CivilDate, warnDays: Int) throws -> [Assessment] {
        var assessments: [Assessment] = []
        try forEachAssessment(selection, asOf: asOf, warnDays: warnDays, details: true) { assessments.append($0) }
        return assessments
    }

    /// Runs the engine for each selected company in the portfolio as of `asOf` and hands
    /// each assessment to `body`, in company id order; returns how many companies it
    /// considered. `details` and
    /// `detailsFrom` are the engine's. The engine runs on every processor (`body` is
    /// called on the caller's thread): a report over 100,000 companies is mostly engine.
    @discardableResult
    func forEachAssessment(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, details: Bool, detailsFrom: CivilDate? = nil,
        _ body: (Assessment) throws -> Void
    ) throws -> Int {
        try forEachAssessment(selection, asOf: asOf, warnDays: warnDays, details: details, detailsFrom: detailsFrom, stallDays: nil) {
            assessment, _ in try body(assessment)
        }
    }

    /// The same, with each company's stagnation flags (rule 11) with a stall window of
    /// `stallDays` computed beside its assessment, from the same facts (none when nil):
    /// the report loaded every company's facts a second time for them.
    @discardableResult
    func forEachAssessment(
        _ selection: CompanySelection, asOf: CivilDate, warnDays: Int, details: Bool, detailsFrom: CivilDate? = nil, stallDays: Int?,
        _ body: (Assessment, [StagnationFlag]) throws -> Void
    ) throws -> Int {
        var inputs = try engineInputs(selection)
        let index = inputs.releases
        let lookups = inputs.rows.lookups
        let count = inputs.rows.companies.count
        try ComputeAhead.forEachChunk(
            taking: &inputs.rows.companies, chunkSize: portfolio.engineChunkSize, threads: ComputeAhead.processorCount
        ) { row -> (Assessment, [StagnationFlag])? in
            let company = lookups.facts(of: row)
            guard let assessment = LifelineEngine.assess(
                company, runs: index.releases(concerning: company, asOf: asOf, details: details), runsAreDateOrdered: true,
                asOf: asOf, warnDays: warnDays, details: details, detailsFrom: detailsFrom)
            else { return nil }
            let flags = stallDays.map {
                LifelineEngine.stagnation(
                    company, outcome: assessment.outcome, runs: index.releases(onModelsOf: company, asOf: asOf), asOf: asOf, stallDays: $0)
            }
            return (assessment, flags ?? [])
        } consume: { results in
            for case let (assessment, flags)? in results { try body(assessment, flags) }
        }
        return count
    }

    /// The rows of the selected companies' facts, and the releases that can concern them.
    func engineInputs(_ selection: CompanySelection) throws -> (rows: FactRows, releases: ReleaseIndex) {
        let rows = try factRows(selection)
        return (rows, ReleaseIndex(dateOrdered: try releaseFacts(concerning: rows)))
    }
}
