/// A dated event: a provider launches a model, adds capabilities to one, or retires one.
public struct Release: Equatable, Sendable {
    public let id: Int64
    public let model: ModelReference
    public let kind: Kind
    public let releasedOn: CivilDate
    /// Set only when it was announced before `releasedOn`.
    public let announcedOn: CivilDate?
    /// Capability slugs, sorted.
    public let capabilities: [String]
    public let note: String?
    public let source: String?
    /// When it was recorded, UTC.
    public let loggedAt: String
    /// Where `releasedOn` comes from.
    public let dateBasis: DateBasis

    public enum Kind: String, CaseIterable, Sendable {
        case launch
        case capability
        case retirement
    }

    /// Where a release came from, by its date basis: `logged` by a person (`release
    /// log`), `import`ed from a catalogue (its source reads `import: CATALOGUE FILE`), or
    /// read from a sourced release `history`.
    public enum Source: String, CaseIterable, Sendable {
        case logged
        case imported = "import"
        case history
    }

    /// Where a release's date comes from (`releases.date_basis`): a person, a
    /// catalogue's own date, the day a catalogue snapshot showed something new, or a
    /// sourced history. Only `logged` and `history` say when a provider shipped it.
    public enum DateBasis: String, CaseIterable, Sendable {
        case logged
        case catalogueReleaseDate = "catalogue-release-date"
        case catalogueDeprecationDate = "catalogue-deprecation-date"
        case catalogueDiff = "catalogue-diff"
        case history

        /// A one-letter mark for the report, where a date is dated by a catalogue: `c`
        /// for a catalogue's own date, `d` for the day a snapshot showed it, `h` for the
        /// history; none for a person's.
        public var mark: String? {
            switch self {
            case .logged: nil
            case .catalogueReleaseDate, .catalogueDeprecationDate: "c"
            case .catalogueDiff: "d"
            case .history: "h"
            }
        }

        /// The basis of a release recorded before lifeline kept one (an export's
        /// releases.csv without the column), read from what the imports wrote, as
        /// migration 0017 reads the releases already in a database.
        public static func inferred(kind: Kind, source: String?, note: String?) -> DateBasis {
            guard source?.hasPrefix("import:") == true else { return .logged }
            switch kind {
            case .retirement: return .catalogueDeprecationDate
            case .launch where !(note?.hasSuffix(" gives no release date; dated the day of the import") ?? false):
                return .catalogueReleaseDate
            default: return .catalogueDiff
            }
        }

        /// What the mark means, for the report's legend and titles.
        public var explanation: String {
            switch self {
            case .logged: "logged by a person"
            case .catalogueReleaseDate: "a catalogue's release date"
            case .catalogueDeprecationDate: "a catalogue's deprecation date"
            case .catalogueDiff: "the day a catalogue snapshot first showed it"
            case .history: "the sourced release history"
            }
        }
    }

    /// The date from which the release is known: its announcement, else its release.
    public var knownOn: CivilDate { announcedOn ?? releasedOn }

    package init(id: Int64, model: ModelReference, kind: Kind, releasedOn: CivilDate, announcedOn: CivilDate?, capabilities: [String], note: String?, source: String?, loggedAt: String,
        dateBasis: DateBasis = .logged
    ) {
        self.id = id
        self.model = model
        self.kind = kind
        self.releasedOn = releasedOn
        self.announcedOn = announcedOn
        self.capabilities = capabilities
        self.note = note
        self.source = source
        self.loggedAt = loggedAt
        self.dateBasis = dateBasis
    }
}
