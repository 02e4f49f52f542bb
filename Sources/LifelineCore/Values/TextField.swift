/// Checks for the free-text values people type: display names, sectors, notes, URLs.
/// Stored exactly as given (any Unicode); only what would break a one-line display
/// or the schema's limits is refused.
public enum TextField {
    /// A display name: 1 to 200 characters, no control characters.
    public static func name(_ text: String, of what: String) throws -> String {
        try oneLine(text, field: "\(what) name", maximumLength: 200)
    }

    /// A one-line value (sector, round, description) of at most `maximumLength` characters.
    /// Also refused: a value of nothing but spaces of any kind (no-break, ideographic) or
    /// invisible characters, and the characters that make one line display as something
    /// else - bidirectional overrides and isolates (U+202E turns `exe.txt` into
    /// `txt.exe`), zero-width characters, line and paragraph separators.
    public static func oneLine(_ text: String, field: String, maximumLength: Int) throws -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || isInvisible($0) }) else {
            throw LifelineError(.badData, "the \(field) is empty")
        }
        guard text.unicodeScalars.count <= maximumLength else {
            throw LifelineError(.badData, "the \(field) is longer than \(maximumLength) characters")
        }
        guard !text.unicodeScalars.contains(where: isControl) else {
            throw LifelineError(.badData, "the \(field) '\(Slug.printable(text))' contains control characters")
        }
        if let hidden = text.unicodeScalars.first(where: { isInvisible($0) || isLineBreaking($0) }) {
            let code = String(hidden.value, radix: 16, uppercase: true)
            throw LifelineError(
                .badData,
                "the \(field) contains U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which would make it display as something else")
        }
        return text
    }

    /// A time lifeline records (`logged_at`, `recorded_at`, ...): UTC, to the millisecond,
    /// as SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes it.
    public static func timestamp(_ text: String, field: String) throws -> String {
        let bytes = Array(text.utf8)
        let digits: [Int] = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]
        let shaped = bytes.count == 24
            && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
            && [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")].allSatisfy { bytes[$0.0] == UInt8(ascii: $0.1) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) } }
        guard shaped, CivilDate(iso: String(text.prefix(10))) != nil, number(11..<13) < 24, number(14..<16) < 60, number(17..<19) < 60
        else {
            let shown = text.unicodeScalars.count > 40 ? String(text.unicodeScalars.prefix(40)) + "..." : text
            throw LifelineError(.badData, "invalid \(field) '\(Slug.printable(shown))': use a UTC time such as 2024-06-01T06:15:02.118Z")
        }
        return text
    }

    /// Notes: several lines allowed (newline and tab), at most 10,000 characters.
    public static func notes(_ text: String, field: String = "notes") throws -> String {
        // "the notes are", "the note is": the field may be either.
        let (be, contain) = field.hasSuffix("s") ? ("are", "contain") : ("is", "contains")
        guard !text.trimmingSpaces().isEmpty else { throw LifelineError(.badData, "the \(field) \(be) empty") }
        guard text.unicodeScalars.count <= 10_000 else {
            throw LifelineError(.badData, "the \(field) \(be) longer than 10000 characters")
        }
        guard !text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" }) else {
            throw LifelineError(.badData, "the \(field) \(contain) control characters")
        }
        return text
    }

    /// A web address: `http://` or `https://`, no spaces, at most 2,000 characters.
    public static func url(_ text: String, field: String) throws -> String {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            text.count > 8, !text.contains(where: { $0 == " " })
        else {
            throw LifelineError(.badData, "invalid \(field) '\(Slug.printable(text))': use a full address such as https://example.com")
        }
        return try oneLine(text, field: field, maximumLength: 2000)
    }

    /// Format characters that show nothing: zero-width space, joiners, word joiner,
    /// byte-order mark, bidirectional marks, embeddings, overrides and isolates.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// Line and paragraph separators: a new line in what must be one.
    private static func isLineBreaking(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
