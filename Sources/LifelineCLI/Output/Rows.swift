import LifelineCore

/// One value in printed output. Typed so that JSON keeps numbers as numbers and NULL
/// as null, while text formats render each the same way.
enum OutputValue: Equatable {
    case null
    case text(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)

    /// The value as plain text: NULL is empty.
    var plainText: String {
        switch self {
        case .null: ""
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let number): OutputNumber.text(number)
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    /// True for values a table right-aligns.
    var isNumeric: Bool {
        switch self {
        case .integer, .number: true
        default: false
        }
    }
}

extension OutputValue {
    init(_ text: String?) { self = text.map(OutputValue.text) ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
}

/// Rows to print: named columns (snake_case, they are JSON keys too) and values.
struct Rows {
    let columns: [String]
    private(set) var values: [[OutputValue]] = []

    init(columns: [String]) {
        self.columns = columns
    }

    mutating func append(_ row: [OutputValue]) {
        precondition(row.count == columns.count, "a row needs one value per column")
        values.append(row)
    }
}

/// Renders `Rows` in one format. One small type per format, one interface for all.
protocol RowWriter {
    func render(_ rows: Rows) -> String
}

extension Rows {
    /// Prints the rows to stdout in `format`.
    func print(as format: OutputFormat) {
        guard format != .table else { return AlignedTableWriter().write(self, to: Console.outputWithoutNewline) }
        let text = format.writer.render(self)
        if !text.isEmpty { Console.output(text) }
    }
}
