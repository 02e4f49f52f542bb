/// Everything `company show` prints about one company, read from one snapshot: a list
/// and its details never mix two states of a database another process is writing.
public struct CompanyPicture: Sendable {
    /// The date it is pictured as of.
    public let asOf: CivilDate
    /// The record, with the investments made by `asOf`.
    public let detail: CompanyDetail
    /// Every lifeline, oldest first; the last is the current one.
    public let lifelines: [LifelineRecord]
    public let closing: Closing?
    /// The engine's answer as of the date asked for, with the opportunities and
    /// dismissed threats that are never stored; nil when the company was not in the
    /// portfolio yet then (no lifeline begun).
    public let assessment: Assessment?
    /// The latest recorded assessment, to say when it no longer matches.
    public let recorded: StoredAssessment?
    public let dismissals: [Dismissal]
    /// The opportunities it adopted by `asOf`, by date.
    public let adoptions: [Adoption]
    /// Every open threat to the current lifeline, as of the latest date assessed
    /// (`v_company_threats`), in date order.
    public let threats: [CompanyThreat]
    /// Its stagnation flags as of `asOf` (rule 11).
    public let flags: [StagnationFlag]
    /// The tag that routes its alerts (`notify --tag`).
    public let notifyTag: String?

    package init(
        asOf: CivilDate, detail: CompanyDetail, lifelines: [LifelineRecord], closing: Closing?, assessment: Assessment?,
        recorded: StoredAssessment?, dismissals: [Dismissal], adoptions: [Adoption] = [], threats: [CompanyThreat],
        flags: [StagnationFlag] = [], notifyTag: String? = nil
    ) {
        self.asOf = asOf
        self.detail = detail
        self.lifelines = lifelines
        self.closing = closing
        self.assessment = assessment
        self.recorded = recorded
        self.dismissals = dismissals
        self.adoptions = adoptions
        self.threats = threats
        self.flags = flags
        self.notifyTag = notifyTag
    }
}

/// One row of `company list`: a company in the portfolio as of the date asked for, with
/// its totals and its assessment as of that date.
public struct CompanyListing: Equatable, Sendable {
    public let summary: CompanySummary
    public let assessment: Assessment
    /// The runway of the lifeline in force then (the assessed one), not the current one's.
    public let runwayMonths: Int
    /// Its stagnation flags as of that date (rule 11).
    public let flags: [StagnationFlag]

    package init(summary: CompanySummary, assessment: Assessment, runwayMonths: Int, flags: [StagnationFlag] = []) {
        self.summary = summary
        self.assessment = assessment
        self.runwayMonths = runwayMonths
        self.flags = flags
    }
}
