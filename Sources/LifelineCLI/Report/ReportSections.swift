import Lifeline
import LifelineCore

/// The report's sections as rows, shared by the text, Markdown and HTML renderings.
struct ReportSections {
    let report: PortfolioReport

    var headline: String {
        let count = report.companies.count
        return "Portfolio as of \(report.asOf): \(count) compan\(count == 1 ? "y" : "ies"), \(USDAmount.text(cents: report.totalInvestedCents)) invested."
    }

    var capitalAtRisk: String {
        let total = report.totalInvestedCents
        let share = total == 0 ? 0 : Double(report.capitalAtRiskCents) * 100 / Double(total)
        return "Capital at risk (at risk or ended): \(USDAmount.text(cents: report.capitalAtRiskCents)) of \(USDAmount.text(cents: total)) (\(OutputNumber.text((share * 10).rounded() / 10))%)."
    }

    var statusSummary: Rows {
        var rows = Rows(columns: ["status", "companies", "invested_usd"])
        for line in report.statusSummary {
            rows.append([.text(line.status.rawValue), OutputValue(line.companies), .usd(cents: line.investedCents)])
        }
        return rows
    }

    var endingSoonest: Rows {
        var rows = Rows(columns: ["company", "status", "lifeline_end", "days_remaining", "why"])
        for entry in report.endingSoonest.prefix(15) {
            rows.append([
                .text(entry.company.slug), .text(entry.assessment.status.rawValue),
                .text(entry.assessment.outcome.lifelineEnd.iso), OutputValue(entry.assessment.daysRemaining),
                .text(AssessmentPresenter.reason(entry.assessment)),
            ])
        }
        return rows
    }

    /// Every company whose lifeline has ended or elapsed, in the report's order.
    var ended: Rows { Self.endedRows(report.companies.lazy.filter(Self.hasEndedOrElapsed)) }

    static func hasEndedOrElapsed(_ entry: PortfolioReport.Entry) -> Bool {
        entry.assessment.status.hasEnded || entry.assessment.status == .elapsed
    }

    /// The ended section's rows for `entries`: a large report builds only those it shows.
    static func endedRows(_ entries: some Sequence<PortfolioReport.Entry>) -> Rows {
        var rows = Rows(columns: ["company", "status", "ended_on", "runway_end", "cause", "invested_usd"])
        for entry in entries {
            let outcome = entry.assessment.outcome
            rows.append([
                .text(entry.company.slug), .text(outcome.status.rawValue), .text(outcome.lifelineEnd.iso),
                OutputValue(outcome.runwayEnd?.iso), .text(outcome.cause.threat.map(ThreatWords.describe) ?? "tier estimate ran out"),
                .usd(cents: entry.investedCents),
            ])
        }
        return rows
    }

    /// The recent releases that touch the portfolio, with a mark for a date that is not a
    /// person's (see `recentReleasesNote`).
    /// Each one naming at most `limit` of the companies it touches, then how many more.
    func recentReleases(namingAtMost limit: Int = .max) -> Rows {
        var rows = Rows(columns: ["released_on", "dated", "release", "hits"])
        for item in report.recentReleases where item.touchesThePortfolio {
            rows.append([
                .text(item.release.releasedOn.iso), .text(item.release.dateBasis.mark ?? ""),
                .text(ReleaseWords.summary(item.release)), .text(Self.hits(item, namingAtMost: limit)),
            ])
        }
        return rows
    }

    /// Every recent release, touching the portfolio or not, for the JSON report.
    var everyRecentRelease: Rows {
        var rows = Rows(columns: ["released_on", "date_basis", "release", "hits"])
        for item in report.recentReleases {
            rows.append([
                .text(item.release.releasedOn.iso), .text(item.release.dateBasis.rawValue),
                .text(ReleaseWords.summary(item.release)), .text(Self.hits(item)),
            ])
        }
        return rows
    }

    /// "papertalk (necessity, replaced), deckly (opportunity)", or "-"; past `limit`
    /// companies, "and N more".
    static func hits(_ item: PortfolioReport.ReleaseHits, namingAtMost limit: Int = .max) -> String {
        let count = item.hits.count + item.adopters.count
        let hits = item.hits.prefix(limit).map { "\($0.company) (\($0.threat.effect?.rawValue ?? "retirement"), \($0.status.rawValue))" }
            + item.adopters.prefix(max(0, limit - item.hits.count)).map { "\($0) (opportunity)" }
        guard !hits.isEmpty else { return "-" }
        return hits.joined(separator: ", ") + (count > hits.count ? " and \(count - hits.count) more" : "")
    }

