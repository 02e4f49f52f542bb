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

extension Portfolio {
    /// The state, when the assessments are current and were made with this warning
    /// window and this engine's rules; nil otherwise (then only a full run can be trusted).
    func currentAssessmentState(warnDays: Int) throws -> AssessmentState? {
        let state = try database.cachedStatement(sql: """
            SELECT current_since, latest_as_of, warn_days, rules_version FROM assessment_state WHERE current_since IS NOT NULL
            """).fetchOne { row in
            AssessmentState(
                currentSince: try Self.date(row, 0), latestAsOf: try Self.date(row, 1), warnDays: try row.get(2),
                rulesVersion: try row.get(3))
        }
        guard let state, state.warnDays == warnDays, state.rulesVersion == LifelineEngine.rulesVersion else { return nil }
        return state
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
            try Self.optionalDate(row, 0)
        } ?? nil
    }

    /// The companies whose outcome can have moved between `since` and `asOf` while the
    /// facts stayed the same (the rules that depend on the as-of date, docs/engine.md):
    /// - a status threshold was crossed: the lifeline's start, its end (a threat's date
    ///   or the natural end), or the start of the warning window before the end;
    /// - a release became known (its announcement or release date) that can end it;
    /// - a dismissal expired.
    /// Every assessment row is consulted, not only each company's latest: a superset,
    /// which costs a few extra companies and no index seek per company.
    func companiesDue(since: CivilDate, asOf: CivilDate, warnDays: Int) throws -> Set<Int64> {
        var due = Set<Int64>()
        try database.cachedStatement(sql: """
            SELECT DISTINCT company_id FROM assessments WHERE lifeline_end > ?1
            AND (lifeline_end <= ?2 OR (lifeline_end > ?3 AND lifeline_end <= ?4) OR (lifeline_start > ?1 AND lifeline_start <= ?2))
            """).bind([
                .text(since.iso), .text(asOf.iso), .text(since.adding(days: warnDays).iso), .text(asOf.adding(days: warnDays).iso),
            ]).forEachRow { due.insert(try $0.get(0)) }
        let newlyKnown = try database.cachedStatement(sql: """
            SELECT id, kind, released_on FROM releases
            WHERE coalesce(announced_on, released_on) > ?1 AND coalesce(announced_on, released_on) <= ?2
            """).bind([.text(since.iso), .text(asOf.iso)]).fetchAll { row in
            (id: try row.get(0) as Int64, kind: try row.get(1) as String, releasedOn: try Self.date(row, 2))
        }
        for release in newlyKnown {
            due.formUnion(try companiesThreatened(byRelease: release.id, on: release.releasedOn, isRetirement: release.kind == "retirement"))
        }
        try database.cachedStatement(sql: "SELECT company_id FROM dismissals WHERE until > ? AND until <= ?")
            .bind([.text(since.iso), .text(asOf.iso)]).forEachRow { due.insert(try $0.get(0)) }
        return due
    }

    /// The companies a release dated `releasedOn` can end, when the assessments are
    /// current: those it concerns (`companiesConcerned`) whose lifeline runs on or
    /// after its date. A company whose lifeline already ended earlier keeps that ending
    /// whatever comes later (rule 5), and one that starts after the release does not
    /// count it (rule 3) - except for a retirement, which can take away the fallback of
    /// a later retirement. Each company's latest assessment decides (an older one, such
    /// as the first made before its exposures were known, often ends later). Driven by
    /// `assessments_by_end`, so the cost follows the assessments that run on or after
    /// that date, not the size of the portfolio.
    func companiesThreatened(byRelease releaseID: Int64, on releasedOn: CivilDate, isRetirement: Bool) throws -> Set<Int64> {
        Set(try database.cachedStatement(sql: """
            SELECT a.company_id FROM assessments a WHERE a.lifeline_end >= ?2 AND (?3 OR a.lifeline_start <= ?2)
            AND a.id = (SELECT b.id FROM assessments b WHERE b.company_id = a.company_id ORDER BY b.as_of DESC, b.run_id DESC LIMIT 1)
            AND (EXISTS (SELECT 1 FROM exposures e JOIN release_capabilities x ON x.capability_id = e.capability_id
                         WHERE e.company_id = a.company_id AND x.release_id = ?1)
                 OR EXISTS (SELECT 1 FROM dependencies d JOIN releases r ON r.model_id = d.model_id
                            WHERE d.company_id = a.company_id AND r.id = ?1 AND r.kind = 'retirement'))
            """).bind([.integer(releaseID), .text(releasedOn.iso), .integer(isRetirement ? 1 : 0)])
            .fetchAll { try $0.get(0) as Int64 })
    }
}
