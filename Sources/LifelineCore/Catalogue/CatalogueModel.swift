/// One model as a catalogue describes it, read and checked but not yet compared with the
/// database: what the importers produce and `Portfolio.importCatalogue` records.
public struct CatalogueModel: Equatable, Sendable {
    /// Where it sits in the file, for messages: `$.openai.models.gpt-4`.
    public let path: String
    public let providerID: String
    public let providerName: String?
    public let modelID: String
    public let name: String?
    /// The catalogue's model family (models.dev's `family`: `gpt`, `claude-sonnet`, ...),
    /// lower-case, when it gives one that fits a family name (`v_model_origins` reads it).
    public let family: String?
    public let releaseDate: CatalogueDate
    public let lastUpdated: CivilDate?
    /// The catalogue's capability fields that are true, as alias keys: `tool_call`,
    /// `supports_vision`, `input:image`, `output:audio`, `context:100k`, ...
    public let flags: Set<String>
    /// When the catalogue says the model is deprecated (LiteLLM's `deprecation_date`).
    public let deprecation: CivilDate?
    /// The modality rules that decided how its document and attachment fields read.
    public let modalityRules: Set<ModalityRule>

    public init(
        path: String, providerID: String, providerName: String?, modelID: String, name: String?, family: String? = nil,
        releaseDate: CatalogueDate, lastUpdated: CivilDate?, flags: Set<String>, deprecation: CivilDate?,
        modalityRules: Set<ModalityRule> = []
    ) {
        self.path = path
        self.providerID = providerID
        self.providerName = providerName
        self.modelID = modelID
        self.name = name
        self.family = family
        self.releaseDate = releaseDate
        self.lastUpdated = lastUpdated
        self.flags = flags
        self.deprecation = deprecation
        self.modalityRules = modalityRules
    }
}

/// A release date as catalogues give it.
public enum CatalogueDate: Equatable, Sendable {
    case day(CivilDate)
    /// `YYYY-MM`: taken as the first of the month, and the release says so.
    case month(CivilDate)
    /// Missing, or a placeholder such as 1970-01-01: dated by `--as-of`.
    case unknown

    /// Parses `YYYY-MM-DD` or `YYYY-MM`; nil for anything else.
    static func parse(_ text: String) -> CatalogueDate? {
        if text == "1970-01-01" || text == "1970-01" { return .unknown }
        if let date = CivilDate(iso: text) { return .day(date) }
        if text.utf8.count == 7, let date = CivilDate(iso: text + "-01") { return .month(date) }
        return nil
    }
}

/// A catalogue file read into models.
public struct Catalogue: Sendable {
    /// `models.dev` or `LiteLLM`.
    public let name: String
    /// The file it came from (its last path component), recorded as each release's source.
    public let fileName: String
    public let models: [CatalogueModel]
    /// Values the reader could not use, each with its JSON path: an impossible date (the
    /// entry is then dated by `--as-of`) or an entry it had to skip. Empty in strict mode,
    /// where the first one is an error instead.
    public let problems: [String]

    /// What imported releases record as their source.
    public var source: String { "import: \(name) \(fileName)" }
}

/// Reading JSON with errors that name the path of the first problem.
struct JSONReader {
    let value: JSONValue
    /// Where the value is: the path of the object it is a member of, and its key. They
    /// are joined only when a message needs the path - joining them for every member
    /// read was a tenth of a catalogue import's instructions.
    private let base: String
    private let key: String?

    init(path: String, value: JSONValue) {
        self.init(base: path, key: nil, value: value)
    }

    private init(base: String, key: String?, value: JSONValue) {
        self.base = base
        self.key = key
        self.value = value
    }

    /// `$.openai.models.gpt-4.limit`, for messages.
    var path: String { key.map { base + "." + $0 } ?? base }

    func object() throws -> [(String, JSONValue)] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return members
    }

    func member(_ key: String) -> JSONReader? {
        value[key].map { JSONReader(base: path, key: key, value: $0) }
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        guard let member = member(key), member.value != .null else { return nil }
        return try member.string()
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("true or false") }
        return flag
    }

    func number() throws -> Double {
        guard case .number(let number) = value else { throw mismatch("a number") }
        return number
    }

    func stringArray() throws -> [String] {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return try elements.enumerated().map { index, element in
            guard case .string(let text) = element else {
                throw JSONReader(path: path + "[\(index)]", value: element).mismatch("a string")
            }
            return text
        }
    }

    /// A date member: `YYYY-MM-DD`, `YYYY-MM`, or missing/null (unknown). An impossible
    /// date is a problem: unknown, or an error in strict mode.
    func date(_ key: String, problems: inout Problems) throws -> CatalogueDate {
        guard let text = try optionalString(key) else { return .unknown }
        guard let date = CatalogueDate.parse(text) else {
            try problems.record("\(path).\(key): '\(Slug.printable(text))' is not a date (YYYY-MM-DD or YYYY-MM)")
            return .unknown
        }
        return date
    }

    func mismatch(_ expected: String) -> LifelineError {
        LifelineError(.badData, "\(path): expected \(expected), found \(value.kindName)")
    }
}

/// Values a catalogue reader could not use. Real catalogues have a few (an impossible
/// date, an entry without a provider); by default they are reported and worked around,
/// and with `strict` the first one fails the import.
struct Problems {
    let strict: Bool
    private(set) var messages: [String] = []

    init(strict: Bool) {
        self.strict = strict
    }

    mutating func record(_ message: String) throws {
        if strict { throw LifelineError(.badData, message + " (without --strict it would be reported and worked around)") }
        messages.append(message)
    }
}

/// The context window from which a model counts as `long-context` (the `context:100k`
/// flag), in tokens.
let longContextTokens = 100_000.0
