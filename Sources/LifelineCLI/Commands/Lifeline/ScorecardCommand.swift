import ArgumentParser
import Lifeline
import LifelineCore

extension Scorecard.Grouping: ExpressibleByArgument {}

/// `lifeline scorecard`: how the tier estimates fared against what happened.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Show how the tier estimates fared: the share of lifelines that held, against a coin.",
        discussion: """
            Judges every lifeline that had run its course by the as-of date, with what was \
            recorded by then: held (it lasted its whole tier), fell-short (a threat or a \
            retirement ended it first), closed (the company left first) or superseded (a \
            new lifeline began before its tier ran out and before anything ended it); \
            only held and fell-short test an estimate. Each group shows its lifelines, the \
            share that held, the median months lasted of those that fell short, and its \
            verdict against a coin, once it has at least 10 judged lifelines. --by \
            capability and --by provider rank what ended the most lifelines early, with \
            the USD invested in them. --lifelines lists the judged lifelines themselves \
            (the rows of v_lifeline_outcomes). docs/scorecard.md explains each figure.

            Examples:
              lifeline scorecard
              lifeline scorecard --by provider
              lifeline scorecard --as-of 2024-12-31 --lifelines --format csv
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Judge what had ended by this date, as recorded by then (default: today).", valueName: "date"))
    var asOf: String?
    @Option(help: "Group by tier, sector, capability or provider.")
    var by: Scorecard.Grouping = .tier
    @Flag(help: "List the judged lifelines instead of the groups.")
    var lifelines = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let portfolio = try global.portfolio()
        let asOf = try asOf.map { try CivilDate.parse($0, today: portfolio.today, field: "--as-of date") } ?? portfolio.today
        let judged = try portfolio.reports.judgedLifelines(asOf: asOf)
        if lifelines {
            ScorecardPresenter.lifelineRows(judged).print(as: output.format)
            return
        }
        let scorecard = Scorecard(judged, by: by)
        let rows = ScorecardPresenter.groupRows(scorecard)
        switch output.format {
        case .table, .markdown:
            var parts = ["Scorecard as of \(asOf), by \(by.rawValue): \(ScorecardPresenter.count(scorecard.total.lifelines, "lifeline")) ended."]
            if !rows.values.isEmpty { parts.append(output.format.writer.render(rows)) }
            parts.append(ScorecardPresenter.coinLine(scorecard.total))
            Console.output(parts.joined(separator: "\n\n"))
        case .json:
            Console.output(JSONValue.object([
                ("as_of", .string(asOf.iso)), ("by", .string(by.rawValue)),
                ("total", Rows(columns: ScorecardPresenter.groupColumns).jsonObject(ScorecardPresenter.values(scorecard.total))),
                ("coin_line", .string(ScorecardPresenter.coinLine(scorecard.total))),
                ("groups", .array(rows.values.map { rows.jsonObject($0) })),
            ]).serialized())
        default:
            rows.print(as: output.format)
        }
    }
}
