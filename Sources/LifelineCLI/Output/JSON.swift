import LifelineCore

extension JSONValue {
    /// A printed value in JSON: numbers stay numbers, NULL is null.
    init(_ value: OutputValue) {
        switch value {
        case .null: self = .null
        case .text(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}

/// Rows as a JSON array of objects (one per line inside the array, for diffs and
/// `grep`), or as JSON Lines.
struct JSONRowWriter: RowWriter {
    let linePerRow: Bool

    func render(_ rows: Rows) -> String {
        let objects = rows.values.map { rows.jsonObject($0).serialized() }
        if linePerRow { return objects.joined(separator: "\n") }
        if objects.isEmpty { return "[]" }
        return "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]"
    }
}

extension Rows {
    /// One of the rows as a JSON object, keyed by column.
    func jsonObject(_ row: [OutputValue]) -> JSONValue {
        .object(zip(columns, row.map(JSONValue.init)).map { ($0, $1) })
    }
}
