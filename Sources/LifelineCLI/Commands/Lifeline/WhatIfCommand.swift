import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline whatif`: a hypothetical release, assessed and not recorded.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Show what a hypothetical release would do to each company. Writes nothing.",
        discussion: """
            Assesses every company the release could concern as of the release date (or \
            today, if later), with and without it, and lists those it would change, with \
            the USD invested in the companies it would end or put at risk. The model may \
            be one not recorded yet; its provider must be.

            Example:
              lifeline whatif openai/gpt-5 --capability agents \\
                --capability office-integration --on 2025-08-07
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "PROVIDER/MODEL of the hypothetical release.")
    var model: String
    @Option(name: .customLong("capability"), help: "A capability it would ship (repeatable).")
    var capabilities: [String] = []
    @Option(help: ArgumentHelp("Its release date (default: today).", valueName: "date"))
    var on: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if capabilities.isEmpty { throw ValidationError("name at least one --capability") }
    }

    func run() throws {
        let portfolio = try global.portfolio()
        let reference = try ModelReference(parsing: model)
        let date = try on.map { try CivilDate.parse($0, today: portfolio.today, field: "--on date") } ?? portfolio.today
        let asOf = max(date, portfolio.today)
        let impacts = try portfolio.reports.whatIf(model: reference, capabilities: capabilities, on: date, asOf: asOf)
        let endangered = impacts.filter(\.endsOrEndangers)
        let capital = endangered.reduce(Int64(0)) { $0 + $1.investedCents }
        var rows = Rows(columns: ["company", "status_before", "status_after", "lifeline_end", "invested_usd", "reason"])
        for impact in impacts {
            rows.append([
                .text(impact.after.company), .text(impact.before.status.rawValue), .text(impact.after.status.rawValue),
                .text(impact.after.outcome.lifelineEnd.iso), .usd(cents: impact.investedCents),
                .text(AssessmentPresenter.reason(impact.after)),
            ])
        }
        switch output.format {
        case .table:
            let headline = "A release of \(capabilities.joined(separator: ", ")) on \(reference) on \(date), assessed as of \(asOf):"
            guard !impacts.isEmpty else {
                Console.output(headline + " no company would change.")
                return
            }
            Console.output(headline)
            rows.print(as: .table)
            Console.output("")
            Console.output("It would end or put at risk \(endangered.count) of \(impacts.count) compan\(impacts.count == 1 ? "y" : "ies"), with \(USDAmount.text(cents: capital)) invested.")
        case .json:
            Console.output(JSONValue.object([
                ("model", .string(reference.description)), ("released_on", .string(date.iso)), ("as_of", .string(asOf.iso)),
                ("capital_ended_or_at_risk_usd", .usd(cents: capital)),
                ("companies", .array(rows.values.map { rows.jsonObject($0) })),
            ]).serialized())
        default:
            rows.print(as: output.format)
        }
    }
}
