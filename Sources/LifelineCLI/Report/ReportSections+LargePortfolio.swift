import Lifeline
import LifelineCore

/// What the report shows of a portfolio too large to list whole, in every format but
/// JSON (`ReportHTML`, `ReportRenderer`): the same sections, each cut to what a reader
/// takes in, with a line saying how many more there are and where they are, and capital
/// at risk grouped by what puts it at risk.
extension ReportSections {
    /// Up to this many companies, the report lists every one in every section; past it,
    /// each section is cut and the HTML page draws the large layout.
    static let everyCompanyUpTo = 60
    /// The most rows a section of a large report lists.
    static let rowsShown = 25
    /// The most changes a large report lists.
    static let changesShown = rowsShown * 2
    /// How many changes a report other than JSON lists, given how many companies it has.
    static func changesListed(companies: Int) -> Int { companies > everyCompanyUpTo ? changesShown : .max }
    /// The most companies named for one release in a large report.
    static let hitsShown = 10

    /// Where every row is when the report lists some.
    static let everyRowIsElsewhere = "every company is in 'lifeline report --format json' and in the v_company_lifeline view"

    var isLarge: Bool { report.companies.count > Self.everyCompanyUpTo }

    /// The sections of the large text and Markdown report: the status and capital at
    /// risk by what puts it there (the HTML page shows these as cards and tables of its
    /// own), then the large page's sections.
    var titledForLargeText: [(title: String, rows: Rows, note: String?)] {
        [
            ("Status", statusSummary, nil), ("Capital at risk by provider", capitalAtRiskByProvider, nil),
            ("Capital at risk by capability", capitalAtRiskByCapability, nil),
        ] + titledForLargePage
    }

    /// The sections of the large page, in reading order: as `titled`, each cut. Only the
    /// rows shown are built: over 100,000 companies, the ended section's sentences for
    /// every company were most of the page's time.
    var titledForLargePage: [(title: String, rows: Rows, note: String?)] {
        let endedCount = report.companies.count(where: Self.hasEndedOrElapsed)
        let endedShown = min(endedCount, Self.rowsShown)
        let changesShown = min(report.recentChanges.count, Self.changesShown)
        return [
            ("Ending soonest", endingSoonest, nil),
            ("Ended most recently", Self.endedRows(report.companies.reversed().lazy.filter(Self.hasEndedOrElapsed).prefix(endedShown)),
             Self.more(endedCount - endedShown, what: "ended or elapsed earlier")),
            ("Recent releases (\(report.recentDays) days) that touch the portfolio", recentReleases(namingAtMost: Self.hitsShown), recentReleasesNote),
            ("Opportunities to adopt", opportunities, nil),
            ("Stagnating (stall window \(report.stallDays) days)", stagnating, stagnatingNote),
            (changesTitle, Self.changeRows(report.recentChanges.prefix(changesShown)),
             Self.more(report.recentChangeCount - changesShown, what: "changes")),
        ]
    }

    /// Dollars at risk (at risk, or the lifeline ended) by the provider of what puts them
    /// there, most first; the tier estimate running out is a cause of its own.
    var capitalAtRiskByProvider: Rows {
        capitalAtRisk(by: "provider") { $0.map(\.model.provider) ?? "(tier estimate)" }
    }

    /// The same by capability; a retirement is a cause of its own.
    var capitalAtRiskByCapability: Rows {
        capitalAtRisk(by: "capability") { threat in threat.map { $0.capability ?? "(retirement)" } ?? "(tier estimate)" }
    }

    private func capitalAtRisk(by column: String, key: (Threat?) -> String) -> Rows {
        var groups: [String: Tally] = [:]
        for entry in report.companies where entry.assessment.status == .atRisk || entry.assessment.status.hasEnded {
            groups[key(entry.assessment.outcome.cause.threat), default: Tally()].add(cents: entry.investedCents)
        }
        let total = report.capitalAtRiskCents
        var rows = Rows(columns: [column, "companies", "invested_usd", "share_pct"])
        for (name, group) in groups.sorted(by: { ($1.value.cents, $0.key) < ($0.value.cents, $1.key) }).prefix(Self.rowsShown) {
            let share = total == 0 ? 0 : (Double(group.cents) * 1000 / Double(total)).rounded() / 10
            rows.append([.text(name), OutputValue(group.companies), .usd(cents: group.cents), .number(share)])
        }
        return rows
    }

    static func more(_ count: Int, what: String) -> String? {
        count > 0 ? "And \(count) more \(what); \(everyRowIsElsewhere)." : nil
    }
}

/// Companies and the cents invested in them, counted in one access to a dictionary's
/// entry: two (one per field) hashed each of 100,000 names twice.
private struct Tally {
    var companies = 0
    var cents: Int64 = 0

    mutating func add(cents: Int64) {
        companies += 1
        self.cents += cents
    }
}
