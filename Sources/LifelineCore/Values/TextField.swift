/// Checks for the free-text values people type: display names, sectors, notes, URLs.
/// Stored exactly as given (any Unicode); only what would break a one-line display
/// or the schema's limits is refused.
public enum TextField {
    /// A display name: 1 to 200 characters, no control characters.
    public static func name(_ text: String, of what: String) throws -> String {
        try oneLine(text, field: "\(what) name", maximumLength: 200)
    }

    /// A one-line value (sector, round, description) of at most `maximumLength` characters.
    public static func oneLine(_ text: String, field: String, maximumLength: Int) throws -> String {
        guard !text.trimmingSpaces().isEmpty else {
            throw LifelineError(.badData, "the \(field) is empty")
        }
        guard text.unicodeScalars.count <= maximumLength else {
            throw LifelineError(.badData, "the \(field) is longer than \(maximumLength) characters")
        }
        guard !text.unicodeScalars.contains(where: isControl) else {
            throw LifelineError(.badData, "the \(field) '\(Slug.printable(text))' contains control characters")
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

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
