/// Columns padded to line up, numbers right-aligned, a rule under the header.
///
/// Widths count characters (grapheme clusters), so accented names line up; a cell of
/// printable ASCII - nearly all of them - is measured by its bytes, which is the same
/// count without walking the text character by character (100,000 rows of `company
/// list` took 5 s that way).
struct AlignedTableWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        let columnCount = rows.columns.count
        // Each cell is measured here and put on one line again as it is written: kept
        // from one pass to the next, 1.4 million cells of `company list` took 34 MB.
        let header = rows.columns.map(Self.oneLine)
        var widths = header.map(\.width)
        var rightAligned = Array(repeating: !rows.values.isEmpty, count: columnCount)
        // A character outside ASCII takes more bytes than the one it counts in a width.
        var extraBytes = header.reduce(0) { $0 + $1.text.utf8.count - $1.width }
        for row in rows.values {
            for (index, value) in row.enumerated() {
                let cell = Self.oneLine(value.plainText)
                widths[index] = max(widths[index], cell.width)
                if !value.isNumeric && value != .null { rightAligned[index] = false }
                extraBytes += cell.text.utf8.count - cell.width
            }
        }
        // The table is written as bytes into one buffer sized for it, each line trimmed
        // of trailing spaces as it ends: building a String per cell and per line, then
        // joining them, took most of the time of a 75 MB report.
        let rule = widths.map { (text: String(repeating: "-", count: $0), width: $0) }
        let longestLine = widths.reduce(0, +) + Self.columnGap * max(0, columnCount - 1)
        let capacity = (longestLine + 1) * (rows.values.count + 2) + extraBytes
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var end = 0
            func pad(_ count: Int) {
                buffer[end..<end + count].initialize(repeating: UInt8(ascii: " "))
                end += count
            }
            func line(_ cell: (Int) -> (text: String, width: Int)) {
                if end > 0 {
                    buffer[end] = UInt8(ascii: "\n")
                    end += 1
                }
                for index in 0..<columnCount {
                    if index > 0 { pad(Self.columnGap) }
                    var (text, width) = cell(index)
                    if rightAligned[index] { pad(widths[index] - width) }
                    text.withUTF8 { bytes in
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + bytes.count]).initialize(from: bytes)
                        end += bytes.count
                    }
                    if !rightAligned[index] { pad(widths[index] - width) }
                }
                while end > 0 && buffer[end - 1] == UInt8(ascii: " ") { end -= 1 }
            }
            line { header[$0] }
            line { rule[$0] }
            for row in rows.values { line { Self.oneLine(row[$0].plainText) } }
            return end
        }
    }

    /// Spaces between columns.
    private static let columnGap = 2

    /// The text on one line - line breaks and tabs in a cell would break the grid - and
    /// its width in characters. Printable ASCII is recognised from the bytes in place:
    /// asked of the UTF-8 view one element at a time, the question cost 700 instructions
    /// a cell, a twentieth of `company list`.
    private static func oneLine(_ text: String) -> (text: String, width: Int) {
        let isPrintableASCII = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isPrintableASCII) }) ?? text.utf8.allSatisfy(isPrintableASCII) {
            return (text, text.utf8.count)
        }
        let line = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return (line, line.count)
    }
}
