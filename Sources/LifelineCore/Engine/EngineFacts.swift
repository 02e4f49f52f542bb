/// The facts the engine reads about one company: plain values, no database.
public struct CompanyFacts: Equatable, Sendable {
    public let id: Int64
    public let slug: String
    /// Its lifelines, oldest first (by start); never empty. The last is the current one.
    public let lifelines: [LifelineFacts]
    /// When it left the portfolio (`company close`): `closed` from that date on.
    public let closedOn: CivilDate?
    public let dismissals: [DismissalFact]
    /// The capabilities it adopted (`company adopt`), each from its date.
    public let adoptions: [AdoptionFact]

    public init(
        id: Int64, slug: String, lifelines: [LifelineFacts], closedOn: CivilDate? = nil, dismissals: [DismissalFact] = [],
        adoptions: [AdoptionFact] = []
    ) {
        precondition(!lifelines.isEmpty, "a company has at least one lifeline")
        self.id = id
        self.slug = slug
        self.lifelines = lifelines
        self.closedOn = closedOn
        self.dismissals = dismissals
        self.adoptions = adoptions
    }

    /// The capabilities adopted on or before `asOf`: no longer opportunities then.
    func adopted(asOf: CivilDate) -> Set<String> {
        Set(adoptions.lazy.filter { $0.adoptedOn <= asOf }.map(\.capability))
    }

    /// A company with one lifeline.
    public init(
        id: Int64, slug: String, tier: Company.Tier, lifelineStart: CivilDate, runwayMonths: Int,
        exposures: [ExposureFact] = [], dependencies: [ModelReference] = [], dismissals: [DismissalFact] = []
    ) {
        self.init(
            id: id, slug: slug,
            lifelines: [LifelineFacts(
                start: lifelineStart, tier: tier, runwayMonths: runwayMonths, exposures: exposures, dependencies: dependencies)],
            dismissals: dismissals)
    }

    /// The lifeline in force on `date`: the latest started on or before it. Nil before
    /// the first began: the company was not in the portfolio yet.
    public func lifeline(inForceOn date: CivilDate) -> LifelineFacts? {
        lifelines.last { $0.start <= date }
    }

    /// When its first lifeline began: no release before it can concern it.
    public var firstStart: CivilDate { lifelines[0].start }
}

/// One lifeline as the engine needs it: its estimate and what it is exposed to.
public struct LifelineFacts: Equatable, Sendable {
    /// S: when it began (`--since`, or a rebuild or renewal).
    public let start: CivilDate
    public let tier: Company.Tier
    public let runwayMonths: Int
    public let exposures: [ExposureFact]
    /// The models it builds on, each once. An array, not a set: a company has a few, and
    /// a nightly run builds 100,000 of them, where hashing every model cost more than
    /// the linear searches it would spare.
    public let dependencies: [ModelReference]

    public init(start: CivilDate, tier: Company.Tier, runwayMonths: Int, exposures: [ExposureFact] = [], dependencies: [ModelReference] = []) {
        self.start = start
        self.tier = tier
        self.runwayMonths = runwayMonths
        self.exposures = exposures
        self.dependencies = dependencies
    }

    /// N: the start plus the tier, in calendar months.
    public var naturalEnd: CivilDate { start.adding(months: tier.months) }

    /// Rule 4's scope: a release by `provider` counts for `exposure` when the exposure
    /// names the provider, or names none and no other exposure of its capability names
    /// it ("advantage from anthropic, necessity from everyone else").
    func counts(provider: String, for exposure: ExposureFact) -> Bool {
        guard exposure.providers.isEmpty else { return exposure.names(provider: provider) }
        return !exposures.contains { $0.capability == exposure.capability && $0.names(provider: provider) }
    }

    /// Rule 4's scope for a release: a host's release counts only for an exposure that
    /// names the host.
    func counts(_ release: ReleaseFact, for exposure: ExposureFact) -> Bool {
        release.byHost ? exposure.names(provider: release.model.provider) : counts(provider: release.model.provider, for: exposure)
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

    /// The order of a lifeline's exposures: by capability, then (several exposures to one
    /// capability) by the providers they name and the effect, so that equal facts read by
    /// different paths compare equal.
    package static func inOrder(_ a: ExposureFact, _ b: ExposureFact) -> Bool {
        if a.capability != b.capability { return a.capability < b.capability }
        return (a.providers.sorted().joined(separator: ","), a.effect.rawValue) < (b.providers.sorted().joined(separator: ","), b.effect.rawValue)
    }

    /// Whether the exposure names `provider`; an exposure with no providers names none.
    func names(provider: String) -> Bool { providers.contains(provider) }
}

/// An investor's judgement that a release does not threaten a company (rule 9).
/// That the company adopted a capability (`company adopt`): from that day on, a
/// release shipping it on a model the company builds on is no opportunity to adopt - it
/// has it. Before that day it still is, so a backtest lists what was open then.
public struct AdoptionFact: Equatable, Sendable {
    public let capability: String
    public let adoptedOn: CivilDate

    public init(capability: String, adoptedOn: CivilDate) {
        self.capability = capability
        self.adoptedOn = adoptedOn
    }
}

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
    /// The other models whose dependents the release concerns, through snapshots
    /// (`models.snapshot_of`): a capability shipped on a snapshot reaches the dependents of
    /// its base model (opportunities); a retirement of a base model retires its snapshots
    /// too. Empty for most releases, and then costs nothing.
    public let alsoReaches: [ModelReference]
    /// Released by a host (`providers.role`): a listing of another lab's model, which
    /// threatens only through an exposure that names the host (rule 4).
    public let byHost: Bool

    public init(
        id: Int64, model: ModelReference, kind: Release.Kind, releasedOn: CivilDate, announcedOn: CivilDate? = nil,
        capabilities: [String] = [], alsoReaches: [ModelReference] = [], byHost: Bool = false
    ) {
        self.id = id
        self.model = model
        self.kind = kind
        self.releasedOn = releasedOn
        self.announcedOn = announcedOn
        self.capabilities = capabilities
        self.alsoReaches = alsoReaches
        self.byHost = byHost
    }

    /// Whether the release concerns the dependents of `dependency`: it is the release's
    /// model, or one the release reaches through a snapshot.
    public func reaches(_ dependency: ModelReference) -> Bool {
        model == dependency || (!alsoReaches.isEmpty && alsoReaches.contains(dependency))
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
            && lhs.alsoReaches == rhs.alsoReaches && lhs.byHost == rhs.byHost
    }
}
