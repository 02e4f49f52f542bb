import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Where each release's date comes from (issue 19, item 5): a person, a catalogue's own
/// date, the day a catalogue snapshot showed something new, or the sourced history.
@Suite("Release date basis")
struct ReleaseDateBasisTests {
    static let today = CivilDate(iso: "2024-07-01")!

    static func portfolio(migrations: Int? = nil) throws -> Portfolio {
        let database = try Database(path: Database.inMemoryPath)
        try Migrator(migrations: Array(Schema.migrations.prefix(migrations ?? Schema.migrations.count))).migrate(database)
        return Portfolio(database: database, today: today)
    }

    static func bases(_ portfolio: Portfolio) throws -> [String] {
        try portfolio.database.fetchAll(sql: """
            SELECT m.slug || ' ' || r.kind || ' ' || r.date_basis FROM releases r JOIN models m ON m.id = r.model_id ORDER BY r.id
            """) { try $0.get(0) as String }
    }

    /// A catalogue with a dated model, a month-dated one, an undated one, and one LiteLLM
    /// lists as deprecated.
    static func catalogue(toolCallOnDated: Bool = false) -> Catalogue {
        func model(_ id: String, _ date: CatalogueDate, flags: Set<String> = [], deprecation: CivilDate? = nil, updated: String? = nil) -> CatalogueModel {
            CatalogueModel(
                path: "$.acme.models.\(id)", providerID: "acme", providerName: "Acme", modelID: id, name: nil, releaseDate: date,
                lastUpdated: updated.flatMap(CivilDate.init(iso:)), flags: flags, deprecation: deprecation)
        }
        return Catalogue(name: "models.dev", fileName: "api.json", models: [
            model("dated", .day(CivilDate(iso: "2024-03-01")!), flags: toolCallOnDated ? ["tool_call"] : [], updated: "2024-05-01"),
            model("monthly", .month(CivilDate(iso: "2024-02-01")!)),
            model("undated", .unknown),
            model("old", .day(CivilDate(iso: "2023-01-10")!), deprecation: CivilDate(iso: "2024-06-30")!),
        ], problems: [])
    }

    @Test("the imports and release log record where each date comes from")
    func recorded() throws {
        let portfolio = try Self.portfolio()
        _ = try portfolio.onboarding.importCatalogue(Self.catalogue(), asOf: Self.today)
        _ = try portfolio.onboarding.importCatalogue(Self.catalogue(toolCallOnDated: true), asOf: Self.today)
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "acme", model: "dated"), releasedOn: CivilDate(iso: "2024-06-01")!,
            capabilities: ["vision"]))
        #expect(try Self.bases(portfolio) == [
            "dated launch catalogue-release-date", "monthly launch catalogue-release-date", "old launch catalogue-release-date",
            "old retirement catalogue-deprecation-date", "undated launch catalogue-diff", "dated capability catalogue-diff",
            "dated capability logged",
        ])
        try portfolio.database.execute(sql: """
            INSERT INTO releases (model_id, kind, released_on, source, date_basis)
            VALUES (1, 'capability', '2024-06-15', 'https://example.com/launch', 'history')
            """)
        let ids = { (source: Release.Source) in try portfolio.catalogue.releases(source: source).map(\.id).sorted() }
        #expect(try ids(.logged) == [7])
        #expect(try ids(.imported) == [1, 2, 3, 4, 5, 6])
        #expect(try ids(.history) == [8])
        let listed = try portfolio.catalogue.releases().map { "\($0.model.model) \($0.dateBasis.rawValue)" }
        #expect(listed.contains("undated catalogue-diff"))
        #expect(try portfolio.catalogue.release(id: 7).dateBasis == .logged)
    }

    @Test("migration 0017 reads the releases already recorded as the imports wrote them")
    func migration() throws {
        let portfolio = try Self.portfolio(migrations: 16)
        try portfolio.database.executeScript(sql: """
            INSERT INTO providers (slug, name) VALUES ('acme', 'Acme');
            INSERT INTO models (provider_id, slug, name, kind) VALUES (1, 'm', 'M', 'api');
            INSERT INTO releases (model_id, kind, released_on, note, source) VALUES
                (1, 'launch', '2024-01-01', NULL, 'import: models.dev api.json'),
                (1, 'launch', '2024-02-01', 'models.dev gives only the month (2024-02); dated the 1st', 'import: models.dev api.json'),
                (1, 'launch', '2024-03-01', 'LiteLLM gives no release date; dated the day of the import', 'import: LiteLLM prices.json'),
                (1, 'capability', '2024-04-01', 'models.dev now lists vision for this model', 'import: models.dev api.json'),
                (1, 'retirement', '2024-05-01', 'LiteLLM lists it as deprecated on 2024-05-01', 'import: LiteLLM prices.json'),
                (1, 'capability', '2024-06-01', NULL, 'https://example.com/post'),
                (1, 'launch', '2024-06-02', 'typed by hand', NULL);
            """)
        _ = try Schema.migrator().migrate(portfolio.database)
        let expected = [
            "m launch catalogue-release-date", "m launch catalogue-release-date", "m launch catalogue-diff", "m capability catalogue-diff",
            "m retirement catalogue-deprecation-date", "m capability logged", "m launch logged",
        ]
        #expect(try Self.bases(portfolio) == expected)
        // A restore of an export made before the column reads them the same way.
        let inferred = try portfolio.catalogue.releases().map {
            "m \($0.kind.rawValue) " + Release.DateBasis.inferred(kind: $0.kind, source: $0.source, note: $0.note).rawValue
        }
        #expect(inferred == expected)
    }

    @Test("the schema refuses a basis it does not know")
    func refused() throws {
        let portfolio = try Self.portfolio()
        _ = try portfolio.catalogue.addProvider(slug: "acme", name: nil)
        #expect(throws: (any Error).self) {
            try portfolio.database.executeScript(sql: """
                INSERT INTO models (provider_id, slug, name, kind) VALUES (1, 'm', 'M', 'api');
                INSERT INTO releases (model_id, kind, released_on, date_basis) VALUES (1, 'launch', '2024-01-01', 'guess');
                """)
        }
    }
}
