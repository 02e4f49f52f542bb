import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Migration 0005 rebuilds the assessments table (its IN-list checks written as ORs):
/// a database with history must come through whole, and the new table must refuse
/// what the old one refused.
@Suite("Migration 0005: the assessments table rebuilt")
struct AssessmentsRebuildTests {
    static let facts = """
        INSERT INTO providers (id, slug, name) VALUES (1, 'openai', 'OpenAI');
        INSERT INTO models (id, provider_id, slug, name) VALUES (1, 1, 'chatgpt', 'ChatGPT');
        INSERT INTO companies (id, slug, name, tier_months, lifeline_start) VALUES (1, 'papertalk', 'PaperTalk', 3, '2023-05-01');
        INSERT INTO companies (id, slug, name, tier_months, lifeline_start) VALUES (2, 'deckly', 'Deckly', 6, '2023-01-15');
        INSERT INTO releases (id, model_id, kind, released_on) VALUES (1, 1, 'capability', '2023-07-06');
        INSERT INTO release_capabilities (release_id, capability_id) SELECT 1, id FROM capabilities WHERE slug = 'file-upload';
        INSERT INTO reassessment_runs (id, trigger, as_of, warn_days, rules_version, started_at, finished_at, companies_assessed, changes_recorded)
            VALUES (1, 'reassess', '2023-06-01', 30, 1, '2023-06-01T00:00:00.000Z', '2023-06-01T00:00:01.000Z', 2, 2), (2, 'reassess', '2023-07-06', 30, 1, '2023-06-01T00:00:00.000Z', '2023-06-01T00:00:01.000Z', 2, 1);
        """

    static let history = """
        INSERT INTO assessments (run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end,
            days_remaining, cause_kind) VALUES
            (1, 1, '2023-06-01', 'alive', 3, '2023-05-01', '2023-08-01', '2023-08-01', 61, 'tier'),
            (1, 2, '2023-06-01', 'at-risk', 6, '2023-01-15', '2023-07-15', '2023-07-15', 44, 'tier');
        INSERT INTO assessments (run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end,
            days_remaining, runway_end, cause_kind, cause_release_id, cause_provider, cause_model, cause_capability, cause_effect,
            cause_released_on) VALUES
            (2, 1, '2023-07-06', 'replaced', 3, '2023-05-01', '2023-08-01', '2023-07-06', 0, '2023-10-06', 'threat', 1, 'openai',
             'openai/chatgpt', 'file-upload', 'necessity', '2023-07-06');
        """

    static func rows(_ sql: String, in database: Database) throws -> [[SQLValue]] {
        try database.fetchAll(sql: sql) { $0.values }
    }

    @Test("a database with assessments comes through whole, views included")
    func keepsHistory() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(4))).migrate(database)
        try database.executeScript(sql: Self.facts + Self.history)
        let assessments = try Self.rows("SELECT * FROM assessments ORDER BY id", in: database)
        let lifelines = try Self.rows("SELECT * FROM v_company_lifeline ORDER BY company", in: database)
        let history = try Self.rows("SELECT * FROM v_lifeline_history ORDER BY company, as_of", in: database)
        #expect(assessments.count == 3)

        #expect(try Migrator(migrations: Array(Schema.migrations.prefix(6))).migrate(database).map(\.version).first == 5)
        #expect(try Self.rows("SELECT * FROM assessments ORDER BY id", in: database) == assessments)
        #expect(try Self.rows("SELECT * FROM v_company_lifeline ORDER BY company", in: database) == lifelines)
        #expect(try Self.rows("SELECT * FROM v_lifeline_history ORDER BY company, as_of", in: database) == history)
        let indexes = try database.fetchAll(sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assessments' ORDER BY name") {
            try $0.get(0) as String
        }
        #expect(indexes == ["assessments_by_cause", "assessments_by_company", "assessments_by_end", "sqlite_autoindex_assessments_1"])
        #expect(try database.fetchOne(sql: "SELECT current_since FROM assessment_state") { try $0.get(0) as String? } == .some(nil))
        #expect(try database.foreignKeyViolations().isEmpty)
        // Removing a company still takes its assessments with it.
        try database.execute(sql: "DELETE FROM companies WHERE id = 2")
        #expect(try database.fetchOne(sql: "SELECT count(*) FROM assessments") { try $0.get(0) as Int } == 2)
    }

    static let valid = (
        columns: "run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end, days_remaining, runway_end, cause_kind, cause_model, cause_capability, cause_effect",
        values: ["1", "1", "'2023-06-01'", "'alive'", "3", "'2023-05-01'", "'2023-08-01'", "'2023-08-01'", "61", "NULL", "'tier'", "NULL", "NULL", "NULL"])

    @Test("the rebuilt table refuses what the old one refused", arguments: [
        (3, "'living'"), (4, "5"), (2, "'2023-06-31'"), (7, "'2023-8-01'"), (10, "'threat'"), (13, "'luxury'"),
        (9, "'2023-09-01'"), (3, "'replaced'"), (10, "'ended'"),
    ])
    func refusesBadRows(column: Int, value: String) throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        try database.executeScript(sql: Self.facts)
        var values = Self.valid.values
        values[column] = value
        let insert = "INSERT INTO assessments (\(Self.valid.columns)) VALUES (\(values.joined(separator: ", ")))"
        #expect(throws: SQLiteError.self, "\(insert)") { try database.execute(sql: insert) }
        #expect(throws: Never.self) {
            try database.execute(sql: "INSERT INTO assessments (\(Self.valid.columns)) VALUES (\(Self.valid.values.joined(separator: ", ")))")
        }
    }
}
