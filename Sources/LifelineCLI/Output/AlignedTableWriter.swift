/// Columns padded to line up, numbers right-aligned, a rule under the header.
///
/// Widths count characters (grapheme clusters), so accented names line up; a cell of
/// printable ASCII - nearly all of them - is measured by its bytes, which is the same
/// count without walking the text character by character (100,000 rows of `company
/// list` took 5 s that way).
struct AlignedTableWriter: RowWriter {
    func render(_ rows: Rows) -> String {
        let table = MeasuredTable(rows, measure: TableMeasure(rows))
        return String(unsafeUninitializedCapacity: table.byteCount) { buffer in
            var end = 0
            for line in 0..<table.lineCount { end = table.write(line: line, into: buffer, at: end) }
            return end
        }
    }

    /// Hands the table to `output` a piece of whole lines at a time, of about
    /// `pieceSize` bytes, the last ending with a newline: rendered whole, 100,000 rows of
    /// `company list` made a 24 MB String held beside the rows it came from.
    ///
    /// `measure` is the rows' measure when it was taken as they were made
    /// (`RowsInBackground`); without it, the rows are measured here.
    func write(_ rows: Rows, measure: TableMeasure? = nil, pieceSize: Int = 1 << 16, to output: (String) -> Void) {
        let table = MeasuredTable(rows, measure: measure ?? TableMeasure(rows))
        let capacity = max(pieceSize, table.longestLineBytes)
        // One byte more for the last newline.
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity + 1)
        defer { buffer.deallocate() }
        var end = 0
        for line in 0..<table.lineCount {
            if end + table.longestLineBytes > capacity {
                output(String(decoding: buffer[..<end], as: UTF8.self))
                end = 0
            }
            end = table.write(line: line, into: buffer, at: end)
        }
        buffer[end] = UInt8(ascii: "\n")
        output(String(decoding: buffer[...end], as: UTF8.self))
    }
}

/// What aligning a table needs to know of its rows, taken one row at a time: each
/// column's width, which columns align right, and the bytes its cells take beyond
/// their widths. Measured as the rows are made, it can be taken on another thread
/// (`RowsInBackground`).
struct TableMeasure {
    /// The header's cells, each on one line, with their widths.
    fileprivate let header: [(text: String, width: Int)]
    fileprivate private(set) var widths: [Int]
    /// Columns with only numbers and NULLs in them (true of every column until a row comes).
    fileprivate private(set) var onlyNumbers: [Bool]
    /// Columns whose every cell is printable ASCII.
    fileprivate private(set) var plainASCII: [Bool]
    fileprivate private(set) var rowCount = 0
    /// A character outside ASCII takes more bytes than the one it counts in a width.
    fileprivate private(set) var extraBytes: Int
    fileprivate private(set) var mostExtraBytesInALine: Int

    init(columns: [String]) {
        header = columns.map(MeasuredTable.oneLine)
        widths = header.map(\.width)
        onlyNumbers = Array(repeating: true, count: columns.count)
        plainASCII = Array(repeating: true, count: columns.count)
        extraBytes = header.reduce(0) { $0 + $1.text.utf8.count - $1.width }
        mostExtraBytesInALine = extraBytes
    }

    init(_ rows: Rows) {
        self.init(columns: rows.columns)
        for row in rows.values { add(row) }
    }

    /// Takes the measure of one more row.
    mutating func add(_ row: [OutputValue]) {
        rowCount += 1
        var rowExtraBytes = 0
        for (index, value) in row.enumerated() {
            if case .integer(let number) = value {
                widths[index] = max(widths[index], MeasuredTable.digitCount(number))
                continue
            }
            let text = value.plainText
            let isPlain = MeasuredTable.isPrintableASCII(text)
            let cell = isPlain ? (text: text, width: text.utf8.count) : MeasuredTable.oneLine(text)
            if !isPlain { plainASCII[index] = false }
            widths[index] = max(widths[index], cell.width)
            if !value.isNumeric && value != .null { onlyNumbers[index] = false }
            rowExtraBytes += cell.text.utf8.count - cell.width
        }
        extraBytes += rowExtraBytes
        mostExtraBytesInALine = max(mostExtraBytesInALine, rowExtraBytes)
    }
}

