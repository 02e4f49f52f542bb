import Lifeline
import LifelineCore

/// `lifeline export`'s JSON document: a header and, per table, an array of objects keyed
/// by column, numbers as numbers.
enum ExportJSON {
    static func json(_ export: PortfolioExport, exportedOn: CivilDate) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("format", .string("lifeline-export")), ("version", .integer(1)), ("exported_on", .string(exportedOn.iso)),
            ("schema_version", .integer(Int64(Schema.latestVersion))),
        ]
        for table in export.tables {
            members.append((table.name, .array(table.rows.map { row in
                .object(zip(table.columns, row).map { column, cell in (column, cell.map(JSONValue.init) ?? .null) })
            })))
        }
        return .object(members)
    }
}

extension JSONValue {
    /// An export's cell in its JSON document: numbers as numbers, dollars as a number.
    init(_ cell: PortfolioExport.Cell) {
        switch cell {
        case .text(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .usd(let cents): self = .usd(cents: cents)
        }
    }
}
