/// What removing a release does besides: the investors' records that named it. Nothing
/// goes silently - `release remove` says it before and after.
public struct ReleaseRemoval: Sendable {
    public let release: Release
    /// Adoptions that named it, each moved to the earliest other release that was an
    /// opportunity of the same capability for the company by the adoption's date: the
    /// company still adopted it, only the release it took up is another.
    public let adoptionsMoved: [(adoption: Adoption, toReleaseID: Int64)]
    /// Adoptions with no other opportunity left by their date: they go with it.
    public let adoptionsRemoved: [Adoption]
    /// Dismissals of it: with the release gone there is nothing to dismiss.
    public let dismissalsRemoved: [Dismissal]

    package init(
        release: Release, adoptionsMoved: [(adoption: Adoption, toReleaseID: Int64)] = [], adoptionsRemoved: [Adoption] = [],
        dismissalsRemoved: [Dismissal] = []
    ) {
        self.release = release
        self.adoptionsMoved = adoptionsMoved
        self.adoptionsRemoved = adoptionsRemoved
        self.dismissalsRemoved = dismissalsRemoved
    }
}
