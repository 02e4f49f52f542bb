import LifelineCore

/// What `company list` and `company show` print, each read in one snapshot.
extension Reports {
    /// Every company, by slug, with its totals and its assessment as of `asOf`.
    public func companyListings(asOf: CivilDate) throws -> [CompanyListing] {
        try read {
            let assessments = try liveAssessments(asOf: asOf)
            return try portfolio.companies.companySummaries(investedAsOf: asOf).map { CompanyListing(summary: $0, assessment: assessments[$0.company.slug]) }
        }
    }

    /// Everything recorded about one company, with its assessment as of `asOf`.
    public func companyPicture(_ slug: String, asOf: CivilDate) throws -> CompanyPicture {
        try read {
            CompanyPicture(
                detail: try portfolio.companies.companyDetail(slug), assessment: try liveAssessment(slug, asOf: asOf),
                recorded: try currentAssessment(slug), dismissals: try portfolio.companies.dismissals(company: slug),
                threats: try threats(of: slug))
        }
    }
}
