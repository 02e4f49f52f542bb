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

    public enum Kind: String, CaseIterable, Sendable {
        case launch
        case capability
        case retirement
    }

    /// Where a release came from: `logged` by a person (`release log`, restore), or
    /// `import`ed from a catalogue (its source reads `import: CATALOGUE FILE`).
    public enum Source: String, CaseIterable, Sendable {
        case logged
        case imported = "import"
    }

    /// The date from which the release is known: its announcement, else its release.
    public var knownOn: CivilDate { announcedOn ?? releasedOn }

    package init(id: Int64, model: ModelReference, kind: Kind, releasedOn: CivilDate, announcedOn: CivilDate?, capabilities: [String], note: String?, source: String?, loggedAt: String) {
        self.id = id
        self.model = model
        self.kind = kind
        self.releasedOn = releasedOn
        self.announcedOn = announcedOn
        self.capabilities = capabilities
        self.note = note
        self.source = source
        self.loggedAt = loggedAt
    }
}
