import Lifeline
import LifelineCore

/// RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled.
struct CSVRowWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        ([rows.columns] + rows.values.map { $0.map(\.plainText) }).map(Self.line).joined(separator: "\n")
    }

    static func line(_ fields: [String]) -> String { fields.map(CSV.field).joined(separator: ",") }
}

/// Tab-separated values; a tab, newline or backslash inside a value is written as
/// `\t`, `\n` or `\\`, so every row stays one line.
struct TSVRowWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        ([rows.columns] + rows.values.map { $0.map(\.plainText) }).map(Self.line).joined(separator: "\n")
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: "\t") }

    static func field(_ text: String) -> String {
        // Most values hold none of the four bytes (no other UTF-8 sequence contains them):
        // returned as they are, not rebuilt a Character at a time.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A GitHub-flavoured Markdown table; `|` escaped, line breaks as `<br>`.
struct MarkdownRowWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        let rightAligned = rows.columns.indices.map { column in
            !rows.values.isEmpty && rows.values.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        var lines = [Self.line(rows.columns)]
        lines.append("|" + rightAligned.map { $0 ? " ---: |" : " --- |" }.joined())
        lines += rows.values.map { Self.line($0.map(\.plainText)) }
        return lines.joined(separator: "\n")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    private static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r\n", "\r": escaped += "<br>"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
