import LifelineStorage

/// Loading the engine's inputs from the database, in bulk: a few queries for any number
/// of companies, never one query per company.
extension Portfolio {
    /// Which companies to load: all, or those with these ids.
    enum CompanySelection {
        case all
        case ids(Set<Int64>)

        /// A condition on `column` and its argument. Ids travel as one JSON array
        /// (`json_each`), so the statement text is the same for any number of them.
        func condition(on column: String) -> (sql: String, arguments: [SQLValue]) {
            switch self {
            case .all:
                return ("1", [])
            case .ids(let ids):
                let list = "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
                return ("\(column) IN (SELECT value FROM json_each(?))", [.text(list)])
            }
        }
    }

    /// The facts of the selected companies, by id order.
    func companyFacts(_ selection: CompanySelection) throws -> [CompanyFacts] {
        let companies = selection.condition(on: "id")
        let exposures = selection.condition(on: "e.company_id")
        let dependencies = selection.condition(on: "d.company_id")
        let dismissals = selection.condition(on: "company_id")

        var exposuresByCompany: [Int64: [ExposureFact]] = [:]
        try database.cachedStatement(sql: """
            SELECT e.company_id, k.slug, e.effect,
                (SELECT group_concat(p.slug, ',') FROM exposure_providers ep JOIN providers p ON p.id = ep.provider_id
                 WHERE ep.exposure_id = e.id)
            FROM exposures e JOIN capabilities k ON k.id = e.capability_id WHERE \(exposures.sql)
            """).bind(exposures.arguments).forEachRow { row in
            let providers = (try row.get(3) as String?).map { Set($0.split(separator: ",").map(String.init)) } ?? []
            exposuresByCompany[try row.get(0), default: []].append(
                ExposureFact(capability: try row.get(1), effect: Effect(rawValue: try row.get(2)) ?? .advantage, providers: providers))
        }
        var dependenciesByCompany: [Int64: Set<ModelReference>] = [:]
        try database.cachedStatement(sql: """
            SELECT d.company_id, p.slug, m.slug FROM dependencies d JOIN models m ON m.id = d.model_id
            JOIN providers p ON p.id = m.provider_id WHERE \(dependencies.sql)
            """).bind(dependencies.arguments).forEachRow { row in
            dependenciesByCompany[try row.get(0), default: []].insert(ModelReference(provider: try row.get(1), model: try row.get(2)))
        }
        var dismissalsByCompany: [Int64: [DismissalFact]] = [:]
        try database.cachedStatement(sql: "SELECT company_id, release_id, until FROM dismissals WHERE \(dismissals.sql)")
            .bind(dismissals.arguments).forEachRow { row in
                dismissalsByCompany[try row.get(0), default: []].append(
                    DismissalFact(releaseID: try row.get(1), until: try Self.optionalDate(row, 2)))
            }
        return try database.cachedStatement(sql: """
            SELECT id, slug, tier_months, lifeline_start, runway_months FROM companies WHERE \(companies.sql) ORDER BY id
            """).bind(companies.arguments).fetchAll { row in
            let id: Int64 = try row.get(0)
            return CompanyFacts(
                id: id, slug: try row.get(1), tier: Company.Tier(rawValue: try row.get(2)) ?? .sixMonths,
                lifelineStart: try Self.date(row, 3), runwayMonths: try row.get(4),
                exposures: (exposuresByCompany[id] ?? []).sorted { $0.capability < $1.capability },
                dependencies: dependenciesByCompany[id] ?? [], dismissals: dismissalsByCompany[id] ?? [])
        }
    }

    /// Releases, with an index by capability and by model so that each company is
    /// matched only against the releases that can concern it.
    struct ReleaseIndex {
        let byCapability: [String: [ReleaseFact]]
        let byModel: [ModelReference: [ReleaseFact]]

        init(_ releases: [ReleaseFact]) {
            var byCapability: [String: [ReleaseFact]] = [:]
            var byModel: [ModelReference: [ReleaseFact]] = [:]
            for release in releases {
                byModel[release.model, default: []].append(release)
                for capability in release.capabilities { byCapability[capability, default: []].append(release) }
            }
            self.byCapability = byCapability
            self.byModel = byModel
        }

        /// The releases that can concern `company`: those shipping a capability it is
        /// exposed to, and those on a model it depends on (opportunities, retirements).
        func releases(concerning company: CompanyFacts) -> [ReleaseFact] {
            var seen = Set<Int64>()
            var result: [ReleaseFact] = []
            let candidates = company.exposures.flatMap { byCapability[$0.capability] ?? [] }
                + company.dependencies.flatMap { byModel[$0] ?? [] }
            for release in candidates where seen.insert(release.id).inserted { result.append(release) }
            return result
        }
    }

    /// The releases that can concern the given companies (all releases for `.all`).
    func releaseFacts(concerning companies: [CompanyFacts], selection: CompanySelection) throws -> [ReleaseFact] {
        var condition = "1"
        var arguments: [SQLValue] = []
        if case .ids = selection {
            let capabilities = Set(companies.flatMap { $0.exposures.map(\.capability) }).sorted()
            let models = Set(companies.flatMap(\.dependencies)).map(\.description).sorted()
            condition = """
                r.id IN (SELECT x.release_id FROM release_capabilities x JOIN capabilities k ON k.id = x.capability_id
                         WHERE k.slug IN (SELECT value FROM json_each(?1)))
                OR (p.slug || '/' || m.slug) IN (SELECT value FROM json_each(?2))
                """
            arguments = [.text(Self.jsonArray(capabilities)), .text(Self.jsonArray(models))]
        }
        return try database.cachedStatement(sql: """
            SELECT r.id, p.slug, m.slug, r.kind, r.released_on, r.announced_on,
                (SELECT group_concat(k.slug, ',') FROM release_capabilities x JOIN capabilities k ON k.id = x.capability_id
                 WHERE x.release_id = r.id)
            FROM releases r JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id
            WHERE \(condition) ORDER BY r.id
            """).bind(arguments).fetchAll { row in
            ReleaseFact(
                id: try row.get(0), model: ModelReference(provider: try row.get(1), model: try row.get(2)),
                kind: Release.Kind(rawValue: try row.get(3)) ?? .launch, releasedOn: try Self.date(row, 4),
                announcedOn: try Self.optionalDate(row, 5),
                capabilities: (try row.get(6) as String?)?.split(separator: ",").map(String.init).sorted() ?? [])
        }
    }

    /// A JSON array of strings, for `json_each`. Slugs need no escaping, but quotes and
    /// backslashes are escaped anyway.
    static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }
}
