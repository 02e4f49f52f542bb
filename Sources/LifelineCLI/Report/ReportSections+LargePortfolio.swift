import Lifeline
import LifelineCore

/// What the HTML page shows of a portfolio too large to list whole (`ReportHTML`): the
/// same sections, each cut to what a reader takes in, with a line saying how many more
/// there are and where they are, and capital at risk grouped by what puts it at risk.
extension ReportSections {
    /// The most rows a section of the large page lists.
    static let rowsShown = 25
    /// The most companies named for one release on the large page.
    static let hitsShown = 10

    /// Where every row is when the page lists some.
    static let everyRowIsElsewhere = "every company is in 'lifeline report --format json' and in the v_company_lifeline view"

    /// The sections of the large page, in reading order: as `titled`, each cut.
    var titledForLargePage: [(title: String, rows: Rows, note: String?)] {
        let ended = self.ended
        let endedShown = Self.last(Self.rowsShown, of: ended)
        let changes = self.changes
        return [
            ("Ending soonest", endingSoonest, nil),
            ("Ended most recently", endedShown,
             Self.more(ended.values.count - endedShown.values.count, what: "ended or elapsed earlier")),
            ("Recent releases (\(report.recentDays) days) that touch the portfolio", recentReleases(namingAtMost: Self.hitsShown), recentReleasesNote),
            ("Opportunities to adopt", opportunities, nil),
            ("Stagnating (stall window \(report.stallDays) days)", stagnating, stagnatingNote),
            (changesTitle, Self.first(Self.rowsShown * 2, of: changes), Self.more(changes.values.count - Self.rowsShown * 2, what: "changes")),
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
        var groups: [String: (companies: Int, cents: Int64)] = [:]
        for entry in report.companies where entry.assessment.status == .atRisk || entry.assessment.status.hasEnded {
            let name = key(entry.assessment.outcome.cause.threat)
            groups[name, default: (0, 0)].companies += 1
            groups[name, default: (0, 0)].cents += entry.investedCents
        }
        let total = report.capitalAtRiskCents
        var rows = Rows(columns: [column, "companies", "invested_usd", "share_pct"])
        for (name, group) in groups.sorted(by: { ($1.value.cents, $0.key) < ($0.value.cents, $1.key) }).prefix(Self.rowsShown) {
            let share = total == 0 ? 0 : (Double(group.cents) * 1000 / Double(total)).rounded() / 10
            rows.append([.text(name), OutputValue(group.companies), .usd(cents: group.cents), .number(share)])
        }
        return rows
    }

    static func first(_ count: Int, of rows: Rows) -> Rows {
        var shown = Rows(columns: rows.columns)
        for values in rows.values.prefix(count) { shown.append(values) }
        return shown
    }

    /// The last `count` rows, last first.
    static func last(_ count: Int, of rows: Rows) -> Rows {
        var shown = Rows(columns: rows.columns)
        for values in rows.values.suffix(count).reversed() { shown.append(values) }
        return shown
    }

    static func more(_ count: Int, what: String) -> String? {
        count > 0 ? "And \(count) more \(what); \(everyRowIsElsewhere)." : nil
    }
}
