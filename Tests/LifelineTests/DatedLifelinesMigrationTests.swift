import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Migration 0010 on a database the previous release built (migrations 1 to 9): its
/// rebuilds become earlier lifelines with the company's exposures and dependencies, how
/// each began and its note are kept, every recorded assessment stays, and a backtest
/// then uses the lifeline in force.
@Suite("Dated lifelines: migration from the previous release")
struct DatedLifelinesMigrationTests {
    /// Deck of the trial: tier 6 from 2023-03-01, exposed to office integration, ended by
    /// a release on 2023-06-01, rebuilt on 2024-06-01 (twice: first to 2024-01-10).
    static let previousRelease = """
        INSERT INTO providers (id, slug, name) VALUES (1, 'microsoft', 'Microsoft');
        INSERT INTO models (id, provider_id, slug, name, kind) VALUES (1, 1, 'copilot', 'Copilot', 'product');
        INSERT INTO companies (id, slug, name, tier_months, lifeline_start, runway_months) VALUES (1, 'deck', 'Deck', 6, '2024-06-01', 4);
        INSERT INTO companies (id, slug, name, tier_months, lifeline_start) VALUES (2, 'plain', 'Plain', 3, '2023-01-01');
        INSERT INTO dependencies (company_id, model_id) VALUES (1, 1);
        INSERT INTO exposures (id, company_id, capability_id, effect)
            SELECT 1, 1, id, 'advantage' FROM capabilities WHERE slug = 'office-integration';
        INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (1, 1);
        INSERT INTO rebuilds (company_id, previous_start, previous_tier_months, rebuilt_on, tier_months, note, recorded_at) VALUES
            (1, '2023-03-01', 6, '2024-01-10', 3, 'First try', '2024-01-10T00:00:00Z'),
            (1, '2024-01-10', 3, '2024-06-01', 6, 'On Copilot', '2024-06-01T00:00:00Z');
        INSERT INTO releases (id, model_id, kind, released_on) VALUES (1, 1, 'launch', '2023-06-01');
        INSERT INTO release_capabilities (release_id, capability_id) SELECT 1, id FROM capabilities WHERE slug = 'office-integration';
        INSERT INTO reassessment_runs (id, trigger, as_of, warn_days, rules_version, started_at, finished_at, companies_assessed, changes_recorded)
            VALUES (1, 'reassess', '2023-07-01', 30, 1, '2023-06-01T00:00:00.000Z', '2023-06-01T00:00:01.000Z', 2, 2);
        INSERT INTO assessments (run_id, company_id, as_of, status, tier_months, lifeline_start, natural_end, lifeline_end,
            days_remaining, cause_kind, cause_release_id, cause_provider, cause_model, cause_capability, cause_effect, cause_released_on)
            VALUES (1, 1, '2023-07-01', 'rebuild', 6, '2023-03-01', '2023-09-01', '2023-06-01', -30, 'threat', 1, 'microsoft',
                    'microsoft/copilot', 'office-integration', 'advantage', '2023-06-01');
        INSERT INTO assessment_state (id, current_since, latest_as_of, warn_days, rules_version) VALUES (1, '2023-07-01', '2023-07-01', 30, 1)
            ON CONFLICT (id) DO UPDATE SET current_since = excluded.current_since, latest_as_of = excluded.latest_as_of,
                warn_days = excluded.warn_days, rules_version = excluded.rules_version;
        """

    /// A row as text, NULL as "NULL".
    static func text(_ row: Row) throws -> [String] {
        try row.values.map { value in
            switch value {
            case .null: "NULL"
            case .integer(let number): String(number)
            case .text(let text): text
            default: throw LifelineError(.software, "unexpected \(value)")
            }
        }
    }

    static func migrated() throws -> Database {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(9))).migrate(database)
        try database.executeScript(sql: previousRelease)
        return database
    }

    @Test("rebuilds become earlier lifelines with the company's links; assessments stay; the state is forgotten")
    func rebuildsBecomeLifelines() throws {
        let database = try Self.migrated()
        let assessments = try database.fetchAll(sql: "SELECT * FROM assessments ORDER BY id") { $0.values }
        #expect(try Schema.migrator().migrate(database).map(\.version) == Array(10...Schema.migrations.count))
        #expect(try database.fetchAll(sql: "SELECT * FROM assessments ORDER BY id") { $0.values } == assessments)
        let lifelines = try database.fetchAll(sql: """
            SELECT company, starts_on, tier_months, runway_months, began, note, next_began_on, is_current FROM v_lifelines ORDER BY company, starts_on
            """, Self.text)
        #expect(lifelines == [
            ["deck", "2023-03-01", "6", "4", "added", "NULL", "2024-01-10", "0"],
            ["deck", "2024-01-10", "3", "4", "rebuilt", "First try", "2024-06-01", "0"],
            ["deck", "2024-06-01", "6", "4", "rebuilt", "On Copilot", "NULL", "1"],
            ["plain", "2023-01-01", "3", "3", "added", "NULL", "NULL", "1"],
        ])
        let links = try database.fetchOne(sql: """
            SELECT (SELECT count(*) FROM earlier_lifeline_exposures), (SELECT count(*) FROM earlier_lifeline_exposure_providers),
                (SELECT count(*) FROM earlier_lifeline_dependencies), (SELECT count(*) FROM sqlite_schema WHERE name = 'rebuilds'),
                (SELECT current_since IS NULL FROM assessment_state)
            """, Self.text)
        #expect(links == ["2", "2", "2", "0", "1"])
    }

    @Test("after it, a backtest uses the lifeline in force then: rebuild since the threat, with money and membership as of the date")
    func backtestAfterMigration() throws {
        let database = try Self.migrated()
        try Schema.migrator().migrate(database)
        let portfolio = Portfolio(database: database, today: CivilDate(iso: "2024-07-01")!)
        let past = try #require(try portfolio.reports.liveAssessment("deck", asOf: CivilDate(iso: "2023-12-01")!))
        #expect(past.status == .rebuild)
        #expect(past.outcome.lifelineStart == CivilDate(iso: "2023-03-01"))
        #expect(past.outcome.cause.threat?.releaseID == 1)
        let now = try #require(try portfolio.reports.liveAssessment("deck", asOf: CivilDate(iso: "2024-07-01")!))
        #expect(now.status == .alive)
        #expect(try portfolio.reports.liveAssessment("deck", asOf: CivilDate(iso: "2023-02-28")!) == nil)
        #expect(try portfolio.reports.companyListings(asOf: CivilDate(iso: "2022-12-31")!).isEmpty)
        #expect(try portfolio.reports.companyListings(asOf: CivilDate(iso: "2023-02-01")!).map(\.summary.company.slug) == ["plain"])
    }
}
