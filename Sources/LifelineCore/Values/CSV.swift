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
    /// byte-order mark is not part of the first field. Read as UTF-8 bytes: every byte
    /// that delimits is ASCII, and no byte of a multi-byte character is (a scalar at a
    /// time, this was a fortieth of importing the release history).
    /// - Precondition: `delimiter` is ASCII (`,`, `;` or a tab).
    /// - Throws: `LifelineError` (bad data) for an unterminated quote or a stray quote,
    ///   placed as `FILE:LINE` when `fileName` is given, else `line LINE`.
    public static func records(
        in text: String, fileName: String? = nil, delimiter: Unicode.Scalar = ","
    ) throws -> [(line: Int, fields: [String])] {
        precondition(delimiter.isASCII, "CSV.records: the delimiter must be ASCII")
        var text = text
        return try text.withUTF8 { try records(inUTF8: $0, fileName: fileName, delimiter: UInt8(delimiter.value)) }
    }

    private static func records(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, fileName: String?, delimiter: UInt8
    ) throws -> [(line: Int, fields: [String])] {
        let place = { (line: Int) in fileName.map { "\($0):\(line)" } ?? "line \(line)" }
        let (quote, carriageReturn, lineFeed) = (UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == lineFeed { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                guard field.isEmpty else {
                    throw LifelineError(.badData, "\(place(line)): a quote inside an unquoted field; quote the whole field")
                }
                quoted = true
                fieldWasQuoted = true
            case delimiter:
                endField()
                fieldWasQuoted = false
            case carriageReturn, lineFeed:
                if byte == carriageReturn, index < bytes.count, bytes[index] == lineFeed { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if quoted { throw LifelineError(.badData, "\(place(recordLine)): a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
