/// That a company adopted an opportunity: a capability shipped on a model it builds on
/// (`company adopt`). The essay's "performance first": how fast it adopts is the lag.
public struct Adoption: Equatable, Sendable {
    public let company: String
    public let capability: String
    /// The opportunity adopted: the release named, or the earliest that shipped the
    /// capability on a model the company depended on.
    public let release: Release
    public let adoptedOn: CivilDate
    public let note: String?

    /// Days from the release to the adoption.
    public var lagDays: Int { release.releasedOn.days(until: adoptedOn) }

    package init(company: String, capability: String, release: Release, adoptedOn: CivilDate, note: String?) {
        self.company = company
        self.capability = capability
        self.release = release
        self.adoptedOn = adoptedOn
        self.note = note
    }
}
