import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Recording a run's assessments many rows to a statement: however the rows are split
/// into statements, the same rows are stored.
@Suite("Recording assessments")
struct AssessmentRecordingTests {
    typealias Generated = ReassessmentPropertyTests

    /// Every recorded run and assessment, in the order recorded, as one JSON text.
    static func recorded(_ portfolio: Portfolio) throws -> String {
        let runs = try portfolio.database.fetchOne(sql: """
            SELECT json_group_array(json_array(id, trigger, as_of, warn_days, companies_assessed, changes_recorded))
            FROM (SELECT * FROM reassessment_runs ORDER BY id)
            """) { try $0.get(0) as String } ?? ""
        let assessments = try portfolio.database.fetchOne(sql: """
            SELECT json_group_array(json_array(
                id, run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end,
                days_remaining, runway_end, cause_kind, cause_release_id, cause_provider, cause_model,
                cause_capability, cause_effect, cause_released_on))
            FROM (SELECT * FROM assessments ORDER BY id)
            """) { try $0.get(0) as String } ?? ""
        return runs + "\n" + assessments
    }

    /// The plan of `seed` logged, then a full nightly run a year on, with SQLite allowing
    /// `parameterLimit` parameters a statement (nil: its default) and the engine
    /// computing `chunkSize` companies at a time (nil: the default, more than the plan's).
    static func logAndReassess(seed: UInt64, parameterLimit: Int?, chunkSize: Int? = nil) throws -> Portfolio {
        let today = CivilDate(iso: "2023-06-01")!
        let plan = Generated.Plan(seed: seed)
        let portfolio = try Generated.emptyPortfolio(today: today)
        if let parameterLimit { portfolio.database.parameterLimit = parameterLimit }
        if let chunkSize { portfolio.engineChunkSize = chunkSize }
        for company in plan.companies { try Generated.addCompany(company, to: portfolio) }
        for request in plan.releases { _ = try portfolio.catalogue.logRelease(request) }
        let nightly = try portfolio.reassessment.reassessAll(asOf: today, full: true)
        #expect(nightly.changes.isEmpty, "the releases' reassessments left every company current")
        try portfolio.database.execute(sql: "DELETE FROM assessments")
        let first = try portfolio.reassessment.reassessAll(asOf: today, full: true)
        #expect(first.changes.count == plan.companies.count, "with no assessments, every company is a change")
        return portfolio
    }

    @Test("rows split over statements of 1, 2 and 3 rows are stored as in one statement", arguments: [1, 2, 3])
    func splitRows(rowsPerStatement: Int) throws {
        let columns = Reassessment.assessmentColumns.count
        let whole = try Self.logAndReassess(seed: 7, parameterLimit: nil)
        let split = try Self.logAndReassess(seed: 7, parameterLimit: columns * rowsPerStatement + columns - 1)
        #expect(try Self.recorded(split) == (try Self.recorded(whole)))
        #expect(try whole.database.fetchOne(sql: "SELECT count(*) FROM assessments") { try $0.get(0) as Int } == 25)
    }

    @Test("computed a chunk ahead on a second thread and recorded chunk by chunk, the same rows are stored", arguments: [1, 4, 7])
    func computedAhead(chunkSize: Int) throws {
        let columns = Reassessment.assessmentColumns.count
        let inline = try Self.logAndReassess(seed: 8, parameterLimit: nil)
        let ahead = try Self.logAndReassess(seed: 8, parameterLimit: nil, chunkSize: chunkSize)
        #expect(try Self.recorded(ahead) == (try Self.recorded(inline)))
        let aheadAndSplit = try Self.logAndReassess(seed: 8, parameterLimit: columns * 3, chunkSize: chunkSize)
        #expect(try Self.recorded(aheadAndSplit) == (try Self.recorded(inline)))
    }

    @Test("a run recorded chunk by chunk counts its changes and ends after it starts")
    func runRecordedInChunks() throws {
        let portfolio = try Self.logAndReassess(seed: 9, parameterLimit: nil, chunkSize: 4)
        let run = try portfolio.database.fetchOne(sql: """
            SELECT companies_assessed, changes_recorded, finished_at >= started_at,
                (SELECT count(*) FROM assessments WHERE run_id = r.id)
            FROM reassessment_runs r ORDER BY id DESC LIMIT 1
            """) { [try $0.get(0) as Int, try $0.get(1) as Int, try $0.get(2) as Int, try $0.get(3) as Int] }
        #expect(run == [25, 25, 1, 25])
    }
}
