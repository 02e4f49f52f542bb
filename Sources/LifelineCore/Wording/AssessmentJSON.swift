/// Assessments in JSON, with the same keys as the `v_company_lifeline` view: what
/// `reassess --format json` prints and what the notifications outbox keeps.
package enum AssessmentJSON {
    package static func assessment(_ assessment: Assessment) -> JSONValue {
        let outcome = assessment.outcome
        let threat = outcome.cause.threat
        return .object([
            ("company", .string(assessment.company)), ("as_of", .string(assessment.asOf.iso)),
            ("status", .string(outcome.status.rawValue)), ("tier_months", .integer(Int64(outcome.tierMonths))),
            ("lifeline_start", .string(outcome.lifelineStart.iso)), ("lifeline_end", .string(outcome.lifelineEnd.iso)),
            ("days_remaining", .integer(Int64(assessment.daysRemaining))), ("runway_end", JSONValue(outcome.runwayEnd?.iso)),
            ("cause_kind", .string(outcome.cause.kind.rawValue)),
            ("cause_release_id", threat.map { .integer($0.releaseID) } ?? .null),
            ("cause_provider", JSONValue(threat?.provider)), ("cause_model", JSONValue(threat?.model.description)),
            ("cause_capability", JSONValue(threat?.capability)), ("cause_effect", JSONValue(threat?.effect?.rawValue)),
            ("cause_released_on", JSONValue(threat?.releasedOn.iso)),
        ])
    }

    package static func change(_ change: AssessmentChange) -> JSONValue {
        guard case .object(var members) = assessment(change.current) else { return .null }
        members.insert(("previous_status", JSONValue(change.previous?.status.rawValue)), at: 2)
        members.append(("reason", .string(AssessmentPresenter.reason(change.current))))
        return .object(members)
    }

    package static func opportunity(_ opportunity: Opportunity) -> JSONValue {
        .object([
            ("release_id", .integer(opportunity.releaseID)), ("model", .string(opportunity.model.description)),
            ("released_on", .string(opportunity.releasedOn.iso)), ("capability", .string(opportunity.capability)),
        ])
    }
}

extension JSONValue {
    /// A string, or null.
    package init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
}
