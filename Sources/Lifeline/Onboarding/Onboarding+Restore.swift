import LifelineCore
import LifelineStorage

/// What a restore loaded.
public struct RestoreSummary: Sendable {
    public var counts: [(table: String, rows: Int)] = []
}

extension Onboarding {
    /// Loads an export (its CSV files, by table name) into this database, which must hold
    /// no portfolio yet. One transaction: everything loads, or nothing. Release ids are
    /// kept, so dismissals and recorded causes keep pointing at the same releases.
    /// Nothing is reassessed: run `reassess` (as of the export's date, to compare).
    public func restore(files: [String: String], directory: String) throws -> RestoreSummary {
        var summary = RestoreSummary()
        _ = try portfolio.batch(trigger: "restore", reassess: false) { session in
            try checkEmpty()
            if let missing = PortfolioExport.missingTables(in: Set(files.keys)).first {
                throw LifelineError(.missingInput, "\(directory): there is no \(missing).csv")
            }
            // An export made before lifelines were dated records has rebuilds.csv in place
            // of lifelines.csv, and no closures.csv.
            for exported in PortfolioExport.tableNames {
                let name = exported == "lifelines" && files["lifelines"] == nil ? "rebuilds" : exported
                guard let text = files[name] else { continue }
                let rows = try ExportTable.rows(in: text, table: name)
                // The export's families are the whole table, a family unmapped included.
                if name == "model_families" { try database.execute(sql: "DELETE FROM model_families") }
                if name == "companies" {
                    var companies = CompanyImportSummary(isDryRun: false)
                    try importCompanies(try CompanyImportRow.fromCSV(text, fileName: "\(name).csv"), update: false, into: &companies, in: session)
                    // Companies, not rows: a company with several investments has a row each.
                    summary.counts.append((name, companies.companiesAdded.count))
                } else {
                    for row in rows { try located(row.location) { try restore(row.values, into: name, in: session) } }
                    summary.counts.append((name, rows.count))
                }
            }
        }
        return summary
    }

    /// A recorded time from the export, checked as the schema does.
    static func timestamp(_ row: [String: String], _ column: String) throws -> String {
        guard let text = row[column] else { throw LifelineError(.badData, "'\(column)' is empty") }
        return try TextField.timestamp(text, field: column)
    }

    private func checkEmpty() throws {
        let counts = try database.fetchOne(
            sql: "SELECT (SELECT count(*) FROM providers), (SELECT count(*) FROM models), (SELECT count(*) FROM releases), (SELECT count(*) FROM companies)"
        ) { $0.values.map { value -> Int64 in if case .integer(let number) = value { return number } else { return 0 } } } ?? []
        guard counts.allSatisfy({ $0 == 0 }) else {
            throw LifelineError(
                .badData,
                "restore loads into an empty database, and this one already holds \(counts[0]) providers, \(counts[1]) models, \(counts[2]) releases and \(counts[3]) companies")
        }
    }

