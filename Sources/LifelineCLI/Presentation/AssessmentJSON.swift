import Lifeline
import LifelineCore

/// Assessments in JSON, with the same keys as the `v_company_lifeline` view.
enum AssessmentJSON {
    static func assessment(_ assessment: Assessment) -> JSON {
        let outcome = assessment.outcome
        let threat = outcome.cause.threat
        return .object([
            ("company", .string(assessment.company)), ("as_of", .string(assessment.asOf.iso)),
            ("status", .string(outcome.status.rawValue)), ("tier_months", .integer(Int64(outcome.tierMonths))),
            ("lifeline_start", .string(outcome.lifelineStart.iso)), ("lifeline_end", .string(outcome.lifelineEnd.iso)),
            ("days_remaining", .integer(Int64(assessment.daysRemaining))), ("runway_end", JSON(outcome.runwayEnd?.iso)),
            ("cause_kind", .string(outcome.cause.kind.rawValue)),
            ("cause_release_id", threat.map { .integer($0.releaseID) } ?? .null),
            ("cause_provider", JSON(threat?.provider)), ("cause_model", JSON(threat?.model.description)),
            ("cause_capability", JSON(threat?.capability)), ("cause_effect", JSON(threat?.effect?.rawValue)),
            ("cause_released_on", JSON(threat?.releasedOn.iso)),
        ])
    }

    static func change(_ change: AssessmentChange) -> JSON {
        guard case .object(var members) = assessment(change.current) else { return .null }
        members.insert(("previous_status", JSON(change.previous?.status.rawValue)), at: 2)
        members.append(("reason", .string(AssessmentPresenter.reason(change.current))))
        return .object(members)
    }

    static func opportunity(_ opportunity: Opportunity) -> JSON {
        .object([
            ("release_id", .integer(opportunity.releaseID)), ("model", .string(opportunity.model.description)),
            ("released_on", .string(opportunity.releasedOn.iso)), ("capability", .string(opportunity.capability)),
        ])
    }
}
