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
            A date after today needs --dry-run. Beside the changes it reports the events \
            since the previous nightly run: runways that ran out (runway-ended), \
            dismissals that expired (dismissal-expired) and releases announced in advance \
            that landed (announced-landed), and stagnation flags that went up \
            (stagnating: an opportunity unadopted, or a rebuild undone, for more than \
            --stall-days). With --quiet it prints nothing when nothing \
            changed and nothing happened, so cron mails only news. A second run while one is writing waits \
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
    @Flag(help: "Print nothing when nothing changed and no event happened.")
    var quiet = false
    @Flag(help: "Compute every company, not only those whose outcome can have moved since the last run.")
    var full = false
    @Option(help: ArgumentHelp("A company is at-risk when its end is at most this many days away.", valueName: "days"))
    var warnDays: Int = LifelineEngine.defaultWarnDays
    @Option(help: ArgumentHelp(
        "A company is flagged as stagnating when an opportunity goes unadopted, or a rebuild undone, for more than this many days; every other command then uses the same.",
        valueName: "days"))
    var stallDays: Int = LifelineEngine.defaultStallDays
    @OptionGroup var output: OutputOptions

    func run() throws {
        let portfolio = try global.portfolio()
        let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
        let progress = ProgressLine(label: "reassessing")
        let report = try portfolio.reassessment.reassessAll(
            asOf: asOf, warnDays: warnDays, stallDays: stallDays, dryRun: dryRun, full: full, progress: progress.update)
        progress.finish()
        if quiet && report.changes.isEmpty && report.events.isEmpty { return }
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