    private func restore(_ row: [String: String], into table: String, in session: WriteSession) throws {
        func required(_ column: String) throws -> String {
            guard let value = row[column] else { throw LifelineError(.badData, "'\(column)' is empty") }
            return value
        }
        func date(_ column: String) throws -> CivilDate? {
            try row[column].map { try CivilDate.parse($0, today: today, field: column) }
        }
        switch table {
        case "capabilities":
            let slug = try required("slug")
            if try database.fetchOne(sql: "SELECT 1 FROM capabilities WHERE slug = ?", arguments: [.text(slug)], { _ in true }) == nil {
                _ = try portfolio.catalogue.addCapability(slug: slug, name: try required("name"), description: row["description"])
            }
        case "capability_aliases":
            let alias = try required("alias")
            if try database.fetchOne(sql: "SELECT 1 FROM capability_aliases WHERE alias = ?", arguments: [.text(alias)], { _ in true }) == nil {
                try portfolio.catalogue.addCapabilityAlias(capability: try required("capability"), alias: alias)
            }
        case "model_families":
            try portfolio.catalogue.mapFamily(try required("family"), to: try required("lab"))
        case "providers":
            let role = try row["role"].map { try Provider.Role(rawValue: $0).orThrow("role must be lab or host") }
            _ = try portfolio.catalogue.addProvider(slug: try required("slug"), name: row["name"], role: role, in: session)
        case "models":
            _ = try portfolio.catalogue.addModel(
                try ModelReference(parsing: try required("model")), name: row["name"],
                kind: try Model.Kind(rawValue: try required("kind")).orThrow("kind must be api or product"),
                snapshotOf: try row["snapshot_of"].map(ModelReference.init(parsing:)), family: row["family"], in: session)
        case "releases":
            try restoreRelease(row, date: date, names: session.names)
        case "lifelines":
            try restoreLifeline(row, date: date, in: session)
        case "rebuilds":
            try restoreRebuild(row, date: date, in: session)
        case "closures":
            let company = try session.names.companyID(try required("company"))
            guard let closedOn = try date("closed_on") else { throw LifelineError(.badData, "'closed_on' is empty") }
            try database.execute(
                sql: "INSERT INTO closures (company_id, closed_on, reason, note, recorded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    .integer(company), .text(closedOn.iso), .text(try ClosingReason.parse(try required("reason")).rawValue),
                    try row["note"].map { try TextField.notes($0, field: "note") }.sqlValue, .text(try Self.timestamp(row, "recorded_at")),
                ])
        case "dismissals":
            let slug = try required("company")
            let company = try session.names.companyID(slug)
            guard let releaseID = Int64(try required("release_id")) else { throw LifelineError(.badData, "release_id is not a number") }
            try portfolio.companies.checkThreatens(companyID: company, slug: slug, release: try portfolio.catalogue.release(id: releaseID), anyLifeline: true)
            try database.execute(
                sql: "INSERT INTO dismissals (company_id, release_id, reason, until, recorded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    .integer(company), .integer(releaseID), .text(try TextField.oneLine(try required("reason"), field: "reason", maximumLength: 2000)),
                    try date("until")?.iso.sqlValue ?? .null, .text(try Self.timestamp(row, "recorded_at")),
                ])
        case "adoptions":
            // As recorded: the release it names, which the export kept by id.
            let company = try session.names.companyID(try required("company"))
            let capability = try session.names.capabilityID(try required("capability"))
            guard let releaseID = Int64(try required("release_id")) else { throw LifelineError(.badData, "release_id is not a number") }
            _ = try portfolio.catalogue.release(id: releaseID)
            guard let adoptedOn = try date("adopted_on") else { throw LifelineError(.badData, "'adopted_on' is empty") }
            try database.execute(
                sql: "INSERT INTO adoptions (company_id, capability_id, release_id, adopted_on, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    .integer(company), .integer(capability), .integer(releaseID), .text(adoptedOn.iso),
                    try row["note"].map { try TextField.notes($0, field: "note") }.sqlValue, .text(try Self.timestamp(row, "recorded_at")),
                ])
        case "notify_tags":
            try portfolio.companies.setNotifyTag(try required("tag"), companyID: try session.names.companyID(try required("company")))
        default:
            break
        }
    }

    /// A release with its original id and logging time.
    private func restoreRelease(_ row: [String: String], date: (String) throws -> CivilDate?, names: NameLookup) throws {
        guard let idText = row["id"], let id = Int64(idText), id > 0 else { throw LifelineError(.badData, "'id' is not a release id") }
        guard let modelText = row["model"], let kindText = row["kind"], let kind = Release.Kind(rawValue: kindText),
            let releasedOn = try date("released_on")
        else { throw LifelineError(.badData, "a release needs a model, a kind (launch, capability, retirement) and released_on") }
        let modelID = try names.modelID(try ModelReference(parsing: modelText))
        let capabilities = try Self.listItems(row["capabilities"] ?? "").map(names.capabilityID)
        if kind == .retirement && !capabilities.isEmpty { throw LifelineError(.badData, "a retirement ships no capabilities") }
        let announced = try date("announced_on")
        if let announced, announced > releasedOn { throw LifelineError(.badData, "announced_on is after released_on") }
        let note = try row["note"].map { try TextField.notes($0, field: "note") }
        let basis = try row["date_basis"].map {
            try Release.DateBasis(rawValue: $0).orThrow(
                "date_basis must be one of \(Release.DateBasis.allCases.map(\.rawValue).joined(separator: ", "))")
        } ?? Release.DateBasis.inferred(kind: kind, source: row["source"], note: note)
        try database.execute(
            sql: """
                INSERT INTO releases (id, model_id, kind, released_on, announced_on, note, source, logged_at, date_basis)
                VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, \(Portfolio.nowSQL)), ?)
                """,
            arguments: [
                .integer(id), .integer(modelID), .text(kind.rawValue), .text(releasedOn.iso), announced?.iso.sqlValue ?? .null,
                note.sqlValue, row["source"].sqlValue,
                try row["logged_at"].map { try TextField.timestamp($0, field: "logged_at") }.sqlValue, .text(basis.rawValue),
            ])
        for capability in Set(capabilities) {
            try database.execute(
                sql: "INSERT INTO release_capabilities (release_id, capability_id) VALUES (?, ?)",
                arguments: [.integer(id), .integer(capability)])
        }
    }
}

extension Optional {
    /// The value, or a bad-data error saying what was expected.
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw LifelineError(.badData, message) }
        return self
    }
}
