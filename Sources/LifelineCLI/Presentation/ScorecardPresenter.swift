import LifelineCore

/// The scorecard's rows and its coin line, for every output format.
enum ScorecardPresenter {
    static let groupColumns = [
        "group", "lifelines", "held", "fell_short", "closed", "superseded", "held_pct", "median_months_lasted_short",
        "invested_short_usd", "verdict",
    ]

    /// By capability or provider, the groups rank what ended lifelines early: every
    /// lifeline in them fell short, so a share that held would say nothing.
    static let rankingColumns = ["rank", "group", "lifelines_ended", "median_months_lasted", "invested_usd"]

    static func groupRows(_ scorecard: Scorecard) -> Rows {
        switch scorecard.grouping {
        case .tier, .sector:
            var rows = Rows(columns: groupColumns)
            for group in scorecard.groups { rows.append(values(group)) }
            return rows
        case .capability, .provider:
            var rows = Rows(columns: rankingColumns)
            for (index, group) in scorecard.groups.enumerated() {
                rows.append([
                    .integer(Int64(index + 1)), .text(group.key), .integer(Int64(group.fellShort)),
                    group.medianMonthsLastedShort.map(OutputValue.number) ?? .null, .usd(cents: group.investedShortCents),
                ])
            }
            return rows
        }
    }

    static func values(_ group: Scorecard.Group) -> [OutputValue] {
        [
            .text(group.key), .integer(Int64(group.lifelines)), .integer(Int64(group.held)), .integer(Int64(group.fellShort)),
            .integer(Int64(group.closed)), .integer(Int64(group.superseded)),
            group.heldShare.map { .number(percent($0)) } ?? .null,
            group.medianMonthsLastedShort.map(OutputValue.number) ?? .null,
            .usd(cents: group.investedShortCents), .text(group.verdict.rawValue),
        ]
    }

    /// The essay's test in one sentence: the share that held, next to a coin's 50%.
    static func coinLine(_ total: Scorecard.Group) -> String {
        let coin = "a coin would be right 50%."
        guard let share = total.heldShare else { return "No lifeline has been judged yet; \(coin)" }
        let held = "Your tiers held \(OutputNumber.text(percent(share)))% of the time (\(total.held) of \(count(total.judged, "judged lifeline")))"
        switch total.verdict {
        case .tooFew: return "\(held); \(coin) Too few to judge: at least \(Scorecard.fewestToJudge) are needed."
        default: return "\(held); \(coin)"
        }
    }

    static let lifelineColumns = [
        "company", "sector", "lifeline_start", "tier_months", "natural_end", "ended_on", "days_lasted", "months_lasted", "months_short",
        "outcome", "cause_kind", "cause_provider", "cause_capability", "cause_effect", "invested_usd",
    ]

    /// The judged lifelines, one row each, in the columns of v_lifeline_outcomes.
    static func lifelineRows(_ lifelines: [JudgedLifeline]) -> Rows {
        var rows = Rows(columns: lifelineColumns)
        for lifeline in lifelines {
            let cause = lifeline.cause
            rows.append([
                .text(lifeline.company), OutputValue(lifeline.sector), .text(lifeline.start.iso), .integer(Int64(lifeline.tier.months)),
                .text(lifeline.naturalEnd.iso), .text(lifeline.endedOn.iso), .integer(Int64(lifeline.daysLasted)), .number(lifeline.monthsLasted),
                lifeline.monthsShort.map(OutputValue.number) ?? .null, .text(lifeline.outcome.rawValue),
                OutputValue(cause.map { $0.isRetirement ? "retirement" : "threat" }), OutputValue(cause?.provider),
                OutputValue(cause?.capability), OutputValue(cause?.effect?.rawValue), .usd(cents: lifeline.investedCents),
            ])
        }
        return rows
    }

    /// A share as a percentage to a whole number: 7 of 12 is 58.
    static func percent(_ share: Double) -> Double { (share * 100).rounded() }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
