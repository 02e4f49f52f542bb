import LifelineCore
import LifelineStorage

/// What is known about the recorded assessments (table `assessment_state`, migration
/// 0005): while they are current, every company's latest assessment is what the engine
/// gives for the current facts as of some date on or after `currentSince`, and none is
/// dated after `latestAsOf`. Knowing this lets the nightly run recompute only the
/// companies whose outcome can have moved since, and `release log` only the companies a
/// release can still end.
struct AssessmentState: Equatable {
    var currentSince: CivilDate
    var latestAsOf: CivilDate
    var warnDays: Int
    var rulesVersion: Int
}

extension Reassessment {
    /// The state, when the assessments are current and were made with this warning
    /// window and this engine's rules; nil otherwise (then only a full run can be trusted).
    func currentAssessmentState(warnDays: Int) throws -> AssessmentState? {
        let state = try database.cachedStatement(sql: """
            SELECT current_since, latest_as_of, warn_days, rules_version FROM assessment_state WHERE current_since IS NOT NULL
            """).fetchOne { row in
            AssessmentState(
                currentSince: try row.get(0) as CivilDate, latestAsOf: try row.get(1) as CivilDate, warnDays: try row.get(2),
                rulesVersion: try row.get(3))
        }
        guard let state, state.warnDays == warnDays, state.rulesVersion == LifelineEngine.rulesVersion else { return nil }
        return state
    }

    /// True when the assessments are current, whatever the warning window and rules
    /// they were made with: no write by hand has touched the facts since a full run.
    func assessmentsKnownCurrent() throws -> Bool {
        try database.cachedStatement(sql: "SELECT 1 FROM assessment_state WHERE current_since IS NOT NULL").fetchOne { _ in true } ?? false
    }

    /// Records the state; nil: the assessments are not known to be current.
    func saveAssessmentState(_ state: AssessmentState?) throws {
        try database.cachedStatement(sql: """
            UPDATE assessment_state SET current_since = ?, latest_as_of = ?, warn_days = ?, rules_version = ?
            """).bind([
                state?.currentSince.iso.sqlValue ?? .null, state?.latestAsOf.iso.sqlValue ?? .null,
                state?.warnDays.sqlValue ?? .null, state?.rulesVersion.sqlValue ?? .null,
            ]).execute()
    }

    /// Runs `body` - writes, then the reassessment as of today of every company they
    /// affect - inside the caller's transaction, and keeps the assessments known to be
    /// current if they were before. The schema's triggers forget it on every write to
    /// the facts; remembering it again is sound because the companies the writes do not
    /// affect keep their outcome at every date, and the affected ones have just been
    /// assessed as of today - provided no assessment is dated after today.
    func keepingAssessmentsCurrent<T>(_ body: () throws -> T) throws -> T {
        let before = try currentAssessmentState(warnDays: warnDays)
        let changesBefore = database.totalChanges
        let value = try body()
        // Nothing written (a removal not confirmed, a duplicate skipped): nothing to say.
        guard database.totalChanges != changesBefore else { return value }
        if var state = before, today >= state.latestAsOf {
            state.latestAsOf = today
            try saveAssessmentState(state)
        } else {
            try saveAssessmentState(nil)
        }
        return value
    }

    /// After a run over every company as of `asOf`: when no earlier run is dated after
    /// it, every company's latest assessment now holds as of `asOf`. A backtest (a run
    /// dated before another) may have given some companies a new latest assessment as of
    /// its date, which widens the window the next incremental run must look back over.
    func assessedEveryCompany(asOf: CivilDate, warnDays: Int, before: AssessmentState?, latestRunBefore: CivilDate?) throws {
        if latestRunBefore.map({ asOf >= $0 }) ?? true {
            try saveAssessmentState(AssessmentState(
                currentSince: asOf, latestAsOf: asOf, warnDays: warnDays, rulesVersion: LifelineEngine.rulesVersion))
        } else if var state = before {
            state.currentSince = min(state.currentSince, asOf)
            try saveAssessmentState(state)
        } else {
            try saveAssessmentState(nil)
        }
    }

    /// The as-of date of the latest recorded run, if any.
    func latestRunAsOf() throws -> CivilDate? {
        try database.cachedStatement(sql: "SELECT max(as_of) FROM reassessment_runs").fetchOne { row in
            try row.get(0) as CivilDate?
        } ?? nil
    }
}
