/// A company whose assessment changed in a reassessment.
public struct AssessmentChange: Equatable, Sendable {
    /// The company's previous outcome (its latest assessment as of the same date or
    /// earlier), or nil when it had none.
    public let previous: Assessment.Outcome?
    public let current: Assessment

    package init(previous: Assessment.Outcome?, current: Assessment) {
        self.previous = previous
        self.current = current
    }
}

/// What one reassessment computed and recorded.
public struct ReassessmentReport: Equatable, Sendable {
    /// The recorded run, or nil for a dry run.
    public let runID: Int64?
    public let trigger: String
    public let asOf: CivilDate
    public let warnDays: Int
    /// The stall window its stagnation flags were raised with (rule 11).
    public let stallDays: Int
    public let companiesAssessed: Int
    /// Of those, how many the engine computed; the others' outcomes were known not to
    /// have moved (an incremental nightly run).
    public let companiesComputed: Int
    /// Only the companies whose outcome changed, by company slug.
    public let changes: [AssessmentChange]
    /// For a nightly run: what happened since the previous one (by date, then company).
    public let events: [ReassessmentEvent]
    /// The as-of date of the previous nightly run, which the events are counted from;
    /// nil when there was none (then there are no events).
    public let eventsSince: CivilDate?

    package init(
        runID: Int64?, trigger: String, asOf: CivilDate, warnDays: Int, stallDays: Int, companiesAssessed: Int,
        companiesComputed: Int, changes: [AssessmentChange], events: [ReassessmentEvent] = [], eventsSince: CivilDate? = nil
    ) {
        self.runID = runID
        self.trigger = trigger
        self.asOf = asOf
        self.warnDays = warnDays
        self.stallDays = stallDays
        self.companiesAssessed = companiesAssessed
        self.companiesComputed = companiesComputed
        self.changes = changes
        self.events = events
        self.eventsSince = eventsSince
    }

    /// The same report with the events since `since`.
    package func with(events: [ReassessmentEvent], since: CivilDate?) -> ReassessmentReport {
        ReassessmentReport(
            runID: runID, trigger: trigger, asOf: asOf, warnDays: warnDays, stallDays: stallDays, companiesAssessed: companiesAssessed,
            companiesComputed: companiesComputed, changes: changes, events: events, eventsSince: since)
    }

    package static func nothing(trigger: String, asOf: CivilDate, warnDays: Int, stallDays: Int) -> ReassessmentReport {
        ReassessmentReport(
            runID: nil, trigger: trigger, asOf: asOf, warnDays: warnDays, stallDays: stallDays, companiesAssessed: 0, companiesComputed: 0,
            changes: [])
    }
}

/// A write's own result together with the reassessment it triggered.
public struct Reassessed<Value> {
    public let value: Value
    public let reassessment: ReassessmentReport

    package init(value: Value, reassessment: ReassessmentReport) {
        self.value = value
        self.reassessment = reassessment
    }
}

extension Reassessed: Sendable where Value: Sendable {}
