/// The rules for names that scripts type: provider, model, capability and company
/// slugs. Lower-case letters, digits, `-`, `.` and `_`, starting with a letter or a
/// digit. The same rules are CHECK constraints in the schema.
public enum Slug {
    /// The longest slug of each kind, as the schema allows.
    public static let maximumLength = 64
    public static let maximumModelLength = 128

    /// Returns `text` when it is a valid slug, else throws a message that shows a valid
    /// version of it.
    ///
    /// - Parameter kind: what the slug names, for the message ("provider", "company").
    @discardableResult
    public static func validate(_ text: String, kind: String, maximumLength: Int = Slug.maximumLength) throws -> String {
        guard !text.isEmpty else { throw LifelineError(.badData, "the \(kind) slug is empty") }
        guard text.unicodeScalars.count <= maximumLength else {
            throw LifelineError(.badData, "the \(kind) slug is longer than \(maximumLength) characters")
        }
        guard isValid(text) else {
            let suggestion = suggested(from: text)
            let hint = suggestion.isEmpty || suggestion == text ? "" : " (e.g. '\(suggestion)')"
            throw LifelineError(
                .badData,
                "invalid \(kind) slug '\(printable(text))': use lower-case letters, digits, '-', '.' and '_', starting with a letter or digit\(hint)")
        }
        return text
    }

    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLetterOrDigit(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLetterOrDigit($0) || $0 == "-" || $0 == "." || $0 == "_" }
    }

    /// A valid slug made from free text: `Open AI, Inc.` -> `open-ai-inc`.
    public static func suggested(from text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? suggested(fromASCII: text.utf8) : suggested(fromUnicode: text)
    }

    /// `suggested(from:)` a byte at a time, for ASCII text: a catalogue import suggests
    /// two slugs per model, and going through Unicode scalars and Characters cost 4% of it.
    static func suggested(fromASCII text: String.UTF8View) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.count)
        for byte in text {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if isLetterOrDigit(Unicode.Scalar(lower)) || lower == UInt8(ascii: ".") || lower == UInt8(ascii: "_") {
                slug.append(lower)
            } else if let last = slug.last, last != UInt8(ascii: "-") {
                slug.append(UInt8(ascii: "-"))
            }
        }
        let isLetterOrDigitByte = { (byte: UInt8) in isLetterOrDigit(Unicode.Scalar(byte)) }
        guard let first = slug.firstIndex(where: isLetterOrDigitByte), let last = slug.lastIndex(where: isLetterOrDigitByte) else {
            return ""
        }
        return String(decoding: slug[first...last], as: UTF8.self)
    }

    /// `suggested(from:)` for any text: lower-cased as Unicode first (the Kelvin sign
    /// becomes `k`).
    static func suggested(fromUnicode text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if isLetterOrDigit(scalar) || scalar == "." || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while let last = slug.last, !last.isLetter && !last.isNumber { slug.removeLast() }
        while let first = slug.first, !first.isLetter && !first.isNumber { slug.removeFirst() }
        return slug
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Control characters shown escaped, so an error message stays one readable line.
    package static func printable(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 80 ? shown + "..." : shown
    }
}

/// `PROVIDER/MODEL`, such as `openai/gpt-4-0613`: how users name a model.
public struct ModelReference: Hashable, Sendable, CustomStringConvertible {
    public let provider: String
    public let model: String

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    /// Parses and validates `PROVIDER/MODEL`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw LifelineError(
                .badData, "invalid model '\(Slug.printable(text))': write it as PROVIDER/MODEL, e.g. 'openai/gpt-4'")
        }
        provider = try Slug.validate(String(parts[0]), kind: "provider")
        model = try Slug.validate(String(parts[1]), kind: "model", maximumLength: Slug.maximumModelLength)
    }

    public var description: String { provider + "/" + model }
}
