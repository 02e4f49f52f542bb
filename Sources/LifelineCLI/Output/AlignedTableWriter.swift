/// Columns padded to line up, numbers right-aligned, a rule under the header.
///
/// Widths count characters (grapheme clusters), so accented names line up; a cell of
/// printable ASCII - nearly all of them - is measured by its bytes, which is the same
/// count without walking the text character by character (100,000 rows of `company
/// list` took 5 s that way).
struct AlignedTableWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        let cells = rows.values.map { $0.map { Self.oneLine($0.plainText) } }
        var widths = rows.columns.map(Self.width)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.width(cell)) }
        }
        let rightAligned = rows.columns.indices.map { column in
            !rows.values.isEmpty && rows.values.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        // The table is written as bytes into one buffer, each line trimmed of trailing
        // spaces as it ends: building a String per cell and per line, then joining them,
        // took most of the time of a 75 MB report.
        var output: [UInt8] = []
        func append(_ row: [String]) {
            if !output.isEmpty { output.append(UInt8(ascii: "\n")) }
            for (index, cell) in row.enumerated() {
                if index > 0 { output.append(contentsOf: Self.columnGap) }
                let padding = repeatElement(UInt8(ascii: " "), count: widths[index] - Self.width(cell))
                if rightAligned[index] { output.append(contentsOf: padding) }
                output.append(contentsOf: cell.utf8)
                if !rightAligned[index] { output.append(contentsOf: padding) }
            }
            while output.last == UInt8(ascii: " ") { output.removeLast() }
        }
        append(rows.columns)
        append(widths.map { String(repeating: "-", count: $0) })
        for row in cells { append(row) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let columnGap: [UInt8] = Array("  ".utf8)

    /// Line breaks and tabs in a cell would break the grid.
    private static func oneLine(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    private static func width(_ text: String) -> Int {
        isPrintableASCII(text) ? text.utf8.count : text.count
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
