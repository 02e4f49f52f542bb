import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline reassess`: the nightly job.
struct ReassessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassess",
        abstract: "Reassess every company as of a date and report what changed (for cron).",
        discussion: """
            Records a run and the assessments that changed since each company's previous \
            one, then prints the changes grouped by new status. Running it twice for the \
            same date records no changes the second time. --as-of in the past is a \
            backtest: only releases known by then count, and the present picture is kept. \
            A date after today needs --dry-run. With --quiet it prints nothing when nothing \
            changed, so cron mails only news. A second run while one is writing waits \
            --busy-timeout seconds, then exits 75. When the recorded assessments are \
            current (nothing was written but by lifeline since the last run), only the \
            companies whose outcome can have moved since are computed; --full computes \
            every company.

            Examples:
              lifeline reassess --quiet
              lifeline reassess --as-of 2023-08-01 --dry-run
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The date to assess as of (default: today).", valueName: "date"))
    var asOf: String?
    @Flag(help: "Compute and print, but record nothing.")
    var dryRun = false
    @Flag(help: "Print nothing when nothing changed.")
    var quiet = false
    @Flag(help: "Compute every company, not only those whose outcome can have moved since the last run.")
    var full = false
    @Option(help: ArgumentHelp("A company is at-risk when its end is at most this many days away.", valueName: "days"))
    var warnDays: Int = LifelineEngine.defaultWarnDays
    @OptionGroup var output: OutputOptions

    func run() throws {
        let portfolio = try global.portfolio()
        let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
        let progress = ProgressLine(label: "reassessing")
        let report = try portfolio.reassessAll(asOf: asOf, warnDays: warnDays, dryRun: dryRun, full: full, progress: progress.update)
        progress.finish()
        if quiet && report.changes.isEmpty { return }
        switch output.format {
        case .json, .jsonl:
            DigestPresenter.writeJSON(report, to: Console.outputWithoutNewline)
        case .table:
            Console.output(DigestPresenter.text(report))
        default:
            var rows = Rows(columns: ["company", "previous_status", "status", "lifeline_end", "reason"])
            for change in report.changes {
                rows.append([
                    .text(change.current.company), OutputValue(change.previous?.status.rawValue),
                    .text(change.current.status.rawValue), .text(change.current.outcome.lifelineEnd.iso),
                    .text(AssessmentPresenter.reason(change.current)),
                ])
            }
            rows.print(as: output.format)
        }
    }
}

/// The digest of a reassessment: a headline, then the changes grouped by new status,
/// the statuses that need action first.
enum DigestPresenter {
    static let statusOrder: [LifelineStatus] = [.replaced, .migrate, .rebuild, .elapsed, .atRisk, .alive]

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
        return lines.joined(separator: "\n")
    }

    /// The digest as one JSON object - `run_id`, `as_of`, `warn_days`,
    /// `companies_assessed`, `companies_computed`, then `changes` - and a newline, handed
    /// to `write` in pieces of about 64 KiB, a change at a time: a first run's 100,000
    /// changes built as one JSON tree, then one string, took the run's peak memory from
    /// 160 to 300 MiB.
    static func writeJSON(_ report: ReassessmentReport, to write: (String) -> Void) {
        var text = JSON.object(headerMembers(report)).serialized()
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
        write(text + "]}\n")
    }

    private static func headerMembers(_ report: ReassessmentReport) -> [(String, JSON)] {
        [
            ("run_id", report.runID.map(JSON.integer) ?? .null), ("as_of", .string(report.asOf.iso)),
            ("warn_days", .integer(Int64(report.warnDays))),
            ("companies_assessed", .integer(Int64(report.companiesAssessed))),
            ("companies_computed", .integer(Int64(report.companiesComputed))),
        ]
    }
}
