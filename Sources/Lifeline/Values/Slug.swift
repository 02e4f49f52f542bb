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
    static func printable(_ text: String) -> String {
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
