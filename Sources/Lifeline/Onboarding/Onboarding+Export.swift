import LifelineCore
import LifelineStorage

/// The whole portfolio as tables in open formats: what `lifeline export` writes (one
/// CSV file per table, and all of them in one JSON document) and `lifeline restore`
/// reads back.
public struct PortfolioExport: Sendable {
    public struct Table: Sendable {
        /// The file name without `.csv`, and the table's key in the JSON document.
        public let name: String
        public let columns: [String]
        /// nil: no value (an empty CSV cell, JSON null).
        public let rows: [[Cell?]]
    }

    /// One value, typed as stored: a CSV file writes its `text`, the JSON document
    /// numbers as numbers.
    public enum Cell: Equatable, Sendable {
        case text(String)
        case integer(Int64)
        case number(Double)
        /// US dollars, from whole cents.
        case usd(cents: Int64)

        /// As a CSV cell; dollars read back exactly (`1500000`, `99.5`, `0.01`).
        public var text: String {
            switch self {
            case .text(let text): text
            case .integer(let number): String(number)
            case .number(let number): OutputNumber.text(number)
            case .usd(let cents): Self.dollars(cents)
            }
        }

        /// Whole cents as dollars that read back exactly: `1500000`, `99.5`, `0.01`.
        private static func dollars(_ cents: Int64) -> String {
            let remainder = cents % 100
            guard remainder != 0 else { return String(cents / 100) }
            return String(cents / 100) + "." + (remainder < 10 ? "0" : "") + String(remainder)
        }
    }

    public let tables: [Table]

    /// The order restore loads them in (each refers only to earlier ones).
    public static let tableNames = [
        "capabilities", "capability_aliases", "model_families", "providers", "models", "releases", "companies", "lifelines", "closures",
        "dismissals", "adoptions", "notify_tags",
    ]

    /// Tables an export made by an earlier version lacks, which restore then leaves as
    /// the migrations seeded them.
    static let laterTableNames: Set = ["model_families", "adoptions", "notify_tags"]

    /// What an export made before lifelines were dated records has instead of
    /// lifelines.csv and closures.csv; restore still reads it.
    public static let legacyTableNames = ["rebuilds"]

    /// The tables an export with files `names` lacks.
    public static func missingTables(in names: Set<String>) -> [String] {
        let legacy = names.contains("rebuilds")
        return tableNames.filter {
            !names.contains($0) && !laterTableNames.contains($0) && !(legacy && ($0 == "lifelines" || $0 == "closures"))
        }
    }
}

extension Onboarding {
    /// Reads every table of the export from one snapshot.
    public func export() throws -> PortfolioExport {
        try read {
            func table(_ name: String, sql: String) throws -> PortfolioExport.Table {
                let columns = ExportTable.columns[name]!
                let rows = try database.fetchAll(sql: sql) { row in
                    try (0..<columns.count).map { index -> PortfolioExport.Cell? in
                        switch try row.get(index) as SQLValue {
                        case .null: return nil
                        case .integer(let number): return .integer(number)
                        case .real(let number): return .number(number)
                        case .text(let text): return .text(text)
                        case .blob: throw LifelineError(.badData, "\(name): column \(columns[index]) holds a blob, which no export column can")
                        }
                    }
                }
                return PortfolioExport.Table(name: name, columns: columns, rows: rows)
            }
            return PortfolioExport(tables: [
                try table("capabilities", sql: "SELECT slug, name, description FROM capabilities ORDER BY id"),
                try table("capability_aliases", sql: "SELECT a.alias, c.slug FROM capability_aliases a JOIN capabilities c ON c.id = a.capability_id ORDER BY a.alias"),
                try table("model_families", sql: "SELECT family, lab FROM model_families ORDER BY family"),
                try table("providers", sql: "SELECT slug, name, role FROM providers ORDER BY slug"),
                // Each base before its snapshots, so that restore finds it recorded.
                try table("models", sql: """
                        SELECT p.slug || '/' || m.slug, m.name, m.kind, p.slug || '/' || b.slug, m.family
                        FROM models m JOIN providers p ON p.id = m.provider_id LEFT JOIN models b ON b.id = m.snapshot_of
                        ORDER BY coalesce(p.slug || '/' || b.slug, p.slug || '/' || m.slug), m.snapshot_of IS NOT NULL, 1
                        """),
                try table("releases", sql: """
                        SELECT r.id, p.slug || '/' || m.slug, r.kind, r.released_on, r.announced_on,
                            (SELECT group_concat(slug, ';') FROM (SELECT k.slug FROM release_capabilities x
                             JOIN capabilities k ON k.id = x.capability_id WHERE x.release_id = r.id ORDER BY k.slug)),
                            r.note, r.source, r.logged_at, r.date_basis
                        FROM releases r JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id ORDER BY r.id
                        """),
                try companiesTable(),
                try lifelinesTable(),
                try table("closures", sql: """
                        SELECT c.slug, x.closed_on, x.reason, x.note, x.recorded_at
                        FROM closures x JOIN companies c ON c.id = x.company_id ORDER BY c.slug
                        """),
                try table("dismissals", sql: """
                        SELECT c.slug, d.release_id, d.reason, d.until, d.recorded_at FROM dismissals d
                        JOIN companies c ON c.id = d.company_id ORDER BY c.slug, d.release_id
                        """),
                try table("adoptions", sql: """
                        SELECT c.slug, k.slug, a.release_id, a.adopted_on, a.note, a.recorded_at FROM adoptions a
                        JOIN companies c ON c.id = a.company_id JOIN capabilities k ON k.id = a.capability_id
                        ORDER BY c.slug, a.adopted_on, k.slug
                        """),
                try table("notify_tags", sql: """
                        SELECT c.slug, t.tag FROM notify_tags t JOIN companies c ON c.id = t.company_id ORDER BY c.slug
                        """),
            ])
        }
    }

