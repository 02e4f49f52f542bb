import LifelineStorage

extension Portfolio {
    /// The portfolio as of `asOf`: every company assessed now (as the nightly job would),
    /// the recent releases and whom they hit, and the changes recorded since the latest
    /// nightly run. Reads one snapshot; writes nothing.
    /// `withTimeline` keeps every company's threats, which the timeline marks; without
    /// it, only those of the recent window are listed, which over 100,000 companies
    /// spares building and sorting millions.
    public func report(asOf: CivilDate, recentDays: Int = 90, withTimeline: Bool) throws -> PortfolioReport {
        try read {
            try requireTrust()
            let companiesBySlug = Dictionary(uniqueKeysWithValues: try companySummaries().map { ($0.company.slug, $0) })
            let since = asOf.adding(days: -recentDays)
            let detailsFrom = withTimeline ? nil : since
            // Each company's opportunities are offered to the newest and then dropped:
            // kept for every company, they took gigabytes over 100,000 companies.
            var newest = NewestOpportunities(count: PortfolioReport.opportunityCount)
            var entries: [PortfolioReport.Entry] = []
            try forEachAssessment(.all, asOf: asOf, warnDays: warnDays, details: true, detailsFrom: detailsFrom) { assessment in
                guard let summary = companiesBySlug[assessment.company] else { return }
                newest.offer(assessment.opportunities, of: assessment.company)
                entries.append(PortfolioReport.Entry(
                    company: summary.company, assessment: assessment.withoutOpportunities, investedCents: summary.totalInvestedCents))
            }
            if detailsFrom != nil && newest.items.count < PortfolioReport.opportunityCount {
                // Too few in the window: the newest include older ones.
                newest = NewestOpportunities(count: PortfolioReport.opportunityCount)
                try forEachAssessment(.all, asOf: asOf, warnDays: warnDays, details: true) { assessment in
                    guard companiesBySlug[assessment.company] != nil else { return }
                    newest.offer(assessment.opportunities, of: assessment.company)
                }
            }
            entries.sort { ($0.assessment.outcome.lifelineEnd, $0.company.slug) < ($1.assessment.outcome.lifelineEnd, $1.company.slug) }

            let recent = try releases(since: since).filter { $0.knownOn <= asOf }
            // One pass over the threats, not one per recent release.
            let recentIDs = Set(recent.map(\.id))
            var hitsByRelease: [Int64: [(company: String, threat: Threat, status: LifelineStatus)]] = [:]
            for entry in entries {
                for threat in entry.assessment.threats where recentIDs.contains(threat.releaseID) {
                    hitsByRelease[threat.releaseID, default: []].append((entry.company.slug, threat, entry.assessment.status))
                }
            }
            let hits = recent.reversed().map { PortfolioReport.ReleaseHits(release: $0, hits: hitsByRelease[$0.id] ?? []) }

            let lastNightly = try database.fetchOne(
                sql: "SELECT id, as_of FROM reassessment_runs WHERE trigger = 'reassess' AND as_of <= ? ORDER BY as_of DESC, id DESC LIMIT 1",
                arguments: [.text(asOf.iso)]
            ) { (id: try $0.get(0) as Int64, asOf: try Self.date($0, 1)) }
            var changes: [PortfolioReport.RecordedChange] = []
            if let lastNightly {
                let history = try storedAssessments(latestOnly: false, companyID: nil)
                var previous: [String: LifelineStatus] = [:]
                for stored in history.sorted(by: { ($0.asOf, $0.runID) < ($1.asOf, $1.runID) }) {
                    if stored.runID >= lastNightly.id && stored.asOf <= asOf {
                        changes.append(.init(company: stored.company, previousStatus: previous[stored.company], stored: stored))
                    }
                    previous[stored.company] = stored.outcome.status
                }
            }
            return PortfolioReport(
                asOf: asOf, companies: entries, recentReleases: hits, recentDays: recentDays, newestOpportunities: newest.items,
                recentChanges: changes, lastNightlyRun: lastNightly)
        }
    }
}
