/// Something that happened to a company between two nightly runs without necessarily
/// changing its status, which the digest reports beside the changes: the investor must
/// hear of it all the same.
public struct ReassessmentEvent: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// A replaced company's operating runway ran out: the product is gone.
        case runwayEnded = "runway-ended"
        /// A dismissal's `until` passed: the threat it hid counts again.
        case dismissalExpired = "dismissal-expired"
        /// A release announced in advance landed.
        case announcedLanded = "announced-landed"
        /// A stagnation flag went up (rule 11): an opportunity left unadopted, or a
        /// rebuild left undone, for longer than the stall window.
        case stagnating
    }

    public let kind: Kind
    public let company: String
    /// When it happened: the runway's end, the dismissal's `until`, the release date.
    public let on: CivilDate
    /// The release it is about (the cause whose runway ended, the threat no longer
    /// dismissed, the release that landed); nil only when that release was removed.
    public let releaseID: Int64?
    public let model: ModelReference
    /// What the release ships (empty for a retirement).
    public let capabilities: [String]
    /// The company's assessment as of the run: what the event now means for it.
    public let assessment: Assessment
    /// For `stagnating`: the flag that went up.
    public let flag: StagnationFlag?

    package init(
        kind: Kind, company: String, on: CivilDate, releaseID: Int64?, model: ModelReference, capabilities: [String],
        assessment: Assessment, flag: StagnationFlag? = nil
    ) {
        self.kind = kind
        self.company = company
        self.on = on
        self.releaseID = releaseID
        self.model = model
        self.capabilities = capabilities
        self.assessment = assessment
        self.flag = flag
    }
}
