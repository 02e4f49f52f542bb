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
        /// Columns holding numbers (JSON writes them as numbers).
        public let numericColumns: Set<String>
        public let rows: [[String?]]
    }

    public let tables: [Table]

    /// The order restore loads them in (each refers only to earlier ones).
    public static let tableNames = [
        "capabilities", "capability_aliases", "providers", "models", "releases", "companies", "rebuilds", "dismissals",
    ]
}

extension Portfolio {
    /// Reads every table of the export from one snapshot.
    public func export() throws -> PortfolioExport {
        try read {
            let text = { (row: Row, index: Int) in try row.get(index) as String? }
            func table(_ name: String, _ columns: [String], numeric: Set<String> = [], sql: String) throws -> PortfolioExport.Table {
                let rows = try database.fetchAll(sql: sql) { row in
                    try (0..<columns.count).map { index -> String? in
                        switch try row.get(index) as SQLValue {
                        case .null: return nil
                        case .integer(let number): return String(number)
                        case .real(let number): return OutputNumber.text(number)
                        default: return try text(row, index)
                        }
                    }
                }
                return PortfolioExport.Table(name: name, columns: columns, numericColumns: numeric, rows: rows)
            }
            return PortfolioExport(tables: [
                try table("capabilities", ["slug", "name", "description"], sql: "SELECT slug, name, description FROM capabilities ORDER BY id"),
                try table(
                    "capability_aliases", ["alias", "capability"],
                    sql: "SELECT a.alias, c.slug FROM capability_aliases a JOIN capabilities c ON c.id = a.capability_id ORDER BY a.alias"),
                try table("providers", ["slug", "name"], sql: "SELECT slug, name FROM providers ORDER BY slug"),
                try table(
                    "models", ["model", "name", "kind"],
                    sql: "SELECT p.slug || '/' || m.slug, m.name, m.kind FROM models m JOIN providers p ON p.id = m.provider_id ORDER BY 1"),
                try table(
                    "releases", ["id", "model", "kind", "released_on", "announced_on", "capabilities", "note", "source", "logged_at"],
                    numeric: ["id"],
                    sql: """
                        SELECT r.id, p.slug || '/' || m.slug, r.kind, r.released_on, r.announced_on,
                            (SELECT group_concat(slug, ';') FROM (SELECT k.slug FROM release_capabilities x
                             JOIN capabilities k ON k.id = x.capability_id WHERE x.release_id = r.id ORDER BY k.slug)),
                            r.note, r.source, r.logged_at
                        FROM releases r JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id ORDER BY r.id
                        """),
                try companiesTable(),
                try table(
                    "rebuilds", ["company", "previous_start", "previous_tier_months", "rebuilt_on", "tier_months", "note", "recorded_at"],
                    numeric: ["previous_tier_months", "tier_months"],
                    sql: """
                        SELECT c.slug, b.previous_start, b.previous_tier_months, b.rebuilt_on, b.tier_months, b.note, b.recorded_at
                        FROM rebuilds b JOIN companies c ON c.id = b.company_id ORDER BY c.slug, b.rebuilt_on, b.id
                        """),
                try table(
                    "dismissals", ["company", "release_id", "reason", "until", "recorded_at"], numeric: ["release_id"],
                    sql: """
                        SELECT c.slug, d.release_id, d.reason, d.until, d.recorded_at FROM dismissals d
                        JOIN companies c ON c.id = d.company_id ORDER BY c.slug, d.release_id
                        """),
            ])
        }
    }

    /// Companies in exactly the spreadsheet import format: one row per investment (the
    /// first carries the company's fields and lists), one row for a company without any.
    private func companiesTable() throws -> PortfolioExport.Table {
        var rows: [[String?]] = []
        for summary in try companySummaries() {
            let detail = try companyDetail(summary.company.slug)
            let company = detail.company
            let exposures = detail.exposures.map { exposure in
                exposure.capability + ":" + exposure.effect.rawValue
                    + (exposure.providers.isEmpty ? "" : "@" + exposure.providers.joined(separator: "+"))
            }
            let fields: [String?] = [
                company.slug, company.name, String(company.tier.months), company.lifelineStart.iso, company.sector,
                company.website, String(company.runwayMonths), company.notes,
            ]
            let lists: [String?] = [
                detail.dependencies.isEmpty ? nil : detail.dependencies.map(\.description).joined(separator: ";"),
                exposures.isEmpty ? nil : exposures.joined(separator: ";"),
            ]
            let investments = detail.investments.map { investment -> [String?] in
                [Self.dollars(investment.amountCents), investment.investedOn.iso, investment.round]
            }
            guard let firstInvestment = investments.first else {
                rows.append(fields + [nil, nil, nil] + lists)
                continue
            }
            rows.append(fields + firstInvestment + lists)
            for investment in investments.dropFirst() {
                rows.append([company.slug] + Array(repeating: nil, count: 7) + investment + [nil, nil])
            }
        }
        return PortfolioExport.Table(
            name: "companies", columns: CompanyImportRow.columns, numericColumns: ["tier", "runway", "invested_usd"], rows: rows)
    }

    /// Whole cents as dollars that read back exactly: `1500000`, `99.5`, `0.01`.
    static func dollars(_ cents: Int64) -> String {
        let remainder = cents % 100
        guard remainder != 0 else { return String(cents / 100) }
        return String(cents / 100) + "." + (remainder < 10 ? "0" : "") + String(remainder)
    }
}
