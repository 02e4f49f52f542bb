import LifelineCore
import LifelineStorage

/// Recording assessments and reading them back: a run with the assessments that changed,
/// and each company's previous outcome to compare with.
extension Reassessment {
    /// Stores a run before its assessments, so that they can refer to it as they are
    /// computed; `finishRun` gives it its count of changes and its end. Returns its id.
    func beginRun(trigger: String, asOf: CivilDate, warnDays: Int, stallDays: Int, startedAt: String, companiesAssessed: Int) throws -> Int64 {
        try database.execute(
            sql: """
                INSERT INTO reassessment_runs (trigger, as_of, warn_days, stall_days, rules_version, started_at, finished_at,
                    companies_assessed, changes_recorded)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                .text(trigger), .text(asOf.iso), warnDays.sqlValue, stallDays.sqlValue, LifelineEngine.rulesVersion.sqlValue, .text(startedAt),
                .text(startedAt), companiesAssessed.sqlValue,
            ])
        return database.lastInsertedRowID
    }

    /// Stores `changes`' assessments in run `runID`, many rows to a statement (see
    /// `insertRows`). Inside a transaction each multi-row statement also first copies
    /// every page it changes to a statement journal (kept in memory, see `Database`):
    /// for a first run of 100,000 companies, 105,000 pages at 1,000 rows a statement.
    func recordAssessments(_ changes: ArraySlice<AssessmentChange>, runID: Int64) throws {
        try database.insertRows(
            into: "assessments", columns: Self.assessmentColumns, count: changes.count,
            rowsPerStatement: Self.assessmentRowsPerInsert
        ) { offset, values in values += Self.assessmentRow(changes[changes.startIndex + offset].current, runID: runID) }
    }

    /// Ends run `runID`: how many assessments it recorded, and when it finished.
    func finishRun(_ runID: Int64, changesRecorded: Int) throws {
        try database.execute(
            sql: "UPDATE reassessment_runs SET finished_at = \(Portfolio.nowSQL), changes_recorded = ? WHERE id = ?",
            arguments: [changesRecorded.sqlValue, .integer(runID)])
    }

    /// At most SQLite's parameter limit allows (1,927 rows by default); more than 1,000
    /// made no difference measured.
    static let assessmentRowsPerInsert = 1_000

    /// The page cache while a run is recorded: enough for the pages 100,000 new
    /// assessments change (about 24 MiB), so that none is written to the log twice.
    /// Peak memory stays that of computing the run, whose facts are gone by then.
    static let recordingCacheKibibytes = 32 * 1024

    static let assessmentColumns = [
        "run_id", "company_id", "as_of", "status", "tier_months", "lifeline_start", "natural_end", "lifeline_end",
        "days_remaining", "runway_end", "cause_kind", "cause_release_id", "cause_provider", "cause_model",
        "cause_capability", "cause_effect", "cause_released_on",
    ]

    /// One assessment's values, in the order of `assessmentColumns`.
    static func assessmentRow(_ assessment: Assessment, runID: Int64) -> [SQLValue] {
        let outcome = assessment.outcome
        let threat = outcome.cause.threat
        return [
            .integer(runID), .integer(assessment.companyID), .text(assessment.asOf.iso), .text(outcome.status.rawValue),
            outcome.tierMonths.sqlValue, .text(outcome.lifelineStart.iso), .text(outcome.naturalEnd.iso),
            .text(outcome.lifelineEnd.iso), assessment.daysRemaining.sqlValue, outcome.runwayEnd?.iso.sqlValue ?? .null,
            .text(outcome.cause.kind.rawValue), threat?.releaseID.sqlValue ?? .null, threat?.model.provider.sqlValue ?? .null,
            threat?.model.description.sqlValue ?? .null, threat?.capability.sqlValue ?? .null,
            threat?.effect?.rawValue.sqlValue ?? .null, threat?.releasedOn.iso.sqlValue ?? .null,
        ]
    }

    /// Each selected company's latest recorded outcome as of `asOf` or earlier: one index
    /// seek per company (assessments_by_company), not a sort of the whole history.
    /// The companies table is not read: a reassessment of a thousand companies spread
    /// over the portfolio spent a third of this on their rows' pages, for nothing.
    func previousOutcomes(_ selection: CompanySelection, asOf: CivilDate) throws -> [Int64: Assessment.Outcome] {
        var outcomes: [Int64: Assessment.Outcome] = [:]
        let reader = OutcomeReader()
        let companies = selection.ids
        try database.cachedStatement(sql: """
            SELECT c.id, \(Self.outcomeColumns(of: "a")) FROM (\(companies.sql)) c
            JOIN assessments a ON a.id = (\(Self.latestAssessmentID(ofCompany: "c.id", onOrBefore: "?")))
            """).bind(companies.arguments + [.text(asOf.iso)]).forEachRow { row in
            outcomes[try row.get(0)] = try reader.outcome(from: row)
        }
        return outcomes
    }

    /// Hands each selected company's id, slug and latest recorded outcome as of `asOf` or
    /// earlier to `body`, in no particular order; with `includingNeverAssessed`, also the
    /// companies that have none, with nil. (Without it, a first run over a portfolio with
    /// no assessments reads nothing: SQLite starts from the empty table.)
    func forEachLatestOutcome(
        _ selection: CompanySelection, asOf: CivilDate, includingNeverAssessed: Bool,
        _ body: (Int64, String, Assessment.Outcome?) throws -> Void
    ) throws {
        let condition = selection.condition(on: "c.id")
        let outcomes = OutcomeReader()
        try database.cachedStatement(sql: """
            SELECT c.id, c.slug, \(Self.outcomeColumns(of: "a")) FROM companies c
            \(includingNeverAssessed ? "LEFT JOIN" : "JOIN") assessments a
                ON a.id = (\(Self.latestAssessmentID(ofCompany: "c.id", onOrBefore: "?")))
            WHERE \(condition.sql)
            """).bind([.text(asOf.iso)] + condition.arguments).forEachRow { row in
            let recorded = try row.get(2) as String? != nil
            try body(try row.get(0), try row.get(1), recorded ? try outcomes.outcome(from: row) : nil)
        }
    }

    /// The columns of the assessments table aliased `table` that `OutcomeReader` reads.
    static func outcomeColumns(of table: String) -> String {
        OutcomeReader.columns.map { table + "." + $0 }.joined(separator: ", ")
    }
}
