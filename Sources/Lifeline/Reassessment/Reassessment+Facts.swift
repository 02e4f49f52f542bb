import LifelineCore
import LifelineStorage

/// Loading the engine's inputs from the database, in bulk: a few queries for any number
/// of companies, never one query per company.
extension Reassessment {
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
                return ("\(column) IN (SELECT value FROM json_each(?))", [Reassessment.jsonArray(ids.sorted())])
            }
        }

        /// The selected companies' ids as a subquery of one column, `id`: to start a
        /// query from them without reading the companies table when only ids are chosen.
        var ids: (sql: String, arguments: [SQLValue]) {
            switch self {
            case .all:
                return ("SELECT id FROM companies", [])
            case .ids(let ids):
                return ("SELECT value AS id FROM json_each(?)", [Reassessment.jsonArray(ids.sorted())])
            }
        }
    }

    /// SQL for the id of the latest assessment of the company whose id is `company` (a
    /// column or parameter): of the latest date, the latest run's - one seek along
    /// `assessments_by_company`. With `onOrBefore` (SQL for a date), the latest as of it.
    static func latestAssessmentID(ofCompany company: String, onOrBefore date: String? = nil) -> String {
        "SELECT b.id FROM assessments b WHERE b.company_id = \(company)\(date.map { " AND b.as_of <= \($0)" } ?? "")"
            + " ORDER BY b.as_of DESC, b.run_id DESC LIMIT 1"
    }

    /// The facts of the selected companies, by id order.
    func companyFacts(_ selection: CompanySelection) throws -> [CompanyFacts] {
        try factRows(selection).allFacts
    }

    /// What the facts are read for.
    enum FactsNeeded {
        /// The engine's assessment: every fact.
        case assessment
        /// Stagnation (rule 11) alone, which asks neither the providers an exposure names
        /// (rule 4) nor the dismissals (rule 6): the facts are read without them, and are
        /// not fit for assessing. Over 100,000 companies the providers were a fifth of
        /// reading the facts, a set of names for each of 60,000 exposures.
        case stagnation
    }

    /// The rows the selected companies' facts are made of (`FactRows`): a few flat
    /// queries, joined to slugs in memory.
    func factRows(_ selection: CompanySelection, needing needed: FactsNeeded = .assessment) throws -> FactRows {
        let companies = selection.condition(on: "id")
        let exposures = selection.condition(on: "e.company_id")
        let dependencies = selection.condition(on: "d.company_id")
        let byCompany = selection.condition(on: "company_id")

        // Provider scopes are few: read them flat, by exposure, and join in memory.
        var scopes: [Int64: Set<String>] = [:]
        if needed == .assessment {
            try database.cachedStatement(sql: """
                SELECT ep.exposure_id, p.slug FROM exposure_providers ep JOIN providers p ON p.id = ep.provider_id
                JOIN exposures e ON e.id = ep.exposure_id WHERE \(exposures.sql)
                """).bind(exposures.arguments).forEachRow { scopes[try $0.get(0), default: []].insert(try $0.get(1)) }
        }
        let capabilitySlugs = try self.capabilitySlugs()
        var exposureOwners: [Int64] = []
        var exposureFacts: [ExposureFact] = []
        try database.cachedStatement(sql: """
            SELECT e.company_id, e.capability_id, e.effect, e.id FROM exposures e WHERE \(exposures.sql)
            """).bind(exposures.arguments).forEachRow { row in
            exposureOwners.append(try row.get(0))
            exposureFacts.append(ExposureFact(
                capability: capabilitySlugs[try row.get(1)] ?? "?", effect: try row.get(2),
                providers: scopes[try row.get(3)] ?? []))
        }
        let modelReferences = RowIDTable(try database.cachedStatement(sql: """
            SELECT m.id, p.slug, m.slug FROM models m JOIN providers p ON p.id = m.provider_id
            """).fetchAll { (id: try $0.get(0) as Int64, value: ModelReference(provider: try $0.get(1), model: try $0.get(2))) })
        var dependencyOwners: [Int64] = []
        var dependedOn: [ModelReference] = []
        // In company order, along the primary key: left to choose, SQLite read the narrower
        // index by model, and 250,000 dependencies were then sorted by company here.
        try database.cachedStatement(sql: """
            SELECT d.company_id, d.model_id FROM dependencies d WHERE \(dependencies.sql) ORDER BY d.company_id
            """)
            .bind(dependencies.arguments).forEachRow { row in
                guard let model = modelReferences[try row.get(1)] else { return }
                dependencyOwners.append(try row.get(0))
                dependedOn.append(model)
            }
        var dismissalOwners: [Int64] = []
        var dismissalFacts: [DismissalFact] = []
        if needed == .assessment {
            try database.cachedStatement(sql: "SELECT company_id, release_id, until FROM dismissals WHERE \(byCompany.sql)")
                .bind(byCompany.arguments).forEachRow { row in
                    dismissalOwners.append(try row.get(0))
                    dismissalFacts.append(DismissalFact(releaseID: try row.get(1), until: try row.get(2) as CivilDate?))
                }
        }
        var adoptionOwners: [Int64] = []
        var adoptionFacts: [AdoptionFact] = []
        try database.cachedStatement(sql: "SELECT company_id, capability_id, adopted_on FROM adoptions WHERE \(byCompany.sql)")
            .bind(byCompany.arguments).forEachRow { row in
                adoptionOwners.append(try row.get(0))
                adoptionFacts.append(AdoptionFact(capability: capabilitySlugs[try row.get(1)] ?? "?", adoptedOn: try row.get(2)))
            }
        var closedOn: [Int64: CivilDate] = [:]
        try database.cachedStatement(sql: "SELECT company_id, closed_on FROM closures WHERE \(byCompany.sql)")
            .bind(byCompany.arguments).forEachRow { closedOn[try $0.get(0)] = try $0.get(1) as CivilDate }
        let earlier = try earlierLifelines(
            selection, needing: needed, capabilitySlugs: capabilitySlugs, modelReferences: modelReferences)
        let companyRows = try database.cachedStatement(sql: """
            SELECT id, slug, tier_months, lifeline_start, runway_months FROM companies WHERE \(companies.sql) ORDER BY id
            """).bind(companies.arguments).fetchAll { row in
            FactRows.CompanyRow(
                id: try row.get(0), slug: try row.get(1), tier: try row.get(2),
                lifelineStart: try row.get(3) as CivilDate, runwayMonths: try row.get(4))
        }
        return FactRows(
            companies: companyRows,
            lookups: FactRows.Lookups(
                exposures: ByCompany(companyIDs: exposureOwners, values: exposureFacts),
                dependencies: ByCompany(companyIDs: dependencyOwners, values: dependedOn),
                dismissals: ByCompany(companyIDs: dismissalOwners, values: dismissalFacts),
                adoptions: ByCompany(companyIDs: adoptionOwners, values: adoptionFacts),
                earlierLifelines: earlier, closedOn: closedOn))
    }

    /// Every capability's slug, by id.
    private func capabilitySlugs() throws -> RowIDTable<String> {
        RowIDTable(try database.cachedStatement(sql: "SELECT id, slug FROM capabilities").fetchAll {
            (id: try $0.get(0) as Int64, value: try $0.get(1) as String)
        })
    }

    /// The selected companies' earlier lifelines, oldest first, each with the exposures
    /// and dependencies it had: rows only for the companies that rebuilt or renewed.
    private func earlierLifelines(
        _ selection: CompanySelection, needing needed: FactsNeeded, capabilitySlugs: RowIDTable<String>,
        modelReferences: RowIDTable<ModelReference>
    ) throws -> ByCompany<LifelineFacts> {
        let condition = selection.condition(on: "l.company_id")
        var scopes: [Int64: Set<String>] = [:]
        if needed == .assessment {
            try database.cachedStatement(sql: """
                SELECT ep.exposure_id, p.slug FROM earlier_lifeline_exposure_providers ep JOIN providers p ON p.id = ep.provider_id
                JOIN earlier_lifeline_exposures e ON e.id = ep.exposure_id JOIN earlier_lifelines l ON l.id = e.lifeline_id
                WHERE \(condition.sql)
                """).bind(condition.arguments).forEachRow { scopes[try $0.get(0), default: []].insert(try $0.get(1)) }
        }
        var exposures: [Int64: [ExposureFact]] = [:]
        try database.cachedStatement(sql: """
            SELECT e.lifeline_id, e.capability_id, e.effect, e.id FROM earlier_lifeline_exposures e
            JOIN earlier_lifelines l ON l.id = e.lifeline_id WHERE \(condition.sql)
            """).bind(condition.arguments).forEachRow { row in
            exposures[try row.get(0), default: []].append(ExposureFact(
                capability: capabilitySlugs[try row.get(1)] ?? "?", effect: try row.get(2), providers: scopes[try row.get(3)] ?? []))
        }
        var dependencies: [Int64: [ModelReference]] = [:]
        try database.cachedStatement(sql: """
            SELECT d.lifeline_id, d.model_id FROM earlier_lifeline_dependencies d
            JOIN earlier_lifelines l ON l.id = d.lifeline_id WHERE \(condition.sql)
            """).bind(condition.arguments).forEachRow { row in
            if let model = modelReferences[try row.get(1)] { dependencies[try row.get(0), default: []].append(model) }
        }
        var owners: [Int64] = []
        var lifelines: [LifelineFacts] = []
        try database.cachedStatement(sql: """
            SELECT l.company_id, l.id, l.starts_on, l.tier_months, l.runway_months FROM earlier_lifelines l
            WHERE \(condition.sql) ORDER BY l.company_id, l.starts_on
            """).bind(condition.arguments).forEachRow { row in
            let id: Int64 = try row.get(1)
            owners.append(try row.get(0))
            lifelines.append(LifelineFacts(
                start: try row.get(2), tier: try row.get(3), runwayMonths: try row.get(4),
                exposures: (exposures[id] ?? []).sorted(by: ExposureFact.inOrder), dependencies: dependencies[id] ?? []))
        }
        return ByCompany(companyIDs: owners, values: lifelines)
    }

    /// Releases, with an index by capability (sorted by date) and by model, so that each
    /// company is matched only against the releases that can concern it.
    struct ReleaseIndex {
        let byCapability: [String: [ReleaseFact]]
        let byModel: [ModelReference: [ReleaseFact]]
        let retirementsByModel: [ModelReference: [ReleaseFact]]

        /// `releases` must be in date order (ties by id), as `releaseFacts` gives them:
        /// then every list is, and so is each run the engine gets (see `releases`).
        init(dateOrdered releases: [ReleaseFact]) {
            var byCapability: [String: [ReleaseFact]] = [:]
            var byModel: [ModelReference: [ReleaseFact]] = [:]
            var retirementsByModel: [ModelReference: [ReleaseFact]] = [:]
            for release in releases {
                for model in [release.model] + release.alsoReaches {
                    byModel[model, default: []].append(release)
                    if release.kind == .retirement { retirementsByModel[model, default: []].append(release) }
                }
                for capability in release.capabilities { byCapability[capability, default: []].append(release) }
            }
            self.byCapability = byCapability
            self.byModel = byModel
            self.retirementsByModel = retirementsByModel
        }

        /// The releases that can concern `company` as of `asOf`, by the lifeline in
        /// force then: those shipping a capability it is exposed to within the lifeline's window [start, natural end) - nothing outside
        /// it can end the lifeline (rules 3 and 5) - and every release that reaches a model
        /// it depends on (opportunities; retirements and their fallbacks), snapshots too.
        /// The same release may appear twice (through a capability and a model): the
        /// engine keeps each once. Lazy: no array is built per company. For the outcome
        /// alone (`details` false), of a model's releases only its retirements matter:
        /// its other releases are opportunities, or reach the company through an exposure.
        /// Each run is in date order, which lets the engine leave it early.
        func releases(concerning company: CompanyFacts, asOf: CivilDate, details: Bool = true) -> [ArraySlice<ReleaseFact>] {
            guard let lifeline = company.lifeline(inForceOn: asOf) else { return [] }
            let start = lifeline.start
            let end = lifeline.naturalEnd
            var slices: [ArraySlice<ReleaseFact>] = []
            var previousCapability: String?
            for exposure in lifeline.exposures {
                // Exposures come by capability; one capability's releases once, however many scopes.
                defer { previousCapability = exposure.capability }
                guard exposure.capability != previousCapability, let releases = byCapability[exposure.capability] else { continue }
                let first = LifelineEngine.firstIndex(in: releases[...], onOrAfter: start)
                let last = LifelineEngine.firstIndex(in: releases[...], onOrAfter: end)
                if first < last { slices.append(releases[first..<last]) }
            }
            for model in lifeline.dependencies {
                if let releases = (details ? byModel : retirementsByModel)[model] { slices.append(releases[...]) }
            }
            return slices
        }

        /// The releases that reach the models `company` builds on as of `asOf` (snapshots
        /// too), a run per model in date order: every opportunity is among them (rule 7),
        /// and stagnation (rule 11) needs no other. A capability's run holds every lab's
        /// releases of it, most on models the company does not use.
        func releases(onModelsOf company: CompanyFacts, asOf: CivilDate) -> [ArraySlice<ReleaseFact>] {
            company.lifeline(inForceOn: asOf)?.dependencies.compactMap { byModel[$0]?[...] } ?? []
        }
    }

    /// The releases that can concern `companies`, with their capabilities, in date order
    /// (ties by id): every release dated on or after the earliest of their lifelines'
    /// starts (none before counts, rule 3), and the retirements before it (an early one
    /// can take away a later one's fallback) - for a few companies, only those of the
    /// models they depend on. One flat query of integers and dates, already in the order
    /// the index wants, joined to model and capability slugs in memory.
    func releaseFacts(concerning companies: [CompanyFacts]) throws -> [ReleaseFact] {
        guard !companies.isEmpty else { return [] }
        return try releaseFacts(
            since: companies.map(\.firstStart).min(),
            dependedOn: companies.count <= Self.fewCompanies ? Set(companies.flatMap { $0.lifelines.flatMap(\.dependencies) }) : nil)
    }

    /// The releases that can concern the companies of `rows` (see above): none when
    /// there are none - with no company to bound the dates, every release was read, a
    /// third of a nightly run that had nothing to do.
    func releaseFacts(concerning rows: FactRows) throws -> [ReleaseFact] {
        guard !rows.companies.isEmpty else { return [] }
        return try releaseFacts(
            since: rows.companies.map { rows.lookups.earlierLifelines.values(of: $0.id).first?.start ?? $0.lifelineStart }.min(),
            dependedOn: rows.companies.count <= Self.fewCompanies
                ? Set(rows.companies.flatMap {
                    rows.lookups.dependencies.values(of: $0.id) + rows.lookups.earlierLifelines.values(of: $0.id).flatMap(\.dependencies)
                }) : nil)
    }

    /// Every release dated on or after `since` (every one when nil), and the retirements
    /// before it - only those of the models in `dependedOn`, when given.
    private func releaseFacts(since earliest: CivilDate?, dependedOn: Set<ModelReference>?) throws -> [ReleaseFact] {
        var models: [Int64: ModelReference] = [:]
        var baseOf: [Int64: Int64] = [:]
        var hosted = Set<Int64>()
        try database.cachedStatement(sql: """
            SELECT m.id, p.slug, m.slug, m.snapshot_of, p.role = 'host' FROM models m JOIN providers p ON p.id = m.provider_id
            """).forEachRow { row in
            let id: Int64 = try row.get(0)
            models[id] = ModelReference(provider: try row.get(1), model: try row.get(2))
            if let base = try row.get(3) as Int64? { baseOf[id] = base }
            if try row.get(4) as Bool { hosted.insert(id) }
        }
        let reach = SnapshotReach(baseOf: baseOf, models: models)
        let capabilities = try capabilitySlugs()
        let since = earliest?.iso ?? ""
        var releases: [ReleaseFact] = []
        // One row per release and capability; a release's rows are consecutive.
        var current: (
            id: Int64, model: ModelReference, kind: Release.Kind, releasedOn: CivilDate, announcedOn: CivilDate?,
            alsoReaches: [ModelReference], byHost: Bool
        )?
        var shipped: [String] = []
        func finish() {
            guard let release = current else { return }
            releases.append(ReleaseFact(
                id: release.id, model: release.model, kind: release.kind, releasedOn: release.releasedOn,
                announcedOn: release.announcedOn, capabilities: shipped.sorted(), alsoReaches: release.alsoReaches,
                byHost: release.byHost))
            shipped = []
        }
        // The retirements before `since` come first in date order, then everything from it:
        // two index range scans (releases_by_kind, releases_by_date).
        let earlierRetirements = try database.cachedStatement(sql: """
            SELECT r.id, r.model_id, r.kind, r.released_on, r.announced_on, NULL FROM releases r
            WHERE r.kind = 'retirement' AND r.released_on < ?1 ORDER BY r.released_on, r.id
            """)
        let fromSince = try database.cachedStatement(sql: """
            SELECT r.id, r.model_id, r.kind, r.released_on, r.announced_on, x.capability_id
            FROM releases r LEFT JOIN release_capabilities x ON x.release_id = r.id
            WHERE r.released_on >= ?1 ORDER BY r.released_on, r.id
            """)
        // Of the earlier retirements, only those of a model a company depends on can
        // matter; for a few companies (a command's reassessment) the others are skipped
        // before their dates are read.
        for statement in [earlierRetirements, fromSince] {
            let filter = statement === earlierRetirements ? dependedOn : nil
            try statement.bind([.text(since)]).forEachRow { row in
                let id: Int64 = try row.get(0)
                if current?.id != id {
                    finish()
                    let modelID: Int64 = try row.get(1)
                    guard let model = models[modelID] else { throw LifelineError(.badData, "release \(id) has no model") }
                    let kind: Release.Kind = try row.get(2)
                    let alsoReaches = reach.alsoReached(byReleaseOf: modelID, kind: kind)
                    if let filter, !filter.contains(model), !alsoReaches.contains(where: filter.contains) {
                        current = nil
                        return
                    }
                    current = (id, model, kind, try row.get(3), try row.get(4), alsoReaches, hosted.contains(modelID))
                }
                if let capability = try row.get(5) as Int64?, let slug = capabilities[capability] { shipped.append(slug) }
            }
        }
        finish()
        return releases
    }

    /// Which other models a release reaches through snapshots (`ReleaseFact.alsoReaches`):
    /// a capability on a snapshot reaches its base; a retirement of a base, its snapshots.
    struct SnapshotReach {
        let baseOf: [Int64: Int64]
        let snapshotsOf: [Int64: [ModelReference]]
        let models: [Int64: ModelReference]

        init(baseOf: [Int64: Int64], models: [Int64: ModelReference]) {
            self.baseOf = baseOf
            self.models = models
            var snapshotsOf: [Int64: [ModelReference]] = [:]
            for (snapshot, base) in baseOf { snapshotsOf[base, default: []].append(models[snapshot]!) }
            self.snapshotsOf = snapshotsOf.mapValues { $0.sorted { ($0.provider, $0.model) < ($1.provider, $1.model) } }
        }

        func alsoReached(byReleaseOf model: Int64, kind: Release.Kind) -> [ModelReference] {
            guard !baseOf.isEmpty else { return [] }
            if kind == .retirement { return snapshotsOf[model] ?? [] }
            return baseOf[model].flatMap { models[$0] }.map { [$0] } ?? []
        }
    }

    /// Up to how many companies `releaseFacts` gathers their dependencies to skip the
    /// retirements of other models: a command's reassessment, not a nightly run's.
    static let fewCompanies = 1_000

    /// A JSON array of ids, for `json_each`: one statement text for any number of them.
    static func jsonArray(_ ids: some Sequence<Int64>) -> SQLValue {
        .text("[" + ids.map(String.init).joined(separator: ",") + "]")
    }

    /// A JSON array of strings, for `json_each`. Slugs need no escaping, but quotes and
    /// backslashes are escaped anyway - only in a string that has one: `replacing` cost
    /// 30,000 instructions a string, most of a batch's first pass when it listed days.
    static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { string in
            let escaped = string.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }
                ? string.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") : string
            return "\"" + escaped + "\""
        }.joined(separator: ",") + "]"
    }
}
