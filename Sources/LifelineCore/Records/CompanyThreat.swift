/// One open threat to a company's current lifeline: a row of `v_company_threats`
/// (docs/schema.md), as `company show` lists them.
public struct CompanyThreat: Equatable, Sendable {
    /// What the threat is to the company now.
    public enum Role: String, CaseIterable, Sendable {
        /// It ends the lifeline in the company's current assessment.
        case cause
        /// A dismissal of it is in force.
        case dismissed
        /// Known, but not landed yet.
        case announced
        /// Any other: later than the cause, or after the lifeline's natural end.
        case later
    }

    public let releaseID: Int64
    public let releasedOn: CivilDate
    public let announcedOn: CivilDate?
    public let model: ModelReference
    /// The capability it ships that the company is exposed to; nil for a retirement.
    public let capability: String?
    public let effect: Effect?
    /// When a dismissal in force ends; nil for good (or when not dismissed).
    public let dismissedUntil: CivilDate?
    public let role: Role

    package init(
        releaseID: Int64, releasedOn: CivilDate, announcedOn: CivilDate?, model: ModelReference, capability: String?,
        effect: Effect?, dismissedUntil: CivilDate?, role: Role
    ) {
        self.releaseID = releaseID
        self.releasedOn = releasedOn
        self.announcedOn = announcedOn
        self.model = model
        self.capability = capability
        self.effect = effect
        self.dismissedUntil = dismissedUntil
        self.role = role
    }
}
