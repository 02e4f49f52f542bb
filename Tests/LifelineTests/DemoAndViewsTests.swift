import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// The built-in demo, checked against the essay's expected endings, and the reporting
/// views read back over it.
@Suite("The demo portfolio and the reporting views")
struct DemoAndViewsTests {
    let portfolio: Portfolio

    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2024-06-01")!)
        _ = try DemoPortfolio.load(into: portfolio, asOf: CivilDate(iso: "2024-06-01")!)
    }

    func lifeline() throws -> [String: [SQLValue]] {
        Dictionary(uniqueKeysWithValues: try portfolio.database.fetchAll(sql: """
            SELECT company, status, lifeline_end, runway_end, cause_provider, cause_model, cause_capability, cause_effect, cause_kind
            FROM v_company_lifeline
            """) { (try $0.get(0) as String, Array($0.values.dropFirst())) })
    }

    @Test("the whole release history is loaded, each row as a release dated by the history")
    func history() throws {
        let rows = Onboarding.builtInHistory().rows.count
        #expect(rows == 125)
        #expect(try portfolio.catalogue.releases().count == rows)
        #expect(try portfolio.catalogue.releases(source: .history).count == rows)
    }

    @Test("each company ends the way the essay says")
    func outcomes() throws {
        let rows = try lifeline()
        #expect(rows["papertalk"] == ["replaced", "2023-07-06", "2023-10-06", "openai", "openai/chatgpt", "file-upload", "necessity", "threat"])
        #expect(rows["quillcraft"]?.prefix(5) == ["replaced", "2022-11-30", "2023-02-28", "openai", "openai/chatgpt"])
        #expect(rows["deckly"]?.prefix(6) == ["rebuild", "2023-11-01", .null, "microsoft", "microsoft/m365-copilot", "office-integration"])
        #expect(rows["chainsmith"]?.prefix(2) == ["rebuild", "2023-06-13"])
        #expect(rows["chainsmith"]?[5] == "function-calling")
        #expect(rows["autopilot"]?.prefix(2) == ["rebuild", "2023-11-06"])
        #expect(rows["autopilot"]?[5] == "agents")
        #expect(rows["pixelforge"]?.prefix(3) == ["replaced", "2023-10-19", "2024-01-19"])
        #expect(rows["modelverse"]?.first == "elapsed")
        #expect(rows["modelverse"]?.last == "tier")
    }

    @Test("the platform stays in its tier: alive, at risk or elapsed by date")
    func platform() throws {
        let statuses = try ["2023-06-01", "2024-02-15", "2024-06-01"].map { date in
            try portfolio.reports.liveAssessment("modelverse", asOf: CivilDate(iso: date)!)?.status
        }
        #expect(statuses == [.alive, .atRisk, .elapsed])
    }

    @Test("loading the demo again adds nothing and records no change")
    func refresh() throws {
        let before = try portfolio.database.fetchOne(sql: "SELECT (SELECT count(*) FROM releases) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM investments)") { try $0.get(0) as Int }
        let again = try DemoPortfolio.load(into: portfolio, asOf: CivilDate(iso: "2024-06-01")!)
        #expect(again.changes.isEmpty)
        let after = try portfolio.database.fetchOne(sql: "SELECT (SELECT count(*) FROM releases) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM investments)") { try $0.get(0) as Int }
        #expect(before == after)
    }

    @Test("v_portfolio_status adds up companies and dollars per status")
    func portfolioStatus() throws {
        let rows = try portfolio.database.fetchAll(sql: "SELECT status, companies, invested_usd FROM v_portfolio_status") { $0.values }
        #expect(rows == [
            [.text("replaced"), .integer(3), .real(5_200_000)], [.text("rebuild"), .integer(3), .real(9_800_000)],
            [.text("elapsed"), .integer(3), .real(18_800_000)],
        ])
    }

    @Test("v_company_lifeline names each company's sector, last, as companies holds it")
    func sector() throws {
        let columns = try portfolio.database.fetchAll(sql: "SELECT name FROM pragma_table_info('v_company_lifeline')") { try $0.get(0) as String }
        #expect(columns.last == "sector")
        let sectors = try portfolio.database.fetchAll(sql: "SELECT company, sector FROM v_company_lifeline WHERE company IN ('papertalk', 'deckly') ORDER BY company") { $0.values }
        #expect(sectors == [[.text("deckly"), .text("Presentations")], [.text("papertalk"), .text("Document AI")]])
        try portfolio.database.execute(sql: "UPDATE companies SET sector = NULL WHERE slug = 'deckly'")
        #expect(try portfolio.database.fetchOne(sql: "SELECT sector FROM v_company_lifeline WHERE company = 'deckly'") { $0.values } == [.null])
    }

    @Test("v_release_impact lists each release with the lifelines it ended")
    func releaseImpact() throws {
        let rows = try portfolio.database.fetchAll(
            sql: "SELECT company, model, capability, effect, status FROM v_release_impact ORDER BY released_on, company") { $0.values.map { $0 } }
        #expect(rows.count == 6)
        #expect(rows.first == ["quillcraft", "openai/chatgpt", "chat-assistant", "necessity", "replaced"])
    }

    @Test("v_capability_firsts names the first release of each capability")
    func capabilityFirsts() throws {
        let firsts = Dictionary(uniqueKeysWithValues: try portfolio.database.fetchAll(
            sql: "SELECT capability, model, released_on FROM v_capability_firsts") { (try $0.get(0) as String, Array($0.values.dropFirst())) })
        #expect(firsts["file-upload"] == ["openai/chatgpt", "2023-07-06"])
        #expect(firsts["function-calling"] == ["openai/gpt-3.5-turbo-0613", "2023-06-13"])  // same day: the lower release id
        #expect(firsts["web-browsing"] == ["openai/chatgpt", "2023-05-12"])
        #expect(firsts["coding-agent"] == ["anthropic/claude-code", "2025-02-24"])
    }

    @Test("v_exposure_matrix and v_lifeline_history read back what was recorded")
    func matrixAndHistory() throws {
        let pixelforge = try portfolio.database.fetchAll(
            sql: "SELECT capability, effect, providers, invested_usd FROM v_exposure_matrix WHERE company = 'pixelforge'") { $0.values }
        #expect(pixelforge == [["image-generation", "necessity", "openai", .real(1_500_000)]])
        let history = try portfolio.database.fetchAll(
            sql: "SELECT company, as_of, status, trigger, rules_version FROM v_lifeline_history WHERE company = 'deckly'") { $0.values }
        #expect(history == [["deckly", "2024-06-01", "rebuild", "reassess", .integer(Int64(LifelineEngine.rulesVersion))]])
    }

    @Test("the report adds up: statuses, capital at risk, releases and whom they hit")
    func report() throws {
        let report = try portfolio.reports.report(asOf: CivilDate(iso: "2023-11-10")!, timeline: .every)
        #expect(report.companies.map(\.company.slug).prefix(2) == ["quillcraft", "chainsmith"])
        #expect(report.totalInvestedCents == 3_380_000_000)
        let deckly = report.recentReleases.first { $0.release.model.description == "microsoft/m365-copilot" }
        #expect(deckly?.hits.map(\.company) == ["deckly"])
        let fineTuning = report.recentReleases.first { $0.release.capabilities == ["fine-tuning"] }
        #expect(fineTuning?.adopters == ["chainsmith", "papertalk"])
        #expect(fineTuning?.hits.isEmpty == true)
        #expect(fineTuning?.touchesThePortfolio == true)
        // A hit is the cause of a lifeline's end, or a threat to one that runs.
        let outcomes = Dictionary(uniqueKeysWithValues: report.companies.map { ($0.company.slug, $0.assessment.outcome) })
        for item in report.recentReleases {
            for hit in item.hits { #expect(hit.status.isRunning || outcomes[hit.company]?.cause.threat == hit.threat, "\(hit)") }
        }
        #expect(report.statusSummary.map(\.status) == [.replaced, .rebuild, .atRisk, .alive])
        // Lexicon's first lifeline ends on 2023-11-15, within the warning window.
        #expect(report.capitalAtRiskCents == 1_680_000_000)
        #expect(report.companies.first { $0.company.slug == "tabulate" }?.superseded.map(\.outcome.status) == [.rebuild])
    }

    @Test("without the timeline the report keeps only the recent threats of the lifelines that run, and says the same", arguments: ["2023-08-01", "2023-11-10", "2024-06-01"])
    func reportWithoutTimeline(asOf: String) throws {
        let asOf = CivilDate(iso: asOf)!
        let full = try portfolio.reports.report(asOf: asOf, timeline: .every)
        let lean = try portfolio.reports.report(asOf: asOf, timeline: .recentOnly)
        #expect(lean.companies.map(\.company.slug) == full.companies.map(\.company.slug))
        #expect(lean.companies.map(\.assessment.outcome) == full.companies.map(\.assessment.outcome))
        let since = asOf.adding(days: -lean.recentDays)
        for (leanEntry, fullEntry) in zip(lean.companies, full.companies) {
            #expect(leanEntry.assessment.threats == (fullEntry.assessment.status.isRunning ? fullEntry.assessment.threats.filter { $0.releasedOn >= since } : []))
        }
        #expect(full.companies.contains { $0.assessment.threats.contains { $0.releasedOn < since } })
        #expect(lean.recentReleases.map(\.release.id) == full.recentReleases.map(\.release.id))
        #expect(lean.recentReleases.map { $0.hits.map(\.company) } == full.recentReleases.map { $0.hits.map(\.company) })
        #expect(lean.recentReleases.map { $0.hits.map(\.threat) } == full.recentReleases.map { $0.hits.map(\.threat) })
        #expect(lean.recentReleases.map(\.adopters) == full.recentReleases.map(\.adopters))
        #expect(lean.newestOpportunities.map(\.company) == full.newestOpportunities.map(\.company))
        #expect(lean.newestOpportunities.map(\.opportunity) == full.newestOpportunities.map(\.opportunity))
    }
}
