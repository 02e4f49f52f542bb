import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Several exposures of a company to one capability, with disjoint provider scopes
/// (issue 25, item 7): how `company expose` and `unexpose` edit them, the schema's guard,
/// the copy kept by a rebuild, the threats view, and migration 0013.
@Suite("Exposures per provider")
struct ExposuresPerProviderTests {
    let portfolio: Portfolio

    /// clicky (6 months from 2024-06-01) builds on claude; computer-use shipped by
    /// anthropic on 2024-10-22 and by openai on 2025-01-23.
    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2025-02-01")!)
        for provider in ["openai", "anthropic", "google"] { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in ["anthropic/claude", "openai/operator", "google/gemini"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        _ = try portfolio.companies.addCompany(slug: "clicky", fields: CompanyFields(tier: "6", since: "2024-06-01"))
        for (model, on) in [("anthropic/claude", "2024-10-22"), ("openai/operator", "2025-01-23")] {
            _ = try portfolio.catalogue.logRelease(ReleaseRequest(
                model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: on)!, capabilities: ["computer-use"]))
        }
    }

    func expose(_ effect: Effect, _ providers: [String] = []) throws -> ExposureChange {
        try portfolio.companies.setExposure(company: "clicky", capability: "computer-use", effect: effect, providers: providers).value
    }

    func cells() throws -> [String] {
        try portfolio.companies.companyDetail("clicky").exposures.map(\.cell)
    }

    func cause(asOf: String = "2025-02-01") throws -> String? {
        try portfolio.reports.companyPicture("clicky", asOf: CivilDate(iso: asOf)!).assessment?.outcome.cause.threat
            .map { "\($0.model) \($0.effect?.rawValue ?? "")" }
    }

    @Test("an advantage threat from anthropic and a necessity threat from everyone else: each release meets its own")
    func splitByProvider() throws {
        _ = try expose(.advantage, ["anthropic"])
        let change = try expose(.necessity)
        #expect(change.isNew && change.scopeText == "any other provider")
        #expect(try cells() == ["computer-use:advantage@anthropic", "computer-use:necessity"])
        #expect(try cause() == "anthropic/claude advantage")
        let threats = try portfolio.reports.threats(of: "clicky").map { "\($0.model) \($0.effect?.rawValue ?? "")" }
        #expect(threats == ["anthropic/claude advantage", "openai/operator necessity"])
    }

    @Test("the same providers again change the effect; a provider named again moves to the new exposure")
    func exposeAgain() throws {
        _ = try expose(.advantage, ["anthropic", "google"])
        let same = try expose(.necessity, ["google", "anthropic"])
        #expect(!same.isNew && same.movedProviders.isEmpty)
        #expect(try cells() == ["computer-use:necessity@anthropic+google"])
        let moved = try expose(.advantage, ["anthropic", "openai"])
        #expect(moved.isNew && moved.movedProviders == ["anthropic"])
        #expect(try cells() == ["computer-use:necessity@google", "computer-use:advantage@anthropic+openai"])
        #expect(try expose(.necessity, ["google", "openai"]).movedProviders == ["google", "openai"])
        #expect(try cells() == ["computer-use:advantage@anthropic", "computer-use:necessity@google+openai"], "the emptied exposure goes")
        #expect(try !expose(.necessity, ["anthropic"]).isNew)
        #expect(try cells() == ["computer-use:necessity@anthropic", "computer-use:necessity@google+openai"])
    }

