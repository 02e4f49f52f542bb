import LifelineCore
import LifelineStorage

/// What the portfolio shows without changing it: the one-page report (here), every
/// company's assessment - recorded, or computed as of a date - and what a hypothetical
/// release would do (`Reports+Assessments`), and the pictures `company list` and
/// `company show` print (`Reports+CompanyPictures`).
public struct Reports: PortfolioPart {
    /// Whose threats a report lists in full (`report(asOf:recentDays:timeline:)`).
    public enum TimelineCompanies {
        /// Nobody's: each company's threats of the recent window only.
        case recentOnly
        /// Every company's: the reference the lean report is tested against.
        case every
        /// The companies a timeline draws: `choose` picks their ids from the report's
        /// companies, in its order (soonest end first).
        case chosen((_ companies: [PortfolioReport.Entry]) -> [Int64])
    }

    let portfolio: Portfolio

    /// The portfolio as of `asOf`: every company assessed now (as the nightly job would),
    /// the recent releases, whom they threaten and for whom they are an opportunity, and the changes recorded since the latest
    /// nightly run. Reads one snapshot; writes nothing.
    /// `timeline` says whose threats are listed in full, for a timeline to mark; every
    /// other company's are those of the recent window, which over 100,000 companies
    /// spares building and sorting millions. `changesListed` says how many of the changes
    /// to list, given how many companies the report has (every change is counted): a
    /// report that shows the first few spares reading 100,000 of them after a first run.
    public func report(
        asOf: CivilDate, recentDays: Int = 90, timeline: TimelineCompanies, changesListed: (_ companies: Int) -> Int = { _ in .max }
    ) throws -> PortfolioReport {
        try read {
            try portfolio.requireTrust()
            let companies = try portfolio.companies.companiesWithInvestedCents(asOf: asOf)
            let since = asOf.adding(days: -recentDays)
            let detailsFrom: CivilDate? = if case .every = timeline { nil } else { since }
            // Each company's opportunities are offered to the newest and then dropped:
            // kept for every company, they took gigabytes over 100,000 companies.
            var newest = NewestOpportunities(count: PortfolioReport.opportunityCount)
            var entries: [PortfolioReport.Entry] = []
            let superseded = try supersededLifelines(asOf: asOf)
            let recent = try portfolio.catalogue.releases(since: since).filter { $0.knownOn <= asOf }
            // Each recent release's place in `recent`: its adopters and hits are gathered
            // there, one lookup per company and release (three per opportunity, hashed,
            // were a tenth of the report's first thread).
            let recentIndex = Dictionary(uniqueKeysWithValues: recent.enumerated().map { ($1.id, $0) })
            var adopters = Array(repeating: [String](), count: recent.count)
            entries.reserveCapacity(companies.count)
            try portfolio.reassessment.forEachAssessment(
                .all, asOf: asOf, warnDays: warnDays, details: true, detailsFrom: detailsFrom, stallDays: stallDays
            ) { assessment, flags in
                guard let (company, investedCents) = companies.values(of: assessment.companyID).first else { return }
                // A company's opportunities come sorted by release: it adopts each once.
                var previous: Int64?
                for opportunity in assessment.opportunities where opportunity.releaseID != previous {
                    previous = opportunity.releaseID
                    if let index = recentIndex[opportunity.releaseID] { adopters[index].append(assessment.company) }
                }
                newest.offer(assessment.opportunities, of: assessment.company)
                entries.append(PortfolioReport.Entry(
                    company: company, assessment: assessment.withoutOpportunities, investedCents: investedCents,
                    superseded: superseded[assessment.companyID] ?? [], flags: flags))
            }
            if detailsFrom != nil && newest.items.count < PortfolioReport.opportunityCount {
                // Too few in the window: the newest include older ones. Details from the
                // first date lifeline reads list every opportunity, and threats only of
                // the lifelines that run, which this pass does not need either.
                newest = NewestOpportunities(count: PortfolioReport.opportunityCount)
                let everyDate = CivilDate(year: CivilDate.supportedYears.lowerBound, month: 1, day: 1)!
                try portfolio.reassessment.forEachAssessment(.all, asOf: asOf, warnDays: warnDays, details: true, detailsFrom: everyDate) { assessment in
                    guard !companies.values(of: assessment.companyID).isEmpty else { return }
                    newest.offer(assessment.opportunities, of: assessment.company)
                }
            }
            entries.sort { ($0.assessment.outcome.lifelineEnd, $0.company.slug) < ($1.assessment.outcome.lifelineEnd, $1.company.slug) }
            if case .chosen(let choose) = timeline {
                entries = try withEveryThreat(entries, of: Set(choose(entries)), asOf: asOf)
            }

            // One pass over the threats, not one per recent release.
            var hitsByRelease = Array(repeating: [(company: String, threat: Threat, status: LifelineStatus)](), count: recent.count)
            func hit(_ threat: Threat, of entry: PortfolioReport.Entry) {
                guard let index = recentIndex[threat.releaseID] else { return }
                hitsByRelease[index].append((entry.company.slug, threat, entry.assessment.status))
            }
            // A threat to a lifeline that ended changes nothing: of an ended one only the
            // cause is a hit (and the engine lists no other threat of it).
            for entry in entries {
                let outcome = entry.assessment.outcome
                if outcome.status.isRunning {
                    for threat in entry.assessment.threats { hit(threat, of: entry) }
                } else if let threat = outcome.cause.threat {
                    hit(threat, of: entry)
                }
            }
            let hits = recent.indices.reversed().map {
                PortfolioReport.ReleaseHits(release: recent[$0], hits: hitsByRelease[$0], adopters: adopters[$0])
            }

            let lastNightly = try database.fetchOne(
                sql: "SELECT id, as_of FROM reassessment_runs WHERE trigger = 'reassess' AND as_of <= ? ORDER BY as_of DESC, id DESC LIMIT 1",
                arguments: [.text(asOf.iso)]
            ) { (id: try $0.get(0) as Int64, asOf: try $0.get(1) as CivilDate) }
            let changes = try lastNightly.map { try recordedChanges(sinceRun: $0.id, asOf: asOf, atMost: changesListed(entries.count)) }
            return PortfolioReport(
                asOf: asOf, companies: entries, recentReleases: hits, recentDays: recentDays, newestOpportunities: newest.items,
                recentChanges: changes?.listed ?? [], recentChangeCount: changes?.count ?? 0, lastNightlyRun: lastNightly, stallDays: stallDays)
        }
    }

