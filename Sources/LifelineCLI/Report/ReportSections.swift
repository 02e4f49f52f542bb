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

    var ended: Rows {
        var rows = Rows(columns: ["company", "status", "ended_on", "runway_end", "cause", "invested_usd"])
        for entry in report.companies where entry.assessment.status.hasEnded || entry.assessment.status == .elapsed {
            let outcome = entry.assessment.outcome
            rows.append([
                .text(entry.company.slug), .text(outcome.status.rawValue), .text(outcome.lifelineEnd.iso),
                OutputValue(outcome.runwayEnd?.iso), .text(outcome.cause.threat.map(ThreatWords.describe) ?? "tier estimate ran out"),
                .usd(cents: entry.investedCents),
            ])
        }
        return rows
    }

    var recentReleases: Rows {
        var rows = Rows(columns: ["released_on", "release", "hits"])
        for item in report.recentReleases {
            let hits = item.hits.map { "\($0.company) (\($0.threat.effect?.rawValue ?? "retirement"), \($0.status.rawValue))" }
            rows.append([
                .text(item.release.releasedOn.iso), .text(ReleasePresenter.summary(item.release)),
                .text(hits.isEmpty ? "-" : hits.joined(separator: ", ")),
            ])
        }
        return rows
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

    var changesTitle: String {
        guard let run = report.lastNightlyRun else { return "What changed: no nightly run yet ('lifeline reassess')" }
        return "What changed since the nightly run of \(run.asOf) (run \(run.id))"
    }

    var changes: Rows {
        var rows = Rows(columns: ["as_of", "company", "previous_status", "status", "lifeline_end", "trigger"])
        for change in report.recentChanges {
            rows.append([
                .text(change.stored.asOf.iso), .text(change.company), OutputValue(change.previousStatus?.rawValue),
                .text(change.stored.outcome.status.rawValue), .text(change.stored.outcome.lifelineEnd.iso),
                .text(change.stored.trigger),
            ])
        }
        return rows
    }

    /// Titled sections in reading order.
    var titled: [(title: String, rows: Rows)] {
        [
            ("Status", statusSummary), ("Ending soonest", endingSoonest), ("Ended or elapsed", ended),
            ("Recent releases (\(report.recentDays) days) and whom they hit", recentReleases),
            ("Opportunities to adopt", opportunities), (changesTitle, changes),
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
