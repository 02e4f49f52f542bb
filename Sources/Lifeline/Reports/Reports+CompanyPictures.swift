import LifelineCore

/// What `company list` and `company show` print, each read in one snapshot.
extension Reports {
    /// Every company in the portfolio as of `asOf` (a lifeline begun by then), with its
    /// totals and its assessment as of that date, handed to `body` one at a time in slug
    /// order: 100,000 listings held at once were most of `company list`'s memory.
    public func forEachCompanyListing(asOf: CivilDate, _ body: (CompanyListing) throws -> Void) throws {
        let (stallDays, chunkSize) = (self.stallDays, portfolio.engineChunkSize)
        // The facts, and from them the half of the stagnation flags that needs no
        // outcome, on another thread and connection while this one reads the outcomes,
        // the money and the runways: over 100,000 companies, about 0.3 s and 0.2 s of a
        // core, which one connection read one after the other.
        try portfolio.read(alongside: { other in
            let rows = try other.reassessment.factRows(.all, needing: .stagnation)
            let counts = ByCompany<(dependencies: Int, exposures: Int)>(
                companyIDs: rows.companies.map(\.id),
                values: rows.companies.map { (rows.lookups.dependencies.values(of: $0.id).count, rows.lookups.exposures.values(of: $0.id).count) })
            let releases = Reassessment.ReleaseIndex(dateOrdered: try other.reassessment.releaseFacts(concerning: rows))
            return (counts: counts, staleOpportunities: Reassessment.staleOpportunities(
                of: rows, releases: releases, asOf: asOf, stallDays: stallDays, chunkSize: chunkSize))
        }) { facts in
            let outcomes = try liveOutcomes(asOf: asOf)
            let invested = try portfolio.companies.investedCents(asOf: asOf)
            // The runways of earlier lifelines (few companies have any), by company and start.
            var earlierRunways: [Int64: [CivilDate: Int]] = [:]
            try database.prepare(sql: "SELECT company_id, starts_on, runway_months FROM earlier_lifelines")
                .forEachRow { earlierRunways[try $0.get(0), default: [:]][try $0.get(1) as CivilDate] = try $0.get(2) }
            let (counts, staleOpportunities) = try facts()
            try portfolio.companies.forEachCompanyBySlug { id, company in
                guard let outcome = outcomes[id], let count = counts.values(of: id).first else { return }
                let summary = CompanySummary(
                    company: company, totalInvestedCents: invested.values(of: id).first ?? 0,
                    dependencyCount: count.dependencies, exposureCount: count.exposures)
                let assessment = Assessment(
                    companyID: id, company: company.slug, asOf: asOf, outcome: outcome, opportunities: [], threats: [], dismissedThreats: [])
                let flags = LifelineEngine.stagnation(
                    outcome: outcome, staleOpportunity: staleOpportunities.values(of: id).first, asOf: asOf, stallDays: stallDays)
                try body(CompanyListing(
                    summary: summary, assessment: assessment,
                    runwayMonths: earlierRunways[id]?[outcome.lifelineStart] ?? company.runwayMonths, flags: flags))
            }
        }
    }

    /// Everything recorded about one company, with its assessment as of `asOf` and the
    /// investments made by then.
    public func companyPicture(_ slug: String, asOf: CivilDate) throws -> CompanyPicture {
        try read {
            let detail = try portfolio.companies.companyDetail(slug)
            let assessment = try liveAssessment(slug, asOf: asOf)
            let flags = try assessment.map {
                try portfolio.reassessment.stagnation(
                    .ids([$0.companyID]), outcomes: [$0.companyID: $0.outcome], asOf: asOf, stallDays: stallDays)[$0.companyID] ?? []
            } ?? []
            return CompanyPicture(
                asOf: asOf,
                detail: CompanyDetail(
                    company: detail.company, investments: detail.investments.filter { $0.investedOn <= asOf },
                    dependencies: detail.dependencies, exposures: detail.exposures),
                lifelines: try portfolio.companies.lifelines(slug), closing: try portfolio.companies.closing(slug),
                assessment: assessment, recorded: try currentAssessment(slug),
                dismissals: try portfolio.companies.dismissals(company: slug),
                adoptions: try portfolio.companies.adoptions(company: slug, asOf: asOf), threats: try threats(of: slug),
                flags: flags, notifyTag: try portfolio.companies.notifyTag(slug))
        }
    }
}
