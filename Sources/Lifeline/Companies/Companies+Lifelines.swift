import LifelineCore
import LifelineStorage

/// A company's lifelines (docs/engine.md, "Lifelines"): rebuilds and renewals start a
/// new one, closing takes the company out of the portfolio.
extension Companies {
    /// Starts a new lifeline on `date` after a threat ended the current one (rule 8).
    public func rebuildCompany(slug: String, on date: CivilDate, tier: Company.Tier?, note: String?) throws -> Reassessed<Company> {
        try startLifeline(slug: slug, on: date, began: .rebuilt, tier: tier, runwayMonths: nil, note: note)
    }

    /// Starts a new lifeline on `date` after the investor reviewed the company, usually
    /// once its lifeline elapsed (rule 8).
    public func renewCompany(
        slug: String, on date: CivilDate, tier: Company.Tier?, runwayMonths: Int?, note: String?
    ) throws -> Reassessed<Company> {
        try startLifeline(slug: slug, on: date, began: .renewed, tier: tier, runwayMonths: runwayMonths, note: note)
    }

    /// The current lifeline becomes an earlier one, with a copy of its exposures and
    /// dependencies, and a new one starts on `date` with the same ones (and the tier and
    /// runway given, or the current ones).
    private func startLifeline(
        slug: String, on date: CivilDate, began: LifelineRecord.Beginning, tier: Company.Tier?, runwayMonths: Int?, note: String?
    ) throws -> Reassessed<Company> {
        try writeAndReassess(trigger: "company \(began == .rebuilt ? "rebuild" : "renew") \(slug)") { session in
            try startLifeline(slug: slug, on: date, began: began, tier: tier, runwayMonths: runwayMonths, note: note, in: session)
        }
    }

    func startLifeline(
        slug: String, on date: CivilDate, began: LifelineRecord.Beginning, tier: Company.Tier?, runwayMonths: Int?, note: String?,
        in session: WriteSession
    ) throws -> Company {
        let note = try note.map { try TextField.notes($0, field: "note") }
        let what = began == .rebuilt ? "rebuild" : "renewal"
        let id = try session.names.companyID(slug)
        let current = try lifelines(companyID: id).last!
        guard date > current.start else {
            throw LifelineError(
                .badData,
                "a \(what) must come after the current lifeline's start (\(current.start)); to correct the start, use 'lifeline company edit \(slug) --since'")
        }
        try Self.checkNotAfterToday(date, today: today, what: "a \(what)")
        if let closing = try closing(companyID: id) {
            throw LifelineError(
                .badData, "'\(slug)' was closed on \(closing.closedOn) (\(closing.reason.rawValue)); 'lifeline company reopen \(slug)' first")
        }
        try database.execute(
            sql: """
                UPDATE companies SET lifeline_start = ?, tier_months = ?, runway_months = ?, lifeline_began = ?, lifeline_note = ?
                WHERE id = ?
                """,
            arguments: [
                .text(date.iso), (tier ?? current.tier).months.sqlValue, (runwayMonths ?? current.runwayMonths).sqlValue,
                .text(began.rawValue), note.sqlValue, .integer(id),
            ])
        try database.execute(
            sql: """
                INSERT INTO earlier_lifelines (company_id, starts_on, tier_months, runway_months, began, note, superseded_at)
                VALUES (?, ?, ?, ?, ?, ?, \(Portfolio.nowSQL))
                """,
            arguments: [
                .integer(id), .text(current.start.iso), current.tier.months.sqlValue, current.runwayMonths.sqlValue,
                .text(current.began.rawValue), current.note.sqlValue,
            ])
        try keepLinks(ofCompany: id, inEarlierLifeline: database.lastInsertedRowID)
        session.affect([id])
        return try company(id: id)
    }

