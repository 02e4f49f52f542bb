/// A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks
/// inside quotes, CRLF or LF line ends, and what spreadsheets add - the byte-order mark
/// of Excel's "CSV UTF-8", and the `;` separator of European Excel. Enough for
/// spreadsheets' exports and release feeds; not a general-purpose dialect guesser.
public enum CSV {
    /// One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line
    /// break, with quotes doubled.
    public static func field(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Whether the text holds a comma, a quote or a line break. Its bytes are looked at
    /// first: most fields hold none of the bytes that can begin one (walking them as
    /// Characters was most of `lifeline sql --format csv` on 100,000 rows). A line break
    /// beyond ASCII (U+0085, U+2028, U+2029) begins with 0xC2 or 0xE2; only then are the
    /// Characters walked.
    private static func needsQuotes(_ text: String) -> Bool {
        var mayBreakLines = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A...0x0D: return true
            case 0xC2, 0xE2: mayBreakLines = true
            default: continue
            }
        }
        return mayBreakLines && text.contains(where: \.isNewline)
    }

    /// A whole file: a header line and one line per row; nil cells are empty.
    public static func document(columns: [String], rows: [[String?]]) -> String {
        ([columns] + rows.map { $0.map { $0 ?? "" } }).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
    }

    /// The separator of a file's fields: `,` unless its first line (its header) holds more
    /// `;` than `,` - European Excel's CSV - or more tabs than either.
    public static func detectedDelimiter(in text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, let count = counts[scalar] { counts[scalar] = count + 1 }
        }
        if counts["\t"]! > max(counts[","]!, counts[";"]!) { return "\t" }
        return counts[";"]! > counts[","]! ? ";" : ","
    }

    /// The records of `text`, each with the 1-based line it starts on. A leading
    /// byte-order mark is not part of the first field.
    /// - Throws: `LifelineError` (bad data) for an unterminated quote or a stray quote,
    ///   placed as `FILE:LINE` when `fileName` is given, else `line LINE`.
    public static func records(
        in text: String, fileName: String? = nil, delimiter: Unicode.Scalar = ","
    ) throws -> [(line: Int, fields: [String])] {
        let place = { (line: Int) in fileName.map { "\($0):\(line)" } ?? "line \(line)" }
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        if let first = scalars.next(), first != "\u{FEFF}" { pending = first }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else {
                    throw LifelineError(.badData, "\(place(line)): a quote inside an unquoted field; quote the whole field")
                }
                quoted = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw LifelineError(.badData, "\(place(recordLine)): a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
