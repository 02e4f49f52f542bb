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
            lines += report.events.map { "  " + line($0) }
        }
        return lines.joined(separator: "\n")
    }

    /// "papertalk: runway-ended on 2023-10-06 (release 2: openai/chatgpt file-upload); now replaced (...)",
    /// or "deckly: stagnating on 2023-09-12 (stale-opportunities: function-calling on ... not adopted for 91 days); now alive (...)"
    static func line(_ event: ReassessmentEvent) -> String {
        if let flag = event.flag {
            return "\(event.company): \(event.kind.rawValue) on \(event.on) (\(flag.kind.rawValue): \(StagnationPresenter.sentence(flag))); "
                + "now \(event.assessment.status.rawValue) (\(AssessmentPresenter.reason(event.assessment)))"
        }
        let release = (event.releaseID.map { "release \($0): " } ?? "") + "\(event.model)"
            + (event.capabilities.isEmpty ? " retirement" : " " + event.capabilities.joined(separator: ", "))
        let now = "now \(event.assessment.status.rawValue) (\(AssessmentPresenter.reason(event.assessment)))"
        return "\(event.company): \(event.kind.rawValue) on \(event.on) (\(release)); \(now)"
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
        text += "],\"events\":" + JSONValue.array(report.events.map(json)).serialized()
        write(text + "}\n")
    }

    static func json(_ event: ReassessmentEvent) -> JSONValue {
        .object([
            ("kind", .string(event.kind.rawValue)), ("company", .string(event.company)), ("on", .string(event.on.iso)),
            ("release_id", event.releaseID.map(JSONValue.integer) ?? .null), ("model", .string(event.model.description)),
            ("capabilities", .array(event.capabilities.map(JSONValue.string))),
            ("assessment", AssessmentJSON.assessment(event.assessment)),
        ] + (event.flag.map { [("flag", StagnationPresenter.json($0))] } ?? []))
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
