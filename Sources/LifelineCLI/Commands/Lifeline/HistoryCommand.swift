import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline history`: a company's lifelines and assessments over time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a company's lifelines, recorded assessments and dismissals over time.",
        discussion: """
            Each lifeline with how it began (added, rebuilt, renewed), the date it really \
            ended and how (rebuild, replaced, migrate, elapsed, closed; rebuilt or renewed \
            when the next one began before anything ended it), and the date the next one \
            began. Adoptions, when the company recorded any, with the lag from each \
            release. Assessments are listed by as-of date, then \
            run: one for each as-of date - the last recorded for it, as backfilling facts \
            leaves a trail of statuses dated the day they were typed - or every one with \
            --all. csv, tsv and jsonl print the assessments alone, one row each.

            Examples:
              lifeline history papertalk
              lifeline history papertalk --all --format csv
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company's slug.")
    var slug: String
    @Flag(help: "Every recorded assessment, not only the last of each as-of date.")
    var all = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let portfolio = try global.portfolio()
        // Six reads on one snapshot, so that a write committed between them cannot make
        // the lifelines, assessments and dismissals shown tell different states.
        let (company, lifelineRecords, closing, recorded, dismissals, adoptions) = try portfolio.read {
            (try portfolio.companies.company(slug), try portfolio.companies.lifelines(slug), try portfolio.companies.closing(slug),
             try portfolio.reports.assessmentHistory(slug), try portfolio.companies.dismissals(company: slug),
             try portfolio.companies.adoptions(company: slug))
        }
        let assessments = all ? recorded : StoredAssessment.lastOfEachDate(recorded)

        var lifelines = Rows(columns: ["lifeline_start", "tier_months", "began", "ended_on", "how", "next_began", "note"])
        for period in LifelinePeriod.periods(lifelines: lifelineRecords, closing: closing, assessments: recorded) {
            lifelines.append([
                .text(period.record.start.iso), OutputValue(period.record.tier.months), .text(period.record.began.rawValue),
                OutputValue(period.endedOn?.iso), .text(period.how ?? "running"), OutputValue(period.nextBegan?.iso),
                OutputValue(period.record.note),
            ])
        }

        var history = Rows(columns: ["as_of", "status", "lifeline_end", "days_remaining", "cause", "run", "trigger"])
        for assessment in assessments {
            history.append([
                .text(assessment.asOf.iso), .text(assessment.outcome.status.rawValue), .text(assessment.outcome.lifelineEnd.iso),
                OutputValue(assessment.daysRemaining), .text(AssessmentPresenter.cause(assessment.outcome)),
                .integer(assessment.runID), .text(assessment.trigger),
            ])
        }
        let dismissed = DismissalPresenter.rows(dismissals)
        let adopted = AdoptionPresenter.rows(adoptions)

        switch output.format {
        case .table, .markdown:
            let writer = output.format.writer
            let heading = { (title: String) in output.format == .markdown ? "## \(title)" : "\(title):" }
            let closed = closing.map { "\nClosed on \($0.closedOn) (\($0.reason.rawValue))" + ($0.note.map { ": \($0)" } ?? "") } ?? ""
            var parts = ["\(company.slug) (\(company.name))" + closed, heading("Lifelines") + "\n" + writer.render(lifelines)]
            parts.append(heading("Assessments") + "\n" + (history.values.isEmpty ? "(none recorded yet)" : writer.render(history)))
            parts.append(heading("Dismissals") + "\n" + (dismissed.values.isEmpty ? "(none)" : writer.render(dismissed)))
            if !adopted.values.isEmpty { parts.append(heading("Adoptions") + "\n" + writer.render(adopted)) }
            Console.output(parts.joined(separator: "\n\n"))
        case .json:
            let objects = { (rows: Rows) in JSONValue.array(rows.values.map { rows.jsonObject($0) }) }
            Console.output(JSONValue.object([
                ("company", .string(company.slug)),
                ("closed", closing.map { closing in
                    .object([
                        ("closed_on", .string(closing.closedOn.iso)), ("reason", .string(closing.reason.rawValue)),
                        ("note", JSONValue(closing.note)),
                    ])
                } ?? .null),
                ("lifelines", objects(lifelines)), ("assessments", objects(history)),
                ("dismissals", objects(dismissed)), ("adoptions", objects(adopted)),
            ]).serialized())
        default:
            history.print(as: output.format)
        }
    }
}
