/// Everything `company show` prints about one company, read from one snapshot: a list
/// and its details never mix two states of a database another process is writing.
public struct CompanyPicture: Sendable {
    public let detail: CompanyDetail
    /// The engine's answer as of the date asked for, with the opportunities and
    /// dismissed threats that are never stored.
    public let assessment: Assessment
    /// The latest recorded assessment, to say when it no longer matches.
    public let recorded: StoredAssessment?
    public let dismissals: [Dismissal]
    /// Every open threat to the current lifeline, as of the latest date assessed
    /// (`v_company_threats`), in date order.
    public let threats: [CompanyThreat]

    package init(
        detail: CompanyDetail, assessment: Assessment, recorded: StoredAssessment?, dismissals: [Dismissal], threats: [CompanyThreat]
    ) {
        self.detail = detail
        self.assessment = assessment
        self.recorded = recorded
        self.dismissals = dismissals
        self.threats = threats
    }
}

/// One row of `company list`: the company with its totals and its assessment as of the
/// date asked for (nil when it has none).
public struct CompanyListing: Sendable {
    public let summary: CompanySummary
    public let assessment: Assessment?

    package init(summary: CompanySummary, assessment: Assessment?) {
        self.summary = summary
        self.assessment = assessment
    }
}
