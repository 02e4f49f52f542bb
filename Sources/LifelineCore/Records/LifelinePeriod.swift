/// One of a company's lifelines as `history` tells it: when it began, when it really
/// ended and how, and when the next one began.
public struct LifelinePeriod: Equatable, Sendable {
    public let start: CivilDate
    public let tierMonths: Int
    /// The date it ended: the cause's date, or the natural end when it elapsed; when a
    /// rebuild came first, the rebuild's date. Nil while it runs.
    public let endedOn: CivilDate?
    /// How it ended: `rebuild`, `replaced` or `migrate` (a threat), `elapsed` (the tier
    /// ran out), or `rebuilt` (the company rebuilt before anything ended it). Nil while
    /// it runs.
    public let how: String?
    /// When the next lifeline began; nil for the current one.
    public let nextBegan: CivilDate?
    /// The rebuild's note, on the lifeline it ended.
    public let note: String?

    package init(start: CivilDate, tierMonths: Int, endedOn: CivilDate?, how: String?, nextBegan: CivilDate?, note: String?) {
        self.start = start
        self.tierMonths = tierMonths
        self.endedOn = endedOn
        self.how = how
        self.nextBegan = nextBegan
        self.note = note
    }

    /// A company's lifelines, oldest first, from its current record, its rebuilds and its
    /// recorded assessments (in as-of then run order). A lifeline's end is what its last
    /// recorded assessment - the latest made with its start - said had ended it, on or
    /// before the next one began: a rebuild's date is when the next lifeline began, not
    /// when this one ended. A lifeline nothing had ended when the company rebuilt ended
    /// with the rebuild.
    public static func periods(current: Company, rebuilds: [Rebuild], assessments: [StoredAssessment]) -> [LifelinePeriod] {
        func ending(start: CivilDate, before next: CivilDate?) -> (on: CivilDate, how: String)? {
            guard let outcome = assessments.last(where: { $0.outcome.lifelineStart == start })?.outcome,
                outcome.status.hasEnded || outcome.status == LifelineStatus.elapsed,
                next.map({ outcome.lifelineEnd <= $0 }) ?? true
            else { return nil }
            return (outcome.lifelineEnd, outcome.status.rawValue)
        }
        var periods = rebuilds.map { rebuild in
            let end = ending(start: rebuild.previousStart, before: rebuild.rebuiltOn)
            return LifelinePeriod(
                start: rebuild.previousStart, tierMonths: rebuild.previousTierMonths, endedOn: end?.on ?? rebuild.rebuiltOn,
                how: end?.how ?? "rebuilt", nextBegan: rebuild.rebuiltOn, note: rebuild.note)
        }
        let end = ending(start: current.lifelineStart, before: nil)
        periods.append(LifelinePeriod(
            start: current.lifelineStart, tierMonths: current.tier.months, endedOn: end?.on, how: end?.how, nextBegan: nil, note: nil))
        return periods
    }
}

extension StoredAssessment {
    /// Of assessments in as-of then run order, the last recorded for each as-of date:
    /// backfilling facts leaves a trail of intermediate statuses all dated the day they
    /// were typed, and what that day finally said is the last.
    public static func lastOfEachDate(_ assessments: [StoredAssessment]) -> [StoredAssessment] {
        var kept: [StoredAssessment] = []
        for assessment in assessments {
            if kept.last?.asOf == assessment.asOf { kept.removeLast() }
            kept.append(assessment)
        }
        return kept
    }
}
