import LifelineCore
import LifelineStorage

/// Restoring lifelines.csv, and the rebuilds.csv of an export made before lifelines were
/// dated records (the same conversion as migration 0010).
extension Onboarding {
    /// One lifeline: an earlier one with its own dependencies and exposures, or the
    /// current one - its start must be the company's in companies.csv - which gives how
    /// it began and its note.
    func restoreLifeline(_ row: [String: String], date: (String) throws -> CivilDate?, in session: WriteSession) throws {
        guard let slug = row["company"], let start = try date("starts_on"),
            let tier = try row["tier_months"].map(Company.Tier.parse), let runway = try row["runway_months"].map(CompanyFields.parseRunway),
            let began = row["began"].flatMap(LifelineRecord.Beginning.init(rawValue:))
        else {
            throw LifelineError(.badData, "a lifeline needs company, starts_on, tier_months, runway_months and began (added, rebuilt, renewed)")
        }
        let company = try session.names.companyID(slug)
        let note = try row["note"].map { try TextField.notes($0, field: "note") }
        guard let supersededAt = row["superseded_at"] else {
            try database.execute(
                sql: "UPDATE companies SET lifeline_began = ?, lifeline_note = ? WHERE id = ? AND lifeline_start = ?",
                arguments: [.text(began.rawValue), note.sqlValue, .integer(company), .text(start.iso)])
            guard database.changes == 1 else {
                throw LifelineError(.badData, "'\(slug)' has no current lifeline starting on \(start) in companies.csv; give superseded_at for an earlier one")
            }
            return
        }
        try database.execute(
            sql: """
                INSERT INTO earlier_lifelines (company_id, starts_on, tier_months, runway_months, began, note, superseded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                .integer(company), .text(start.iso), tier.months.sqlValue, runway.sqlValue, .text(began.rawValue), note.sqlValue,
                .text(try TextField.timestamp(supersededAt, field: "superseded_at")),
            ])
        let lifeline = database.lastInsertedRowID
        for model in try Self.listItems(row["depends"] ?? "").map(ModelReference.init(parsing:)) {
            try database.execute(
                sql: "INSERT OR IGNORE INTO earlier_lifeline_dependencies (lifeline_id, model_id) VALUES (?, ?)",
                arguments: [.integer(lifeline), .integer(try session.names.modelID(model))])
        }
        let exposures = try Self.listItems(row["exposures"] ?? "").map(Exposure.init(cell:)).map {
            Exposure(capability: try session.names.capabilitySlug($0.capability), effect: $0.effect, providers: $0.providers)
        }
        try Exposure.checkScopesDisjoint(exposures)
        for exposure in exposures {
            try database.execute(
                sql: "INSERT INTO earlier_lifeline_exposures (lifeline_id, capability_id, effect) VALUES (?, ?, ?)",
                arguments: [.integer(lifeline), .integer(try session.names.capabilityID(exposure.capability)), .text(exposure.effect.rawValue)])
            let exposureID = database.lastInsertedRowID
            for provider in exposure.providers {
                try database.execute(
                    sql: "INSERT OR IGNORE INTO earlier_lifeline_exposure_providers (exposure_id, provider_id) VALUES (?, ?)",
                    arguments: [.integer(exposureID), .integer(try session.names.providerID(provider))])
            }
        }
    }

    /// One row of an old rebuilds.csv (rows in rebuild order): the current lifeline, as
    /// restored so far, becomes an earlier one starting on previous_start, with the
    /// company's dependencies and exposures - all that was recorded - and the rebuild's
    /// lifeline becomes the current one's beginning and note.
    func restoreRebuild(_ row: [String: String], date: (String) throws -> CivilDate?, in session: WriteSession) throws {
        guard let slug = row["company"], let previousStart = try date("previous_start"),
            let previousTier = try row["previous_tier_months"].map(Company.Tier.parse)
        else { throw LifelineError(.badData, "a rebuild needs company, previous_start and previous_tier_months") }
        let company = try session.names.companyID(slug)
        try database.execute(
            sql: """
                INSERT INTO earlier_lifelines (company_id, starts_on, tier_months, runway_months, began, note, superseded_at)
                SELECT id, ?, ?, runway_months, lifeline_began, lifeline_note, ? FROM companies WHERE id = ?
                """,
            arguments: [
                .text(previousStart.iso), previousTier.months.sqlValue, .text(try Self.timestamp(row, "recorded_at")), .integer(company),
            ])
        try portfolio.companies.keepLinks(ofCompany: company, inEarlierLifeline: database.lastInsertedRowID)
        try database.execute(
            sql: "UPDATE companies SET lifeline_began = 'rebuilt', lifeline_note = ? WHERE id = ?",
            arguments: [try row["note"].map { try TextField.notes($0, field: "note") }.sqlValue, .integer(company)])
    }
}