    /// Copies the company's current exposures (each with its provider scope) and
    /// dependencies to an earlier lifeline.
    func keepLinks(ofCompany companyID: Int64, inEarlierLifeline lifelineID: Int64) throws {
        let exposures = try database.fetchAll(
            sql: "SELECT id, capability_id, effect FROM exposures WHERE company_id = ? ORDER BY id",
            arguments: [.integer(companyID)]) { (id: try $0.get(0) as Int64, capability: try $0.get(1) as Int64, effect: try $0.get(2) as String) }
        for exposure in exposures {
            try database.execute(
                sql: "INSERT INTO earlier_lifeline_exposures (lifeline_id, capability_id, effect) VALUES (?, ?, ?)",
                arguments: [.integer(lifelineID), .integer(exposure.capability), .text(exposure.effect)])
            try database.execute(
                sql: """
                    INSERT INTO earlier_lifeline_exposure_providers (exposure_id, provider_id)
                    SELECT ?, provider_id FROM exposure_providers WHERE exposure_id = ?
                    """,
                arguments: [.integer(database.lastInsertedRowID), .integer(exposure.id)])
        }
        try database.execute(
            sql: "INSERT INTO earlier_lifeline_dependencies (lifeline_id, model_id) SELECT ?1, model_id FROM dependencies WHERE company_id = ?2",
            arguments: [.integer(lifelineID), .integer(companyID)])
    }

    /// Records that the company left the portfolio on `date`: `closed` from then on.
    public func closeCompany(slug: String, on date: CivilDate, reason: ClosingReason, note: String?) throws -> Reassessed<Closing> {
        let note = try note.map { try TextField.notes($0, field: "note") }
        return try writeAndReassess(trigger: "company close \(slug)") { session in
            let id = try session.names.companyID(slug)
            if let closing = try closing(companyID: id) {
                throw LifelineError(
                    .badData,
                    "'\(slug)' is already closed, on \(closing.closedOn) (\(closing.reason.rawValue)); 'lifeline company reopen \(slug)' undoes it")
            }
            let start = try lifelines(companyID: id).last!.start
            guard date >= start else {
                throw LifelineError(.badData, "--on \(date) is before the current lifeline's start (\(start)); a company closes during its current lifeline")
            }
            try Self.checkNotAfterToday(date, today: today, what: "a closing")
            try database.execute(
                sql: "INSERT INTO closures (company_id, closed_on, reason, note, recorded_at) VALUES (?, ?, ?, ?, \(Portfolio.nowSQL))",
                arguments: [.integer(id), .text(date.iso), .text(reason.rawValue), note.sqlValue])
            session.affect([id])
            return Closing(closedOn: date, reason: reason, note: note)
        }
    }

    /// Undoes a close: the company is back in the portfolio as if it had never left.
    public func reopenCompany(slug: String) throws -> Reassessed<Closing> {
        try writeAndReassess(trigger: "company reopen \(slug)") { session in
            let id = try session.names.companyID(slug)
            guard let closing = try closing(companyID: id) else {
                throw LifelineError(.badData, "'\(slug)' is not closed; nothing to reopen")
            }
            try database.execute(sql: "DELETE FROM closures WHERE company_id = ?", arguments: [.integer(id)])
            session.affect([id])
            return closing
        }
    }

    /// No lifeline starts, and no company closes, after today: a future date would be a
    /// guess recorded as a fact. Record it on the day.
    static func checkNotAfterToday(_ date: CivilDate, today: CivilDate, what: String) throws {
        guard date <= today else {
            throw LifelineError(.badData, "\(date) is after today (\(today)): \(what) is recorded on or after the day it happens")
        }
    }

    // MARK: Read

    /// The company's lifelines, oldest first; the last is the current one.
    public func lifelines(_ slug: String) throws -> [LifelineRecord] {
        try read { try lifelines(companyID: try names.companyID(slug)) }
    }

    func lifelines(companyID: Int64) throws -> [LifelineRecord] {
        try database.fetchAll(
            sql: """
                SELECT starts_on, tier_months, runway_months, began, note FROM earlier_lifelines WHERE company_id = ?1
                UNION ALL
                SELECT lifeline_start, tier_months, runway_months, lifeline_began, lifeline_note FROM companies WHERE id = ?1
                ORDER BY 1
                """,
            arguments: [.integer(companyID)]
        ) { row in
            LifelineRecord(
                start: try row.get(0), tier: try row.get(1), runwayMonths: try row.get(2), began: try row.get(3), note: try row.get(4))
        }
    }

    /// When and why the company left the portfolio; nil while it is in it.
    public func closing(_ slug: String) throws -> Closing? {
        try read { try closing(companyID: try names.companyID(slug)) }
    }

    func closing(companyID: Int64) throws -> Closing? {
        try database.fetchOne(
            sql: "SELECT closed_on, reason, note FROM closures WHERE company_id = ?", arguments: [.integer(companyID)]
        ) { row in
            Closing(closedOn: try row.get(0), reason: try row.get(1), note: try row.get(2))
        }
    }
}