/// A table's columns measured: each column's width, which align right, and how many
/// bytes its lines take, for writing the lines out in one buffer or in pieces.
private struct MeasuredTable {
    private let rows: Rows
    private let header: [(text: String, width: Int)]
    private let rule: [(text: String, width: Int)]
    private let widths: [Int]
    private let rightAligned: [Bool]
    /// Columns whose every cell is printable ASCII: written without looking at their
    /// bytes again (a second pass over 900,000 cells of `company list`).
    private let plainASCII: [Bool]
    /// The bytes of every line, each newline included.
    let byteCount: Int
    /// The most bytes one line can take, its newline included.
    let longestLineBytes: Int

    /// Spaces between columns.
    private static let columnGap = 2

    /// `measure` is `rows`' (each cell is measured there and put on one line again as it
    /// is written: kept from one pass to the next, 1.4 million cells of `company list`
    /// took 34 MB).
    init(_ rows: Rows, measure: TableMeasure) {
        precondition(measure.rowCount == rows.values.count, "MeasuredTable: the measure is of other rows")
        self.rows = rows
        header = measure.header
        widths = measure.widths
        rightAligned = measure.onlyNumbers.map { $0 && measure.rowCount > 0 }
        plainASCII = measure.plainASCII
        rule = widths.map { (text: String(repeating: "-", count: $0), width: $0) }
        let longestLine = widths.reduce(0, +) + Self.columnGap * max(0, widths.count - 1)
        longestLineBytes = longestLine + 1 + measure.mostExtraBytesInALine
        byteCount = (longestLine + 1) * (rows.values.count + 2) + measure.extraBytes
    }

    /// The header, the rule under it, then a line per row.
    var lineCount: Int { rows.values.count + 2 }

    /// Writes line `line` into `buffer` from `start` - a newline first, unless it is the
    /// first line - trimmed of trailing spaces, and returns where it ends. The lines are
    /// written as bytes: building a String per cell and per line, then joining them,
    /// took most of the time of a 75 MB report.
    func write(line: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start
        func pad(_ count: Int) {
            buffer[end..<end + count].initialize(repeating: UInt8(ascii: " "))
            end += count
        }
        if line > 0 {
            buffer[end] = UInt8(ascii: "\n")
            end += 1
        }
        let lineStart = end
        for index in widths.indices {
            if index > 0 { pad(Self.columnGap) }
            if line > 1, case .integer(let number) = rows.values[line - 2][index] {
                let digits = Self.digitCount(number)
                if rightAligned[index] { pad(widths[index] - digits) }
                end = Self.write(number, digits: digits, into: buffer, at: end)
                if !rightAligned[index] { pad(widths[index] - digits) }
                continue
            }
            var (text, width) = switch line {
            case 0: header[index]
            case 1: rule[index]
            default: cell(rows.values[line - 2][index].plainText, column: index)
            }
            if rightAligned[index] { pad(widths[index] - width) }
            text.withUTF8 { bytes in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + bytes.count]).initialize(from: bytes)
                end += bytes.count
            }
            if !rightAligned[index] { pad(widths[index] - width) }
        }
        while end > lineStart && buffer[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    /// A cell of column `column` on one line, and its width.
    private func cell(_ text: String, column: Int) -> (text: String, width: Int) {
        plainASCII[column] ? (text, text.utf8.count) : Self.oneLine(text)
    }

    /// How many characters `number` takes, its sign included. Integers are measured and
    /// written as digits, never made into a String: five integer cells in each of
    /// 100,000 rows of `company list`, made into text once to measure and again to
    /// write, were a quarter of printing it.
    fileprivate static func digitCount(_ number: Int64) -> Int {
        var magnitude = number.magnitude
        var count = number < 0 ? 2 : 1
        while magnitude >= 10 {
            magnitude /= 10
            count += 1
        }
        return count
    }

    /// Writes `number`'s `digits` characters (`digitCount`) at `start`; returns where they end.
    private static func write(_ number: Int64, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var magnitude = number.magnitude
        var position = start + digits
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if number < 0 { buffer[start] = UInt8(ascii: "-") }
        return start + digits
    }

    /// The text on one line - line breaks and tabs in a cell would break the grid - and
    /// its width in characters. Printable ASCII is recognised from the bytes in place:
    /// asked of the UTF-8 view one element at a time, the question cost 700 instructions
    /// a cell, a twentieth of `company list`.
    fileprivate static func oneLine(_ text: String) -> (text: String, width: Int) {
        if isPrintableASCII(text) { return (text, text.utf8.count) }
        let line = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return (line, line.count)
    }

    /// Whether every byte of `text` is printable ASCII: a character each, none a line
    /// break or a tab.
    fileprivate static func isPrintableASCII(_ text: String) -> Bool {
        let isPrintable = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintable) } ?? text.utf8.allSatisfy(isPrintable)
    }
}