    @Test("unexpose takes all, some providers, or the exposure for any other provider; a wrong one changes nothing")
    func unexpose() throws {
        _ = try expose(.advantage, ["anthropic", "google"])
        _ = try expose(.necessity)
        let companies = portfolio.companies
        try companies.removeExposure(company: "clicky", capability: "computer-use", scope: .providers(["google"]))
        #expect(try cells() == ["computer-use:advantage@anthropic", "computer-use:necessity"])
        let missing = #expect(throws: LifelineError.self) {
            try companies.removeExposure(company: "clicky", capability: "computer-use", scope: .providers(["openai"]))
        }
        #expect(missing?.message == """
            'clicky' has no exposure to 'computer-use' that names 'openai'; its exposures of it: \
            computer-use:advantage@anthropic, computer-use:necessity
            """)
        try companies.removeExposure(company: "clicky", capability: "computer-use", scope: .anyOtherProvider)
        #expect(try cells() == ["computer-use:advantage@anthropic"])
        let noAny = #expect(throws: LifelineError.self) {
            try companies.removeExposure(company: "clicky", capability: "computer-use", scope: .anyOtherProvider)
        }
        #expect(noAny?.message.hasPrefix("'clicky' has no exposure to 'computer-use' for any provider") == true)
        try companies.removeExposure(company: "clicky", capability: "computer-use", scope: .providers(["anthropic"]))
        #expect(try cells().isEmpty)
        _ = try expose(.advantage, ["anthropic"])
        _ = try expose(.necessity, ["openai"])
        try companies.removeExposure(company: "clicky", capability: "computer-use")
        #expect(try cells().isEmpty)
    }

    @Test("links given at once must not overlap: nothing of the company is written")
    func overlappingLinksRefused() throws {
        var links = CompanyLinks()
        links.exposures = [try Exposure(cell: "computer-use:advantage@anthropic"), try Exposure(cell: "computer-use:necessity@anthropic+openai")]
        let error = #expect(throws: LifelineError.self) {
            try portfolio.companies.addCompany(slug: "other", fields: CompanyFields(tier: "3", since: "2024-06-01"), links: links)
        }
        #expect(error?.message.hasPrefix("computer-use names 'anthropic' in two exposures") == true)
        #expect(try portfolio.companies.companyExists("other") == false)
    }

    @Test("the schema keeps scopes disjoint, by hand too")
    func triggerRefusesOverlap() throws {
        _ = try expose(.advantage, ["anthropic"])
        _ = try expose(.necessity, ["openai"])
        let error = #expect(throws: SQLiteError.self) {
            try portfolio.database.execute(sql: """
                INSERT INTO exposure_providers (exposure_id, provider_id)
                SELECT e.id, p.id FROM exposures e, providers p WHERE e.effect = 'necessity' AND p.slug = 'anthropic'
                """)
        }
        #expect(error?.message.contains("only one exposure of a company to a capability") == true)
    }

    @Test("a rebuild keeps each exposure with its own scope, and the earlier lifeline is assessed by them")
    func rebuildKeepsScopes() throws {
        _ = try expose(.advantage, ["anthropic"])
        _ = try expose(.necessity)
        _ = try portfolio.companies.rebuildCompany(slug: "clicky", on: CivilDate(iso: "2024-12-01")!, tier: nil, note: nil)
        let kept = try portfolio.database.fetchAll(sql: """
            SELECT k.slug || ':' || e.effect || coalesce('@' || (SELECT group_concat(p.slug, '+') FROM earlier_lifeline_exposure_providers ep
                JOIN providers p ON p.id = ep.provider_id WHERE ep.exposure_id = e.id), '')
            FROM earlier_lifeline_exposures e JOIN capabilities k ON k.id = e.capability_id ORDER BY e.id
            """) { try $0.get(0) as String }
        #expect(kept == ["computer-use:advantage@anthropic", "computer-use:necessity"])
        #expect(try cause(asOf: "2024-11-01") == "anthropic/claude advantage")
    }

    @Test("migration 0013 keeps every exposure, its id and its providers, current and earlier, with the triggers")
    func migrationKeepsExposures() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(12))).migrate(database)
        try database.executeScript(sql: """
            INSERT INTO providers (id, slug, name) VALUES (1, 'microsoft', 'Microsoft'), (2, 'openai', 'OpenAI');
            INSERT INTO companies (id, slug, name, tier_months, lifeline_start) VALUES (1, 'deck', 'Deck', 6, '2024-06-01');
            INSERT INTO earlier_lifelines (id, company_id, starts_on, tier_months, runway_months, began, superseded_at)
                VALUES (1, 1, '2023-06-01', 3, 3, 'added', '2024-06-01T00:00:00.000Z');
            INSERT INTO exposures (id, company_id, capability_id, effect)
                SELECT 7, 1, id, 'advantage' FROM capabilities WHERE slug = 'office-integration';
            INSERT INTO exposures (id, company_id, capability_id, effect) SELECT 9, 1, id, 'necessity' FROM capabilities WHERE slug = 'vision';
            INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (7, 1), (7, 2);
            INSERT INTO earlier_lifeline_exposures (id, lifeline_id, capability_id, effect)
                SELECT 4, 1, id, 'advantage' FROM capabilities WHERE slug = 'office-integration';
            INSERT INTO earlier_lifeline_exposure_providers (exposure_id, provider_id) VALUES (4, 1);
            INSERT INTO assessment_state (id, current_since, latest_as_of, warn_days, rules_version) VALUES (1, '2024-06-01', '2024-06-01', 30, 2)
                ON CONFLICT (id) DO UPDATE SET current_since = excluded.current_since, latest_as_of = excluded.latest_as_of,
                    warn_days = excluded.warn_days, rules_version = excluded.rules_version;
            """)
        let rows = { (sql: String) in try database.fetchAll(sql: sql) { $0.values } }
        let current = "SELECT e.id, e.capability_id, e.effect, ep.provider_id FROM exposures e LEFT JOIN exposure_providers ep ON ep.exposure_id = e.id ORDER BY 1, 4"
        let earlier = """
            SELECT e.id, e.lifeline_id, e.effect, ep.provider_id FROM earlier_lifeline_exposures e
            LEFT JOIN earlier_lifeline_exposure_providers ep ON ep.exposure_id = e.id ORDER BY 1, 4
            """
        let before = (try rows(current), try rows(earlier))
        #expect(try Schema.migrator().migrate(database).map(\.version).first == 13)
        #expect(try rows(current) == before.0 && rows(earlier) == before.1)
        #expect(before.0.count == 3 && before.1.count == 1)
        #expect(try database.fetchAll(sql: "PRAGMA foreign_key_check") { _ in () }.isEmpty)
        // A second exposure to office-integration, for the providers the first does not name.
        try database.execute(sql: "INSERT INTO exposures (company_id, capability_id, effect) SELECT 1, capability_id, 'necessity' FROM exposures WHERE id = 7")
        #expect(try database.fetchOne(sql: "SELECT current_since FROM assessment_state") { try $0.get(0) as String? } == .some(nil))
        #expect(throws: SQLiteError.self) {
            try database.execute(sql: "INSERT INTO exposure_providers (exposure_id, provider_id) SELECT max(id), 2 FROM exposures")
        }
        try database.execute(sql: "DELETE FROM companies")
        #expect(try rows("SELECT * FROM exposure_providers UNION ALL SELECT * FROM earlier_lifeline_exposure_providers").isEmpty, "cascades still hold")
    }
}
