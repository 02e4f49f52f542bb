/// Assessments and their changes in words: the digest lines of `reassess` and of every
/// command that changes the portfolio, and the text of their notifications.
package enum AssessmentPresenter {
    /// "papertalk: alive -> replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-10-06)"
    package static func line(_ change: AssessmentChange) -> String {
        let before = change.previous?.status.rawValue ?? "new"
        return "\(change.current.company): \(before) -> \(change.current.status.rawValue) (\(reason(change.current)))"
    }

    /// Why the assessment says what it says, in one phrase.
    package static func reason(_ assessment: Assessment) -> String {
        let outcome = assessment.outcome
        let days = assessment.daysRemaining
        let tier = "tier of \(outcome.tierMonths) months"
        switch (outcome.status, outcome.cause.threat) {
        case (.replaced, let threat?):
            return "\(shipped(threat)); runway to \(outcome.runwayEnd?.iso ?? "?")"
        case (.rebuild, let threat?):
            return "\(shipped(threat)); rebuild on it"
        case (.migrate, let threat?):
            return "\(threat.model) retired on \(threat.releasedOn) and no other dependency is left"
        case (.closed, _) where outcome.cause == .closed:
            return "left the portfolio on \(outcome.lifelineEnd)"
        case (.closed, let threat?):
            return "left the portfolio; \(shipped(threat)) first"
        case (.closed, nil):
            return "left the portfolio; its \(tier) had run out on \(outcome.lifelineEnd)"
        case (.elapsed, _):
            return "\(tier) ran out on \(outcome.lifelineEnd); review it"
        case (.atRisk, let threat?):
            return "\(ships(threat)), in \(days) day\(days == 1 ? "" : "s")"
        case (.atRisk, nil):
            return "\(tier) runs out on \(outcome.lifelineEnd), in \(days) day\(days == 1 ? "" : "s")"
        case (_, let threat?):
            return "lifeline to \(outcome.lifelineEnd): \(ships(threat))"
        default:
            return "lifeline to \(outcome.lifelineEnd), \(tier)"
        }
    }

    /// What ends the lifeline, in a column: "openai/chatgpt file-upload (necessity)",
    /// "openai/gpt-4 retirement", "tier" when nothing comes before its natural end, or
    /// "closed" when the company left the portfolio first.
    package static func cause(_ outcome: Assessment.Outcome) -> String {
        if outcome.cause == .closed { return "closed" }
        guard let threat = outcome.cause.threat else { return "tier" }
        return threat.isRetirement
            ? String(concatenating: [threat.model.provider, "/", threat.model.model, " retirement"])
            : String(concatenating: [
                threat.model.provider, "/", threat.model.model, " ", threat.capability ?? "", " (", threat.effect?.rawValue ?? "", ")",
            ])
    }

    /// "openai/chatgpt shipped file-upload on 2023-07-06"
    package static func shipped(_ threat: Threat) -> String {
        "\(threat.model) shipped \(threat.capability ?? "a retirement") on \(threat.releasedOn)"
    }

    /// "openai/chatgpt ships file-upload on 2023-07-06" (future), or its retirement.
    package static func ships(_ threat: Threat) -> String {
        threat.isRetirement
            ? "\(threat.model) retires on \(threat.releasedOn)"
            : "\(threat.model) ships \(threat.capability ?? "") on \(threat.releasedOn)"
    }
}
