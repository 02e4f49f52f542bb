/// The portfolio on one page, as of a date: what `lifeline report` renders.
public struct PortfolioReport: Sendable {
    public let asOf: CivilDate
    /// Every company with today's assessment, sorted by lifeline end (then slug).
    public let companies: [Entry]
    /// Releases dated in the `recentDays` before the as-of date, or known and still to
    /// come, newest first, with the companies each one threatens or is an opportunity for.
    public let recentReleases: [ReleaseHits]
    /// How far back "recent" reaches.
    public let recentDays: Int
    /// The newest capabilities to adopt across the portfolio (releases on models a
    /// company builds on, shipping what it is not exposed to): newest first, then by
    /// company; at most `opportunityCount`.
    public let newestOpportunities: [(company: String, opportunity: Opportunity)]
    public static let opportunityCount = 20
    /// Assessments recorded by the latest nightly run as of the report date, and by
    /// every run after it: the first of them, as many as the report was asked to list.
    public let recentChanges: [RecordedChange]
    /// How many there are, listed or not.
    public let recentChangeCount: Int
    /// The latest nightly run the changes start from, if there was one.
    public let lastNightlyRun: (id: Int64, asOf: CivilDate)?
    /// The stall window the companies' stagnation flags were raised with (rule 11).
    public let stallDays: Int

    /// A class, not a struct: a report of 100,000 companies sorts and walks these many
    /// times, and copying one took a retain of each of its many strings and arrays.
    public final class Entry: Sendable {
        public let company: Company
        /// Without its opportunities (see `newestOpportunities`), and with its threats:
        /// all of them for a company the report's timeline draws, else those dated in
        /// the recent window.
        public let assessment: Assessment
        public let investedCents: Int64
        /// Its lifelines that a later one had replaced by the report's date, oldest first.
        public let superseded: [SupersededLifeline]
        /// Its stagnation flags as of the report's date (rule 11).
        public let flags: [StagnationFlag]

        package init(
            company: Company, assessment: Assessment, investedCents: Int64, superseded: [SupersededLifeline] = [],
            flags: [StagnationFlag] = []
        ) {
            self.company = company
            self.assessment = assessment
            self.investedCents = investedCents
            self.superseded = superseded
            self.flags = flags
        }

        /// The same entry with another assessment of the same outcome (its threats listed
        /// in full, for a timeline).
        package func with(assessment: Assessment) -> Entry {
            Entry(company: company, assessment: assessment, investedCents: investedCents, superseded: superseded, flags: flags)
        }
    }

    public struct ReleaseHits: Sendable {
        public let release: Release
        /// The companies whose lifeline it ended (the cause), or threatens while it still
        /// runs, with the threat and the company's status. A threat to a lifeline that
        /// already ended or elapsed changes nothing and is left out.
        public let hits: [(company: String, threat: Threat, status: LifelineStatus)]
        /// The companies for which it is an opportunity: a capability on a model they
        /// depend on that they are not exposed to.
        public let adopters: [String]

        /// It threatens some company or is an opportunity for one.
        public var touchesThePortfolio: Bool { !hits.isEmpty || !adopters.isEmpty }

        package init(release: Release, hits: [(company: String, threat: Threat, status: LifelineStatus)], adopters: [String] = []) {
            self.release = release
            self.hits = hits
            self.adopters = adopters
        }
    }

    public struct RecordedChange: Sendable {
        public let company: String
        public let previousStatus: LifelineStatus?
        public let stored: StoredAssessment

        package init(company: String, previousStatus: LifelineStatus?, stored: StoredAssessment) {
            self.company = company
            self.previousStatus = previousStatus
            self.stored = stored
        }
    }

    public init(
        asOf: CivilDate, companies: [Entry], recentReleases: [ReleaseHits], recentDays: Int,
        newestOpportunities: [(company: String, opportunity: Opportunity)], recentChanges: [RecordedChange],
        recentChangeCount: Int, lastNightlyRun: (id: Int64, asOf: CivilDate)?, stallDays: Int = LifelineEngine.defaultStallDays
    ) {
        self.asOf = asOf
        self.companies = companies
        self.recentReleases = recentReleases
        self.recentDays = recentDays
        self.newestOpportunities = newestOpportunities
        self.recentChanges = recentChanges
        self.recentChangeCount = recentChangeCount
        self.lastNightlyRun = lastNightlyRun
        self.stallDays = stallDays
    }

    // MARK: Summaries

    /// Per status, in the order that needs action first: companies and cents invested.
    /// (One pass, copying no entry: filtering 100,000 entries per status copied them.)
    public var statusSummary: [(status: LifelineStatus, companies: Int, investedCents: Int64)] {
        // Counted by position in `order`, not in a dictionary: a status hashes as its
        // name, twice per entry.
        let order: [LifelineStatus] = [.replaced, .migrate, .rebuild, .elapsed, .atRisk, .alive, .closed]
        var totals = Array(repeating: (companies: 0, cents: Int64(0)), count: order.count)
        for entry in companies {
            guard let index = order.firstIndex(of: entry.assessment.status) else { continue }
            totals[index].companies += 1
            totals[index].cents += entry.investedCents
        }
        return order.indices.compactMap { totals[$0].companies > 0 ? (order[$0], totals[$0].companies, totals[$0].cents) : nil }
    }

    public var totalInvestedCents: Int64 { companies.reduce(0) { $0 + $1.investedCents } }

    /// Cents invested in companies at risk or whose lifeline has ended.
    public var capitalAtRiskCents: Int64 {
        companies.reduce(0) { total, entry in
            entry.assessment.status == .atRisk || entry.assessment.status.hasEnded ? total + entry.investedCents : total
        }
    }

    /// Companies still standing (alive or at risk), soonest end first.
    public var endingSoonest: [Entry] {
        companies.filter { $0.assessment.status.isRunning }
    }
}
