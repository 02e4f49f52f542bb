import Lifeline
import LifelineCore

/// `lifeline report` in each of its formats.
enum ReportRenderer {
    /// `scorecard` is the HTML page's scorecard panel; the other formats leave it to
    /// `lifeline scorecard`.
    static func render(_ report: PortfolioReport, as format: ReportFormat, scorecard: Scorecard? = nil) -> String {
        let sections = ReportSections(report: report)
        switch format {
        case .table, .markdown:
            let writer: any RowWriter = format == .markdown ? MarkdownRowWriter() : AlignedTableWriter()
            var parts = [format == .markdown ? "# " + sections.headline : sections.headline, sections.capitalAtRisk]
            for (title, rows, note) in sections.isLarge ? sections.titledForLargeText : sections.titled {
                let heading = format == .markdown ? "## \(title)" : "\(title):"
                parts.append(heading + "\n" + (rows.values.isEmpty ? "(none)" : writer.render(rows)) + (note.map { "\n" + $0 } ?? ""))
            }
            return parts.joined(separator: "\n\n")
        case .json:
            return json(report, sections: sections).serialized()
        case .html:
            return ReportHTML(report: report, sections: sections, scorecard: scorecard).page()
        }
    }

    static func json(_ report: PortfolioReport, sections: ReportSections) -> JSONValue {
        func array(_ rows: Rows) -> JSONValue {
            .array(rows.values.map { rows.jsonObject($0) })
        }
        return .object([
            ("as_of", .string(report.asOf.iso)), ("invested_usd", .usd(cents: report.totalInvestedCents)),
            ("capital_at_risk_usd", .usd(cents: report.capitalAtRiskCents)),
            ("status", array(sections.statusSummary)),
            ("companies", .array(report.companies.map { entry in
                guard case .object(var members) = AssessmentJSON.assessment(entry.assessment) else { return .null }
                members.insert(("name", .string(entry.company.name)), at: 1)
                members.append(("invested_usd", .usd(cents: entry.investedCents)))
                return .object(members)
            })),
            ("recent_releases", array(sections.everyRecentRelease)), ("opportunities", array(sections.opportunities)),
            ("stall_days", .integer(Int64(report.stallDays))), ("stagnating", array(sections.everyStagnationFlag)),
            ("changes", array(sections.changes)),
        ])
    }
}

/// The formats of `lifeline report`.
enum ReportFormat: String, CaseIterable {
    case table, markdown, json, html
}
