/// An assessment as recorded in the database: an outcome as of a date, by a run.
public struct StoredAssessment: Equatable, Sendable {
    public let company: String
    public let asOf: CivilDate
    public let outcome: Assessment.Outcome
    public let runID: Int64
    /// What started the run: `reassess`, `release log openai/chatgpt`, ...
    public let trigger: String
    public let rulesVersion: Int

    public var daysRemaining: Int { asOf.days(until: outcome.lifelineEnd) }

    package init(company: String, asOf: CivilDate, outcome: Assessment.Outcome, runID: Int64, trigger: String, rulesVersion: Int) {
        self.company = company
        self.asOf = asOf
        self.outcome = outcome
        self.runID = runID
        self.trigger = trigger
        self.rulesVersion = rulesVersion
    }
}

/// A threat an investor judged not to apply to a company.
public struct Dismissal: Equatable, Sendable {
    public let company: String
    public let release: Release
    public let reason: String
    /// The dismissal holds before this date; nil: for good.
    public let until: CivilDate?
    public let recordedAt: String

    package init(company: String, release: Release, reason: String, until: CivilDate?, recordedAt: String) {
        self.company = company
        self.release = release
        self.reason = reason
        self.until = until
        self.recordedAt = recordedAt
    }
}

/// What a hypothetical release would do to one company.
public struct WhatIfImpact: Equatable, Sendable {
    public let before: Assessment
    public let after: Assessment
    public let investedCents: Int64

    package init(before: Assessment, after: Assessment, investedCents: Int64) {
        self.before = before
        self.after = after
        self.investedCents = investedCents
    }

    /// True when the release would end the lifeline or put it at risk.
    public var endsOrEndangers: Bool {
        (after.status.hasEnded && !before.status.hasEnded) || (after.status == .atRisk && before.status != .atRisk)
    }
}
