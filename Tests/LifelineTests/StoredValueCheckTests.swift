import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// `lifeline doctor`'s check of the values the domain reads as its own types.
@Suite("Stored values lifeline does not know")
struct StoredValueCheckTests {
    let portfolio: Portfolio
    var database: Database { portfolio.database }

    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2024-06-01")!)
        _ = try DemoPortfolio.load(into: portfolio, asOf: CivilDate(iso: "2024-06-01")!)
    }

    @Test("every checked column is in the schema, and the demo's values are all known")
    func schemaAndDemo() throws {
        for check in StoredValueCheck.all {
            let columns = try database.fetchAll(sql: "SELECT name FROM pragma_table_info(?)", arguments: [.text(check.table)]) {
                try $0.get(0) as String
            }
            #expect(columns.contains(check.column), "\(check.table).\(check.column)")
            #expect(try check.problem(in: database) == nil, "\(check.table).\(check.column)")
        }
        #expect(try ReadOnlyPortfolio(database: database).healthReport().isHealthy)
    }

    @Test("a date outside lifeline's years, or not a date, is found in any date column")
    func dates() throws {
        try database.execute(sql: "PRAGMA ignore_check_constraints = ON")
        try database.execute(sql: "UPDATE investments SET invested_on = '1850-01-01' WHERE id = 1")
        try database.execute(sql: "INSERT INTO dismissals (company_id, release_id, reason, until, recorded_at) SELECT id, 1, 'x', 20240101, '2024-01-01T00:00:00.000Z' FROM companies LIMIT 1")
        let problems = try ReadOnlyPortfolio(database: database).healthReport().problems
        #expect(problems.contains("stored value: investments.invested_on: 1 row holds a value lifeline does not know (such as '1850-01-01'); expected a date (YYYY-MM-DD)"))
        #expect(problems.contains("stored value: dismissals.until: 1 row holds a value lifeline does not know (such as '20240101'); expected a date (YYYY-MM-DD)"))
    }

    @Test("reading an unknown status is an error, not a default status")
    func readingRefuses() throws {
        try database.execute(sql: "PRAGMA ignore_check_constraints = ON")
        try database.execute(sql: "UPDATE assessments SET status = 'zombie' WHERE company_id = (SELECT id FROM companies WHERE slug = 'deckly')")
        let error = #expect(throws: SQLiteError.self) { _ = try portfolio.reports.currentAssessment("deckly") }
        #expect(error?.message.hasPrefix("assessments.status holds 'zombie'") == true)
    }

    @Test("a threat's model is read as provider/model, split at the slash; one without a slash is an error naming it")
    func causeModels() throws {
        let stored = try #require(try database.fetchOne(sql: """
            SELECT c.slug, a.cause_model FROM assessments a JOIN companies c ON c.id = a.company_id
            WHERE a.cause_model IS NOT NULL ORDER BY a.id DESC LIMIT 1
            """) { (try $0.get(0) as String, try $0.get(1) as String) })
        let latest = try database.fetchOne(sql: """
            SELECT max(id) FROM assessments WHERE company_id = (SELECT id FROM companies WHERE slug = ?)
            """, arguments: [.text(stored.0)]) { try $0.get(0) as Int64 }
        try database.execute(sql: "UPDATE assessments SET cause_model = 'lab-x/model.v2' WHERE id = ?", arguments: [.integer(latest!)])
        let read = try portfolio.reports.currentAssessment(stored.0)
        #expect(read?.outcome.cause.threat?.model == ModelReference(provider: "lab-x", model: "model.v2"))
        try database.execute(sql: "PRAGMA ignore_check_constraints = ON")
        try database.execute(sql: "UPDATE assessments SET cause_model = 'noslash' WHERE id = ?", arguments: [.integer(latest!)])
        let error = #expect(throws: SQLiteError.self) { _ = try portfolio.reports.currentAssessment(stored.0) }
        #expect(error?.message.hasPrefix("assessments.cause_model holds 'noslash', expected a model as provider/model") == true)
    }
}