    /// The line under the recent releases: how many touch nobody, and what the marks mean.
    var recentReleasesNote: String? {
        let others = report.recentReleases.count { !$0.touchesThePortfolio }
        let listed = report.recentReleases.filter(\.touchesThePortfolio)
        var lines: [String] = []
        if others > 0 {
            lines.append("\(listed.isEmpty ? "" : "And ")\(others) other release\(others == 1 ? "" : "s"), none touching the portfolio.")
        }
        let marked = Release.DateBasis.allCases.filter { basis in basis.mark != nil && listed.contains { $0.release.dateBasis == basis } }
        if !marked.isEmpty {
            var meanings: [(mark: String, explanations: [String])] = []
            for basis in marked {
                if let index = meanings.firstIndex(where: { $0.mark == basis.mark }) {
                    meanings[index].explanations.append(basis.explanation)
                } else {
                    meanings.append((basis.mark!, [basis.explanation]))
                }
            }
            lines.append("Dated: " + meanings.map { "\($0.mark) by \($0.explanations.joined(separator: " or "))" }.joined(separator: "; ")
                + "; unmarked, logged by a person.")
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    var opportunities: Rows {
        var rows = Rows(columns: ["company", "released_on", "model", "capability"])
        for item in report.newestOpportunities {
            rows.append([
                .text(item.company), .text(item.opportunity.releasedOn.iso), .text(item.opportunity.model.description),
                .text(item.opportunity.capability),
            ])
        }
        return rows
    }

    /// How many stagnating companies the page and the text list: the longest standing.
    static let stagnatingShown = 25

    /// Every stagnation flag up as of the report's date (rule 11), the longest standing
    /// first (ties by company, then flag).
    var everyStagnationFlag: Rows { stagnationFlags(atMost: .max) }

    /// The `limit` longest-standing flags. Sorted as slugs and flags, not as whole
    /// entries: copying 100,000 entries to sort them took a third of the report's time.
    /// The shortest standing shown is found from the days alone, and only the flags
    /// standing at least that long are gathered and sorted by name: gathering 130,000
    /// flags with their names to show 25 took most of a large report's rendering.
    private func stagnationFlags(atMost limit: Int) -> Rows {
        var shortestShown = Int.min
        if limit > 0 && limit < .max {
            var days: [Int] = []
            for entry in report.companies { for flag in entry.flags { days.append(flag.days) } }
            if limit < days.count {
                days.sort(by: >)
                shortestShown = days[limit - 1]
            }
        }
        var flagged: [(company: String, status: LifelineStatus, flag: StagnationFlag)] = []
        for entry in report.companies {
            for flag in entry.flags where flag.days >= shortestShown { flagged.append((entry.company.slug, entry.assessment.status, flag)) }
        }
        flagged.sort { ($1.flag.days, $0.company, $0.flag.kind.rawValue) < ($0.flag.days, $1.company, $1.flag.kind.rawValue) }
        var rows = Rows(columns: ["company", "status", "flag", "since", "days", "what"])
        for (company, status, flag) in flagged.prefix(limit) {
            rows.append([
                .text(company), .text(status.rawValue), .text(flag.kind.rawValue),
                .text(flag.since.iso), OutputValue(flag.days), .text(StagnationPresenter.sentence(flag)),
            ])
        }
        return rows
    }

    /// The longest-standing flags, at most `stagnatingShown`.
    var stagnating: Rows { stagnationFlags(atMost: Self.stagnatingShown) }

    /// The line under the stagnating: how many more, and where they are.
    var stagnatingNote: String? {
        let more = report.companies.reduce(0) { $0 + $1.flags.count } - Self.stagnatingShown
        return more > 0 ? "And \(more) more; 'lifeline company list' shows every company's flags." : nil
    }

    var changesTitle: String {
        guard let run = report.lastNightlyRun else { return "What changed: no nightly run yet ('lifeline reassess')" }
        return "What changed since the nightly run of \(run.asOf) (run \(run.id))"
    }

    var changes: Rows { Self.changeRows(report.recentChanges) }

    static func changeRows(_ changes: some Sequence<PortfolioReport.RecordedChange>) -> Rows {
        var rows = Rows(columns: ["as_of", "company", "previous_status", "status", "lifeline_end", "trigger"])
        for change in changes {
            rows.append([
                .text(change.stored.asOf.iso), .text(change.company), OutputValue(change.previousStatus?.rawValue),
                .text(change.stored.outcome.status.rawValue), .text(change.stored.outcome.lifelineEnd.iso),
                .text(change.stored.trigger),
            ])
        }
        return rows
    }

    /// Titled sections in reading order, each with a line to print under it.
    var titled: [(title: String, rows: Rows, note: String?)] {
        [
            ("Status", statusSummary, nil), ("Ending soonest", endingSoonest, nil), ("Ended or elapsed", ended, nil),
            ("Recent releases (\(report.recentDays) days) that touch the portfolio", recentReleases(), recentReleasesNote),
            ("Opportunities to adopt", opportunities, nil),
            ("Stagnating (stall window \(report.stallDays) days)", stagnating, stagnatingNote), (changesTitle, changes, nil),
        ]
    }
}

extension OutputValue {
    /// Dollars held as a number, back in whole cents (for money formatting).
    var cents: Int64? {
        switch self {
        case .number(let dollars): Int64((dollars * 100).rounded())
        case .integer(let dollars): dollars * 100
        default: nil
        }
    }
}
