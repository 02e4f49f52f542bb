/// The tables of an export (`lifeline export`) as `lifeline restore` reads them: each
/// file's columns, and its rows as the cells they hold, each with its FILE:LINE.
public enum ExportTable {
    /// Each table's columns, in file order: what export writes and all restore reads.
    public static let columns: [String: [String]] = [
        "capabilities": ["slug", "name", "description"],
        "capability_aliases": ["alias", "capability"],
        "model_families": ["family", "lab"],
        "providers": ["slug", "name", "role"],
        "models": ["model", "name", "kind", "snapshot_of", "family"],
        "releases": ["id", "model", "kind", "released_on", "announced_on", "capabilities", "note", "source", "logged_at", "date_basis"],
        "companies": CompanyImportRow.columns,
        "lifelines": ["company", "starts_on", "tier_months", "runway_months", "began", "note", "superseded_at", "depends", "exposures"],
        "closures": ["company", "closed_on", "reason", "note", "recorded_at"],
        "dismissals": ["company", "release_id", "reason", "until", "recorded_at"],
        "adoptions": ["company", "capability", "release_id", "adopted_on", "note", "recorded_at"],
        "notify_tags": ["company", "tag"],
        // An export made before lifelines were dated records.
        "rebuilds": ["company", "previous_start", "previous_tier_months", "rebuilt_on", "tier_months", "note", "recorded_at"],
    ]

    /// One row: its non-empty cells by column, and where it is.
    public struct Row: Sendable {
        public let location: String
        public let values: [String: String]
    }

    /// The rows of `table`'s file. Every column of the header must be one the table has,
    /// once: a column restore would not read is data that would be lost without a word.
    public static func rows(in text: String, table: String) throws -> [Row] {
        let fileName = "\(table).csv"
        let records = try CSV.records(in: text, fileName: fileName)
        guard let header = records.first?.fields else { throw LifelineError(.badData, "\(fileName): the file is empty") }
        let known = columns[table] ?? []
        if let unknown = header.first(where: { !known.contains($0) }) {
            let hint = Suggestion.closest(to: unknown, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw LifelineError(
                .badData,
                "\(fileName):1: unknown column '\(Slug.printable(unknown))'\(hint); the columns are \(known.joined(separator: ", "))")
        }
        if let repeated = header.first(where: { column in header.filter { $0 == column }.count > 1 }) {
            throw LifelineError(.badData, "\(fileName):1: the column '\(repeated)' appears twice")
        }
        return records.dropFirst().map { record in
            Row(
                location: "\(fileName):\(record.line)",
                values: Dictionary(zip(header, record.fields).filter { !$0.1.isEmpty }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
