/// One of a company's lifelines as `history` tells it: when and how it began, when it
/// really ended and how, and when the next one began.
public struct LifelinePeriod: Equatable, Sendable {
    public let record: LifelineRecord
    /// The date it ended: the cause's date, or the natural end when it elapsed, or the
    /// closing; when the next lifeline came first, the day that one began. Nil while it runs.
    public let endedOn: CivilDate?
    /// How it ended: `rebuild`, `replaced` or `migrate` (a threat), `elapsed` (the tier
    /// ran out), `closed`, or - when the next one began before anything ended it - how
    /// that one began (`rebuilt`, `renewed`). Nil while it runs.
    public let how: String?
    /// When the next lifeline began; nil for the current one.
    public let nextBegan: CivilDate?
    /// The recorded outcome that ended it - with its cause: the tier, a threat, a
    /// retirement or the closing - or nil when the next lifeline or the closing came
    /// first (or it runs).
    public let endedBy: Assessment.Outcome?

    package init(record: LifelineRecord, endedOn: CivilDate?, how: String?, nextBegan: CivilDate?, endedBy: Assessment.Outcome? = nil) {
        self.record = record
        self.endedOn = endedOn
        self.how = how
        self.nextBegan = nextBegan
        self.endedBy = endedBy
    }

    /// A company's lifelines, oldest first, from their records, its closing and its
    /// recorded assessments (in as-of then run order). A lifeline's end is what its last
    /// recorded assessment - the latest made with its start - said had ended it, on or
    /// before the next one began: the next one's start is when it began, not when this
    /// one ended. A lifeline nothing had ended when the next began ended then.
    public static func periods(lifelines: [LifelineRecord], closing: Closing?, assessments: [StoredAssessment]) -> [LifelinePeriod] {
        periods(lifelines: lifelines[...], closing: closing, outcomes: assessments.map(\.outcome)[...])
    }

    /// The same from the recorded outcomes alone, in as-of then run order: for the
    /// scorecard, which reads every company's and hands each its rows as slices of one
    /// array (an array per company, in dictionaries by company, was a fifth of its time).
    public static func periods(
        lifelines: ArraySlice<LifelineRecord>, closing: Closing?, outcomes: ArraySlice<Assessment.Outcome>
    ) -> [LifelinePeriod] {
        func ending(start: CivilDate, before next: CivilDate?) -> (on: CivilDate, how: String, by: Assessment.Outcome?)? {
            guard let outcome = outcomes.last(where: { $0.lifelineStart == start }),
                outcome.status.hasEnded || outcome.status == .elapsed || outcome.status == .closed,
                next.map({ outcome.lifelineEnd <= $0 }) ?? true
            else { return nil }
            // A closed company's lifeline ended by what ended it first.
            let how = outcome.status == .closed && outcome.cause != .closed
                ? (outcome.cause == .tier ? "elapsed" : outcome.cause.threat?.effect.map { $0 == .advantage ? "rebuild" : "replaced" } ?? "migrate")
                : outcome.status.rawValue
            return (outcome.lifelineEnd, how, outcome)
        }
        return lifelines.indices.map { index in
            let record = lifelines[index]
            let next = index + 1 < lifelines.endIndex ? lifelines[index + 1] : nil
            var end = ending(start: record.start, before: next?.start)
            if end == nil, next == nil, let closing { end = (closing.closedOn, "closed", nil) }
            if end == nil, let next { end = (next.start, next.began.rawValue, nil) }
            return LifelinePeriod(record: record, endedOn: end?.on, how: end?.how, nextBegan: next?.start, endedBy: end?.by)
        }
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
