/// Where a company's lifeline stands as of a date, and why.
public struct Assessment: Equatable, Sendable {
    public let companyID: Int64
    public let company: String
    public let asOf: CivilDate
    public let outcome: Outcome
    /// Known releases on models the company depends on that ship capabilities it is
    /// not exposed to: features to adopt (rule 7). They never shorten the lifeline.
    public let opportunities: [Opportunity]
    /// Every counting threat dated before the natural end, earliest first: the first is
    /// the cause. What a timeline marks.
    public let threats: [Threat]
    /// Threats that would count but for a dismissal in force (rule 9), so that a
    /// dismissal is never silent.
    public let dismissedThreats: [Threat]

    package init(companyID: Int64, company: String, asOf: CivilDate, outcome: Outcome, opportunities: [Opportunity], threats: [Threat], dismissedThreats: [Threat]) {
        self.companyID = companyID
        self.company = company
        self.asOf = asOf
        self.outcome = outcome
        self.opportunities = opportunities
        self.threats = threats
        self.dismissedThreats = dismissedThreats
    }

    /// Whole days from the as-of date to the lifeline's end; negative when past.
    public var daysRemaining: Int { asOf.days(until: outcome.lifelineEnd) }

    public var status: LifelineStatus { outcome.status }

    /// What the engine decided: everything that is compared to tell whether a company's
    /// assessment changed. The as-of date and days remaining move every day and are
    /// not part of it.
    public struct Outcome: Equatable, Sendable {
        public let status: LifelineStatus
        public let tierMonths: Int
        public let lifelineStart: CivilDate
        /// N: the start plus the tier, in calendar months.
        public let naturalEnd: CivilDate
        /// The earliest counting threat's date, or N.
        public let lifelineEnd: CivilDate
        /// For `replaced`: the threat's date plus the company's runway months.
        public let runwayEnd: CivilDate?
        public let cause: Cause

        public init(
            status: LifelineStatus, tierMonths: Int, lifelineStart: CivilDate, naturalEnd: CivilDate,
            lifelineEnd: CivilDate, runwayEnd: CivilDate?, cause: Cause
        ) {
            self.status = status
            self.tierMonths = tierMonths
            self.lifelineStart = lifelineStart
            self.naturalEnd = naturalEnd
            self.lifelineEnd = lifelineEnd
            self.runwayEnd = runwayEnd
            self.cause = cause
        }
    }

    /// Why the lifeline ends where it does.
    public enum Cause: Equatable, Sendable {
        /// No threat before the natural end: the tier estimate.
        case tier
        /// A release: a capability the company is exposed to, or a retirement.
        case threat(Threat)
        /// The company left the portfolio before anything else ended the lifeline.
        case closed

        /// The kind of cause, as recorded (`assessments.cause_kind`).
        public enum Kind: String, CaseIterable, Sendable {
            case tier, threat, retirement, closed
        }

        public var kind: Kind {
            switch self {
            case .tier: .tier
            case .closed: .closed
            case .threat(let threat): threat.isRetirement ? .retirement : .threat
            }
        }

        public var threat: Threat? {
            if case .threat(let threat) = self { return threat }
            return nil
        }
    }
}

/// A company's status as of a date (rule 6).
public enum LifelineStatus: String, CaseIterable, Sendable {
    /// Still standing, and the end is more than the warning window away (or not begun).
    case alive
    /// The end - a known future threat, or the tier estimate - is within the window.
    case atRisk = "at-risk"
    /// The tier estimate ran out with no threat first: the investor should review it.
    case elapsed
    /// An advantage threat landed: the company must rebuild on the new capability.
    case rebuild
    /// A necessity threat landed: the product is being replaced; runway until `runwayEnd`.
    case replaced
    /// A model it depends on, with no fallback, was retired.
    case migrate
    /// It left the portfolio (exit, shutdown, write-off): nothing threatens it any more.
    case closed

    /// True for the statuses in which the lifeline has ended.
    public var hasEnded: Bool { self == .rebuild || self == .replaced || self == .migrate }

    /// True while the lifeline runs: a new threat can still end it.
    public var isRunning: Bool { self == .alive || self == .atRisk }
}

/// A release that ends, or would end, a company's lifeline.
public struct Threat: Equatable, Sendable {
    public let releaseID: Int64
    public let model: ModelReference
    public let releasedOn: CivilDate
    /// The capability that threatens, with the exposure's effect; nil for a retirement.
    public let capability: String?
    public let effect: Effect?

    public var provider: String { model.provider }
    public var isRetirement: Bool { capability == nil }

    package init(releaseID: Int64, model: ModelReference, releasedOn: CivilDate, capability: String?, effect: Effect?) {
        self.releaseID = releaseID
        self.model = model
        self.releasedOn = releasedOn
        self.capability = capability
        self.effect = effect
    }
}

/// A capability to adopt: shipped on a model the company builds on.
public struct Opportunity: Equatable, Sendable {
    public let releaseID: Int64
    public let model: ModelReference
    public let releasedOn: CivilDate
    public let capability: String
}

extension Assessment {
    /// The same assessment without its opportunities: for holding many at once.
    /// The same outcome, listing `opportunities` and no threats.
    package func listing(opportunities: [Opportunity]) -> Assessment {
        Assessment(
            companyID: companyID, company: company, asOf: asOf, outcome: outcome, opportunities: opportunities, threats: [],
            dismissedThreats: [])
    }

    package var withoutOpportunities: Assessment {
        Assessment(
            companyID: companyID, company: company, asOf: asOf, outcome: outcome, opportunities: [], threats: threats,
            dismissedThreats: dismissedThreats)
    }
}

/// An earlier lifeline of a company, as it stood the day before the next one began.
public struct SupersededLifeline: Equatable, Sendable {
    public let outcome: Assessment.Outcome
    public let nextBegan: CivilDate

    /// Where it ended on a timeline: what ended it, or the next one's start.
    public var end: CivilDate { min(outcome.lifelineEnd, nextBegan) }
}
