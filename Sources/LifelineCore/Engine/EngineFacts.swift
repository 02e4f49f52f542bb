/// The facts the engine reads about one company: plain values, no database.
public struct CompanyFacts: Equatable, Sendable {
    public let id: Int64
    public let slug: String
    public let tier: Company.Tier
    /// S: when the current lifeline began (`--since`, or the latest rebuild).
    public let lifelineStart: CivilDate
    public let runwayMonths: Int
    public let exposures: [ExposureFact]
    /// The models it builds on, each once. An array, not a set: a company has a few, and
    /// a nightly run builds 100,000 of them, where hashing every model cost more than
    /// the linear searches it would spare.
    public let dependencies: [ModelReference]
    public let dismissals: [DismissalFact]

    public init(
        id: Int64, slug: String, tier: Company.Tier, lifelineStart: CivilDate, runwayMonths: Int,
        exposures: [ExposureFact] = [], dependencies: [ModelReference] = [], dismissals: [DismissalFact] = []
    ) {
        self.id = id
        self.slug = slug
        self.tier = tier
        self.lifelineStart = lifelineStart
        self.runwayMonths = runwayMonths
        self.exposures = exposures
        self.dependencies = dependencies
        self.dismissals = dismissals
    }
}

/// An exposure as the engine needs it.
public struct ExposureFact: Equatable, Sendable {
    public let capability: String
    public let effect: Effect
    /// Provider slugs whose releases count; empty means any provider.
    public let providers: Set<String>

    public init(capability: String, effect: Effect, providers: Set<String> = []) {
        self.capability = capability
        self.effect = effect
        self.providers = providers
    }

    /// Rule 4: a release counts when its provider is in scope (an empty scope is any).
    func covers(provider: String) -> Bool { providers.isEmpty || providers.contains(provider) }
}

/// An investor's judgement that a release does not threaten a company (rule 9).
public struct DismissalFact: Equatable, Sendable {
    public let releaseID: Int64
    /// The dismissal holds while the as-of date is before this; nil: forever.
    public let until: CivilDate?

    public init(releaseID: Int64, until: CivilDate? = nil) {
        self.releaseID = releaseID
        self.until = until
    }

    func isActive(asOf: CivilDate) -> Bool { until.map { asOf < $0 } ?? true }
}

/// A release as the engine needs it. A class, not a struct: the engine passes each
/// release through several arrays per company, and one reference is far cheaper to copy
/// than its strings and capability list (a tenth of a nightly run's time, measured).
public final class ReleaseFact: Equatable, Sendable {
    public let id: Int64
    public let model: ModelReference
    public let kind: Release.Kind
    public let releasedOn: CivilDate
    public let announcedOn: CivilDate?
    public let capabilities: [String]

    public init(
        id: Int64, model: ModelReference, kind: Release.Kind, releasedOn: CivilDate, announcedOn: CivilDate? = nil,
        capabilities: [String] = []
    ) {
        self.id = id
        self.model = model
        self.kind = kind
        self.releasedOn = releasedOn
        self.announcedOn = announcedOn
        self.capabilities = capabilities
    }

    public convenience init(_ release: Release) {
        self.init(
            id: release.id, model: release.model, kind: release.kind, releasedOn: release.releasedOn,
            announcedOn: release.announcedOn, capabilities: release.capabilities)
    }

    /// Rule 3: known from its announcement, else from its release.
    public var knownOn: CivilDate { announcedOn.map { min($0, releasedOn) } ?? releasedOn }

    public static func == (lhs: ReleaseFact, rhs: ReleaseFact) -> Bool {
        (lhs.id, lhs.model, lhs.kind, lhs.releasedOn, lhs.announcedOn, lhs.capabilities)
            == (rhs.id, rhs.model, rhs.kind, rhs.releasedOn, rhs.announcedOn, rhs.capabilities)
    }
}