    /// Companies in exactly the spreadsheet import format: one row per investment (the
    /// first carries the company's fields and lists), one row for a company without any.
    /// Each list is read whole, in company order, not once per company.
    private func companiesTable() throws -> PortfolioExport.Table {
        let investments = try byCompany(sql: """
            SELECT company_id, invested_on, round, amount_cents FROM investments ORDER BY company_id, invested_on, id
            """) { row in
            [PortfolioExport.Cell.usd(cents: try row.get(3)), .text(try row.get(1)), (try row.get(2) as String?).map(PortfolioExport.Cell.text)]
        }
        let dependencies = try dependencyCells(owner: "company_id", table: "dependencies")
        let exposures = try exposureCells(owner: "company_id", table: "exposures", scopes: "exposure_providers")
        var rows: [[PortfolioExport.Cell?]] = []
        let companies = CompanyReader()
        try database.prepare(sql: "SELECT id, \(Companies.companyColumns) FROM companies ORDER BY slug").forEachRow { row in
            let id: Int64 = try row.get("id")
            let company = try companies.company(from: row)
            let fields: [PortfolioExport.Cell?] = [
                .text(company.slug), .text(company.name), .integer(Int64(company.tier.months)), .text(company.lifelineStart.iso),
                company.sector.map(PortfolioExport.Cell.text), company.website.map(PortfolioExport.Cell.text),
                .integer(Int64(company.runwayMonths)), company.notes.map(PortfolioExport.Cell.text),
            ]
            let lists: [PortfolioExport.Cell?] = [dependencies[id], exposures[id]].map { list in
                list.map { PortfolioExport.Cell.text($0.joined(separator: ";")) }
            }
            guard let companyInvestments = investments[id] else {
                rows.append(fields + [nil, nil, nil] + lists)
                return
            }
            rows.append(fields + companyInvestments[0] + lists)
            for investment in companyInvestments.dropFirst() {
                rows.append([.text(company.slug)] + Array(repeating: nil, count: 7) + investment + [nil, nil])
            }
        }
        return PortfolioExport.Table(name: "companies", columns: CompanyImportRow.columns, rows: rows)
    }

    /// Every lifeline of every company, oldest first: the earlier ones with the
    /// dependencies and exposures they had, in the spreadsheet's cell formats, and the
    /// current one (no superseded_at; its lists are the company's, in companies.csv).
    private func lifelinesTable() throws -> PortfolioExport.Table {
        let dependencies = try dependencyCells(owner: "lifeline_id", table: "earlier_lifeline_dependencies")
        let exposures = try exposureCells(owner: "lifeline_id", table: "earlier_lifeline_exposures", scopes: "earlier_lifeline_exposure_providers")
        var rows: [[PortfolioExport.Cell?]] = []
        try database.prepare(sql: """
            SELECT l.id, c.slug, l.starts_on, l.tier_months, l.runway_months, l.began, l.note, l.superseded_at
            FROM earlier_lifelines l JOIN companies c ON c.id = l.company_id
            UNION ALL
            SELECT NULL, slug, lifeline_start, tier_months, runway_months, lifeline_began, lifeline_note, NULL FROM companies
            ORDER BY 2, 3
            """).forEachRow { row in
            let id: Int64? = try row.get(0)
            let text = { (index: Int) in (try row.get(index) as String?).map(PortfolioExport.Cell.text) }
            let lists = [id.flatMap { dependencies[$0] }, id.flatMap { exposures[$0] }].map { list in
                list.map { PortfolioExport.Cell.text($0.joined(separator: ";")) }
            }
            rows.append([
                try text(1), try text(2), .integer(try row.get(3)), .integer(try row.get(4)), try text(5), try text(6), try text(7),
            ] + lists)
        }
        return PortfolioExport.Table(name: "lifelines", columns: ExportTable.columns["lifelines"]!, rows: rows)
    }

    /// `provider/model` of each dependency in `table`, by its `owner` (a company, or an
    /// earlier lifeline), in the spreadsheet's order.
    private func dependencyCells(owner: String, table: String) throws -> [Int64: [String]] {
        try byCompany(sql: """
            SELECT d.\(owner), p.slug || '/' || m.slug FROM \(table) d JOIN models m ON m.id = d.model_id
            JOIN providers p ON p.id = m.provider_id ORDER BY d.\(owner), p.slug, m.slug
            """) { try $0.get(1) as String }
    }

    /// Each exposure in `table` (with its provider scope in `scopes`) as a spreadsheet
    /// cell, by its `owner`.
    private func exposureCells(owner: String, table: String, scopes: String) throws -> [Int64: [String]] {
        try byCompany(sql: """
            SELECT e.\(owner), k.slug, e.effect,
                (SELECT group_concat(slug, ',') FROM (SELECT p.slug FROM \(scopes) ep
                 JOIN providers p ON p.id = ep.provider_id WHERE ep.exposure_id = e.id ORDER BY p.slug))
            FROM \(table) e JOIN capabilities k ON k.id = e.capability_id ORDER BY e.\(owner), k.slug
            """) { row in
            Exposure(
                capability: try row.get(1), effect: try row.get(2),
                providers: (try row.get(3) as String?)?.split(separator: ",").map(String.init) ?? []).cell
        }
    }

    /// The values `sql` gives, grouped by its first column: a company's id (or a lifeline's).
    private func byCompany<T>(sql: String, _ value: (Row) throws -> T) throws -> [Int64: [T]] {
        var values: [Int64: [T]] = [:]
        try database.prepare(sql: sql).forEachRow { row in values[try row.get(0), default: []].append(try value(row)) }
        return values
    }
}