    /// `entries` with every threat of the companies `ids` names, not only the recent
    /// window's: in the report's snapshot, so the marks agree with the rest.
    private func withEveryThreat(_ entries: [PortfolioReport.Entry], of ids: Set<Int64>, asOf: CivilDate) throws -> [PortfolioReport.Entry] {
        guard !ids.isEmpty else { return entries }
        var full: [Int64: Assessment] = [:]
        try portfolio.reassessment.forEachAssessment(.ids(ids), asOf: asOf, warnDays: warnDays, details: true) { full[$0.companyID] = $0 }
        return entries.map { entry in full[entry.assessment.companyID].map { entry.with(assessment: $0.withoutOpportunities) } ?? entry }
    }

    /// The lifelines a later one had replaced by `asOf`, by company id: only the companies
    /// that ever rebuilt or renewed are read; the engine keeps what was replaced by then.
    private func supersededLifelines(asOf: CivilDate) throws -> [Int64: [SupersededLifeline]] {
        let ids = Set(try database.fetchAll(sql: "SELECT DISTINCT company_id FROM earlier_lifelines") { try $0.get(0) as Int64 })
        guard !ids.isEmpty else { return [:] }
        let companies = try portfolio.reassessment.companyFacts(.ids(ids))
        let releases = try portfolio.reassessment.releaseFacts(concerning: companies)
        var result: [Int64: [SupersededLifeline]] = [:]
        for company in companies {
            let lifelines = LifelineEngine.supersededLifelines(company, releases: releases, asOf: asOf)
            if !lifelines.isEmpty { result[company.id] = lifelines }
        }
        return result
    }

    /// The first `limit` assessments recorded by run `runID` and later runs, dated `asOf`
    /// or earlier, in date and run order (by company within a run), each with the status
    /// of the company's assessment before it, and how many there are in all. Only those
    /// runs' rows are read (the unique index on run and company) and one earlier row for
    /// each listed (assessments_by_company): reading every assessment ever recorded made
    /// the report slower with every night.
    private func recordedChanges(
        sinceRun runID: Int64, asOf: CivilDate, atMost limit: Int
    ) throws -> (listed: [PortfolioReport.RecordedChange], count: Int) {
        let outcomes = OutcomeReader()
        let listed = try database.fetchAll(
            sql: """
                WITH listed AS (
                    SELECT a.id FROM assessments a JOIN companies c ON c.id = a.company_id
                    WHERE a.run_id >= ?1 AND a.as_of <= ?2 ORDER BY a.as_of, a.run_id, c.slug LIMIT ?3)
                SELECT c.slug, a.as_of, a.run_id, r.trigger, r.rules_version, \(Reassessment.outcomeColumns(of: "a")),
                    (SELECT p.status FROM assessments p
                     WHERE p.company_id = a.company_id AND (p.as_of < a.as_of OR (p.as_of = a.as_of AND p.run_id < a.run_id))
                     ORDER BY p.as_of DESC, p.run_id DESC LIMIT 1) AS previous_status
                FROM listed JOIN assessments a ON a.id = listed.id
                JOIN companies c ON c.id = a.company_id JOIN reassessment_runs r ON r.id = a.run_id
                ORDER BY a.as_of, a.run_id, c.slug
                """,
            arguments: [.integer(runID), .text(asOf.iso), .integer(Int64(limit))]
        ) { row in
            let stored = StoredAssessment(
                company: try row.get(0), asOf: try row.get(1) as CivilDate, outcome: try outcomes.outcome(from: row),
                runID: try row.get(2), trigger: try row.get(3), rulesVersion: try row.get(4))
            let previous: LifelineStatus? = try row.get("previous_status")
            return PortfolioReport.RecordedChange(company: stored.company, previousStatus: previous, stored: stored)
        }
        guard listed.count == limit else { return (listed, listed.count) }
        let count = try database.fetchOne(
            sql: "SELECT count(*) FROM assessments WHERE run_id >= ? AND as_of <= ?", arguments: [.integer(runID), .text(asOf.iso)]
        ) { try $0.get(0) as Int } ?? 0
        return (listed, count)
    }
}
