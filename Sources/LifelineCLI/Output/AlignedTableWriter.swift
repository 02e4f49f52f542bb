/// Columns padded to line up, numbers right-aligned, a rule under the header.
struct AlignedTableWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        let cells = rows.values.map { $0.map { Self.oneLine($0.plainText) } }
        var widths = rows.columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let rightAligned = rows.columns.indices.map { column in
            !rows.values.isEmpty && rows.values.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned[index] ? padding + cell : cell + padding
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var lines = [line(rows.columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        return lines.joined(separator: "\n")
    }

    /// Line breaks and tabs in a cell would break the grid.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
