import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Figures as of a date use only what was true then: the views count days from the
/// latest date assessed (not from each stale assessment's own date), and money counts
/// only the investments made by the date asked for.
@Suite("Views and money as of a date")
struct AsOfViewsAndMoneyTests {
    static let june = CivilDate(iso: "2023-06-01")!

    /// PaperTalk (3 months from 2023-05-01, ends 2023-08-01) and Deckly (6 months from
    /// 2023-03-01, ends 2023-09-01), each with an investment in May and one in August.
    static func portfolio(today: CivilDate) throws -> Portfolio {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        let portfolio = Portfolio(database: database, today: today)
        for (slug, tier, since) in [("papertalk", "3", "2023-05-01"), ("deckly", "6", "2023-03-01")] {
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: tier, since: since))
            try portfolio.companies.addInvestment(
                company: slug, on: CivilDate(iso: "2023-05-10")!, amount: try USDAmount.parse("1M"), round: "Seed")
            try portfolio.companies.addInvestment(
                company: slug, on: CivilDate(iso: "2023-08-20")!, amount: try USDAmount.parse("4M"), round: "A")
        }
        return portfolio
    }

    /// The same database on another day.
    static func on(_ day: String, _ portfolio: Portfolio) -> Portfolio {
        Portfolio(database: portfolio.database, today: CivilDate(iso: day)!)
    }

    static func lifeline(_ portfolio: Portfolio) throws -> [String: [SQLValue]] {
        Dictionary(uniqueKeysWithValues: try portfolio.database.fetchAll(sql: """
            SELECT company, status, lifeline_end, days_remaining, as_of, assessment_as_of, invested_usd FROM v_company_lifeline
            """) { (try $0.get(0) as String, Array($0.values.dropFirst())) })
    }

    @Test("days remaining count from the latest date assessed, whatever date each assessment has")
    func daysNeverStale() throws {
        let portfolio = try Self.portfolio(today: Self.june)
        _ = try portfolio.reassessment.reassessAll(asOf: Self.june)
        // Three quiet nightly runs: nobody's outcome changes, so nothing new is recorded.
        for day in ["2023-06-02", "2023-06-03", "2023-06-04"] {
            #expect(try Self.on(day, portfolio).reassessment.reassessAll(asOf: CivilDate(iso: day)!).changes.isEmpty)
        }
        let rows = try Self.lifeline(portfolio)
        #expect(rows["papertalk"] == ["alive", "2023-08-01", 58, "2023-06-04", "2023-06-01", 1_000_000.0])
        #expect(rows["deckly"] == ["alive", "2023-09-01", 89, "2023-06-04", "2023-06-01", 1_000_000.0])
        // The saved query reads the view: a lifeline ending within 60 days is found.
        let endingWithin = try portfolio.database.fetchAll(
            sql: SavedQuery.named("ending-within").sql, arguments: [.integer(60)]) { try $0.get(0) as String }
        #expect(endingWithin == ["papertalk"])
    }

    @Test("before any run the view has no date, and every investment counts")
    func neverAssessed() throws {
        let portfolio = try Self.portfolio(today: Self.june)
        try portfolio.database.execute(sql: "DELETE FROM reassessment_runs")
        #expect(try Self.lifeline(portfolio)["deckly"] == [.null, .null, .null, .null, .null, 5_000_000.0])
    }

    @Test("the report and the status view count only the money invested by the as-of date")
    func moneyAsOf() throws {
        let portfolio = Self.on("2023-09-15", try Self.portfolio(today: Self.june))
        let june = try portfolio.reports.report(asOf: Self.june, timeline: .recentOnly)
        #expect(june.totalInvestedCents == 200_000_000)
        #expect(june.companies.map(\.investedCents) == [100_000_000, 100_000_000])
        let september = try portfolio.reports.report(asOf: portfolio.today, timeline: .recentOnly)
        #expect(september.totalInvestedCents == 1_000_000_000)
        #expect(try portfolio.reports.companyListings(asOf: Self.june).map(\.summary.totalInvestedCents) == [100_000_000, 100_000_000])

        _ = try Self.on("2023-07-15", portfolio).reassessment.reassessAll(asOf: CivilDate(iso: "2023-07-15")!)
        let statuses = try portfolio.database.fetchAll(sql: "SELECT status, invested_usd FROM v_portfolio_status") { $0.values }
        #expect(statuses == [["at-risk", 1_000_000.0], ["alive", 1_000_000.0]])
    }

    @Test("a what-if counts the money invested by its as-of date")
    func whatIfMoney() throws {
        let portfolio = try Self.portfolio(today: CivilDate(iso: "2023-09-15")!)
        try portfolio.companies.setExposure(company: "papertalk", capability: "file-upload", effect: .necessity, providers: [])
        _ = try portfolio.catalogue.addProvider(slug: "openai", name: nil)
        let model = ModelReference(provider: "openai", model: "chatgpt")
        let before = try portfolio.reports.whatIf(model: model, capabilities: ["file-upload"], on: Self.june, asOf: Self.june)
        #expect(before.map(\.investedCents) == [100_000_000])
    }

    @Test("migration 0007 on a database the previous release built: history kept, the view's days counted anew")
    func migrationFromTheRelease() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(6))).migrate(database)
        try database.executeScript(sql: AssessmentsRebuildTests.facts + AssessmentsRebuildTests.history + """
            INSERT INTO reassessment_runs (id, trigger, as_of, warn_days, rules_version, started_at, finished_at, companies_assessed, changes_recorded)
                VALUES (3, 'reassess', '2023-07-20', 30, 1, '2023-06-01T00:00:00.000Z', '2023-06-01T00:00:01.000Z', 2, 0);
            INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-05-02', 150000000), (1, '2023-09-01', 5);
            """)
        let before = try database.fetchAll(sql: "SELECT days_remaining, as_of FROM v_company_lifeline ORDER BY company") { $0.values }
        #expect(before == [[44, "2023-06-01"], [0, "2023-07-06"]])
        let assessments = try database.fetchAll(sql: "SELECT * FROM assessments ORDER BY id") { $0.values }

        #expect(try Schema.migrator().migrate(database).map(\.version) == Array(7...Schema.migrations.count))
        #expect(try database.fetchAll(sql: "SELECT * FROM assessments ORDER BY id") { $0.values } == assessments)
        let after = try database.fetchAll(sql: """
            SELECT company, status, days_remaining, as_of, assessment_as_of, invested_usd FROM v_company_lifeline ORDER BY company
            """) { $0.values }
        #expect(after == [
            ["deckly", "at-risk", -5, "2023-07-20", "2023-06-01", 0.0],
            ["papertalk", "replaced", -14, "2023-07-20", "2023-07-06", 1_500_000.0],
        ])
    }
}
