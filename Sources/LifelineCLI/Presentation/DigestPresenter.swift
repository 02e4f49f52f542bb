import Lifeline
import LifelineCore

/// The digest of a reassessment: a headline, then the changes grouped by new status,
/// the statuses that need action first.
enum DigestPresenter {
    static let statusOrder: [LifelineStatus] = [.replaced, .migrate, .rebuild, .elapsed, .atRisk, .alive, .closed]

    static func text(_ report: ReassessmentReport) -> String {
        let companies = "\(report.companiesAssessed) compan\(report.companiesAssessed == 1 ? "y" : "ies")"
        let run = report.runID.map { " (run \($0))" } ?? " (dry run, nothing recorded)"
        let changed = report.changes.isEmpty
            ? "no changes"
            : "\(report.changes.count) changed"
        var linesByStatus: [LifelineStatus: [String]] = [:]
        for change in report.changes {
            linesByStatus[change.current.status, default: []].append("  " + AssessmentPresenter.line(change))
        }
        var lines = ["Reassessed \(companies) as of \(report.asOf)\(run): \(changed)."]
        for status in statusOrder {
            guard let group = linesByStatus[status] else { continue }
            lines.append("")
            lines.append("\(status.rawValue) (\(group.count)):")
            lines += group
        }
        if let since = report.eventsSince, !report.events.isEmpty {
            lines.append("")
            lines.append("Events since the nightly run of \(since) (\(report.events.count)):")
            lines += report.events.map { "  " + EventPresenter.line($0) }
        }
        return lines.joined(separator: "\n")
    }

    /// The digest as one JSON object - `run_id`, `as_of`, `warn_days`, `stall_days`,
    /// `companies_assessed`, `companies_computed`, `events_since`, then `changes` and
    /// `events` - and a newline, handed
    /// to `write` in pieces of about 64 KiB, a change at a time: a first run's 100,000
    /// changes built as one JSON tree, then one string, took the run's peak memory from
    /// 160 to 300 MiB.
    static func writeJSON(_ report: ReassessmentReport, to write: (String) -> Void) {
        var text = JSONValue.object(headerMembers(report)).serialized()
        text.removeLast()  // the closing brace: the changes follow
        text += ",\"changes\":["
        for (index, change) in report.changes.enumerated() {
            if index > 0 { text += "," }
            text += AssessmentJSON.change(change).serialized()
            if text.utf8.count >= 1 << 16 {
                write(text)
                text = ""
            }
        }
        text += "],\"events\":" + JSONValue.array(report.events.map(EventPresenter.json)).serialized()
        write(text + "}\n")
    }

    private static func headerMembers(_ report: ReassessmentReport) -> [(String, JSONValue)] {
        [
            ("run_id", report.runID.map(JSONValue.integer) ?? .null), ("as_of", .string(report.asOf.iso)),
            ("warn_days", .integer(Int64(report.warnDays))), ("stall_days", .integer(Int64(report.stallDays))),
            ("companies_assessed", .integer(Int64(report.companiesAssessed))),
            ("companies_computed", .integer(Int64(report.companiesComputed))),
            ("events_since", report.eventsSince.map { .string($0.iso) } ?? .null),
        ]
    }
}
