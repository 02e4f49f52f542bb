/// What `lifeline release log` asks for, parsed but not yet checked against the database.
public struct ReleaseRequest: Sendable {
    public var model: ModelReference
    public var releasedOn: CivilDate
    /// Capability slugs or aliases.
    public var capabilities: [String]
    /// nil: `capability` for a known model, `launch` for one `createModel` creates.
    public var kind: Release.Kind?
    public var announcedOn: CivilDate?
    public var note: String?
    public var source: String?
    /// Create the model (under an existing provider) when it is not recorded yet.
    public var createModel: Bool
    /// Treat an identical release already logged as success instead of an error.
    public var ifNew: Bool
    /// For imported releases: the catalogue and file, recorded as the source instead of
    /// a URL, so imported facts can be told from hand-logged ones.
    public var importedFrom: String?
    /// Where `releasedOn` comes from; nil: `logged`, or for an imported release what
    /// `Release.DateBasis.inferred` reads from its kind, source and note.
    public var dateBasis: Release.DateBasis?

    public init(
        model: ModelReference, releasedOn: CivilDate, capabilities: [String] = [], kind: Release.Kind? = nil,
        announcedOn: CivilDate? = nil, note: String? = nil, source: String? = nil, createModel: Bool = false,
        ifNew: Bool = false, importedFrom: String? = nil, dateBasis: Release.DateBasis? = nil
    ) {
        self.model = model
        self.releasedOn = releasedOn
        self.capabilities = capabilities
        self.kind = kind
        self.announcedOn = announcedOn
        self.note = note
        self.source = source
        self.createModel = createModel
        self.ifNew = ifNew
        self.importedFrom = importedFrom
        self.dateBasis = dateBasis
    }
}

/// What logging a release did.
public enum ReleaseLogOutcome: Equatable, Sendable {
    /// A new release was recorded (and, with `createdModel`, its model too).
    case logged(Release, createdModel: Bool)
    /// An identical release was already recorded; with `ifNew`, nothing was written.
    case alreadyLogged(Release)

    public var release: Release {
        switch self {
        case .logged(let release, _), .alreadyLogged(let release): release
        }
    }
}
