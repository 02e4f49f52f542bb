import LifelineCore
import LifelineStorage

/// What ties a company to the rest: its investments, the models it depends on and the
/// capabilities it is exposed to.
extension Companies {
    // MARK: Investments

    public func addInvestment(company slug: String, on date: CivilDate, amount: USDAmount, round: String?) throws {
        try write { try addInvestment(company: slug, on: date, amount: amount, round: round, in: $0) }
    }

    func addInvestment(company slug: String, on date: CivilDate, amount: USDAmount, round: String?, in session: WriteSession) throws {
        let round = try round.map { try TextField.oneLine($0, field: "round", maximumLength: 100) }
        let id = try session.names.companyID(slug)
        let total = try session.investedCents
            ?? database.fetchOne(sql: "SELECT coalesce(sum(amount_cents), 0) FROM investments") { try $0.get(0) as Int64 } ?? 0
        guard total <= USDAmount.maximumTotalCents - amount.cents else {
            throw LifelineError(
                .badData,
                "this investment would bring the portfolio's total over \(USDAmount.text(cents: USDAmount.maximumTotalCents)), the most lifeline adds up; check the amount")
        }
        session.investedCents = total + amount.cents
        try database.execute(
            sql: "INSERT INTO investments (company_id, invested_on, round, amount_cents) VALUES (?, ?, ?, ?)",
            arguments: [.integer(id), .text(date.iso), round.sqlValue, .integer(amount.cents)])
    }

    /// For spreadsheet imports with `--update`, which replace a company's investments.
    func removeInvestments(company slug: String, in session: WriteSession) throws {
        try database.execute(sql: "DELETE FROM investments WHERE company_id = ?", arguments: [.integer(try session.names.companyID(slug))])
        session.investedCents = nil
    }

    // MARK: Dependencies

    /// Records that the company builds on `models`. Returns the ones that were new;
    /// a dependency already recorded is left as it is.
    public func addDependencies(company slug: String, models: [ModelReference]) throws -> Reassessed<[ModelReference]> {
        try writeAndReassess(trigger: "company depend \(slug)") { try addDependencies(company: slug, models: models, in: $0) }
    }

    func addDependencies(company slug: String, models: [ModelReference], in session: WriteSession) throws -> [ModelReference] {
        let id = try session.names.companyID(slug)
        var added: [ModelReference] = []
        for reference in models {
            let modelID = try session.names.modelID(reference)
            try database.execute(
                sql: "INSERT OR IGNORE INTO dependencies (company_id, model_id) VALUES (?, ?)",
                arguments: [.integer(id), .integer(modelID)])
            if database.changes > 0 { added.append(reference) }
        }
        if !added.isEmpty { session.affect([id]) }
        return added
    }

    /// Removes dependencies; every one must exist, or nothing is removed.
    @discardableResult
    public func removeDependencies(company slug: String, models: [ModelReference]) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "company undepend \(slug)") { session in
            let id = try session.names.companyID(slug)
            for reference in models {
                let modelID = try session.names.modelID(reference)
                try database.execute(
                    sql: "DELETE FROM dependencies WHERE company_id = ? AND model_id = ?",
                    arguments: [.integer(id), .integer(modelID)])
                guard database.changes > 0 else {
                    let current = try dependencies(companyID: id, sorted: false).map(\.description)
                    throw LifelineError(
                        .badData,
                        "'\(slug)' does not depend on '\(reference)'"
                            + (Suggestion.closest(to: reference.description, among: current).map { "; did you mean '\($0)'?" } ?? ""))
                }
            }
            session.affect([id])
        }
    }

    /// For spreadsheet imports with `--update`, which replace a company's dependencies.
    func clearDependencies(company slug: String, in session: WriteSession) throws {
        let id = try session.names.companyID(slug)
        try database.execute(sql: "DELETE FROM dependencies WHERE company_id = ?", arguments: [.integer(id)])
        session.affect([id])
    }

    /// The models the company depends on; `sorted` by provider and model.
    func dependencies(companyID: Int64, sorted: Bool) throws -> [ModelReference] {
        try database.fetchAll(
            sql: """
                SELECT p.slug, m.slug FROM dependencies d JOIN models m ON m.id = d.model_id
                JOIN providers p ON p.id = m.provider_id WHERE d.company_id = ?
                """ + (sorted ? " ORDER BY p.slug, m.slug" : ""),
            arguments: [.integer(companyID)]
        ) { ModelReference(provider: try $0.get(0), model: try $0.get(1)) }
    }

    // MARK: Exposures

    /// Exposes the company to a capability, or replaces an existing exposure's effect and
    /// provider scope. Returns true when the exposure was new.
    public func setExposure(company slug: String, capability: String, effect: Effect, providers: [String]) throws -> Reassessed<Bool> {
        try writeAndReassess(trigger: "company expose \(slug)") {
            try setExposure(company: slug, capability: capability, effect: effect, providers: providers, in: $0)
        }
    }

    func setExposure(company slug: String, capability: String, effect: Effect, providers: [String], in session: WriteSession) throws -> Bool {
        let id = try session.names.companyID(slug)
        let capabilityID = try session.names.capabilityID(capability)
        let providerIDs = try Set(providers).sorted().map(session.names.providerID)
        let existing = try database.fetchOne(
            sql: "SELECT id FROM exposures WHERE company_id = ? AND capability_id = ?",
            arguments: [.integer(id), .integer(capabilityID)]) { try $0.get(0) as Int64 }
        let exposureID: Int64
        if let existing {
            exposureID = existing
            try database.execute(sql: "UPDATE exposures SET effect = ? WHERE id = ?", arguments: [.text(effect.rawValue), .integer(existing)])
            try database.execute(sql: "DELETE FROM exposure_providers WHERE exposure_id = ?", arguments: [.integer(existing)])
        } else {
            try database.execute(
                sql: "INSERT INTO exposures (company_id, capability_id, effect) VALUES (?, ?, ?)",
                arguments: [.integer(id), .integer(capabilityID), .text(effect.rawValue)])
            exposureID = database.lastInsertedRowID
        }
        for providerID in providerIDs {
            try database.execute(
                sql: "INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (?, ?)",
                arguments: [.integer(exposureID), .integer(providerID)])
        }
        session.affect([id])
        return existing == nil
    }

    @discardableResult
    public func removeExposure(company slug: String, capability: String) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "company unexpose \(slug)") { session in
            let id = try session.names.companyID(slug)
            let capabilityID = try session.names.capabilityID(capability)
            try database.execute(
                sql: "DELETE FROM exposures WHERE company_id = ? AND capability_id = ?",
                arguments: [.integer(id), .integer(capabilityID)])
            guard database.changes > 0 else {
                let current = try exposures(companyID: id).map(\.capability)
                throw LifelineError(
                    .badData,
                    "'\(slug)' is not exposed to '\(capability)'"
                        + (Suggestion.closest(to: capability, among: current).map { "; did you mean '\($0)'?" } ?? ""))
            }
            session.affect([id])
        }
    }

    /// For spreadsheet imports with `--update`, which replace a company's exposures.
    func clearExposures(company slug: String, in session: WriteSession) throws {
        let id = try session.names.companyID(slug)
        try database.execute(sql: "DELETE FROM exposures WHERE company_id = ?", arguments: [.integer(id)])
        session.affect([id])
    }

    /// The capabilities the company is exposed to, by slug.
    func exposures(companyID: Int64) throws -> [Exposure] {
        try database.fetchAll(
            sql: """
                SELECT k.slug, e.effect,
                    (SELECT group_concat(slug, ',') FROM (SELECT p.slug FROM exposure_providers ep
                     JOIN providers p ON p.id = ep.provider_id WHERE ep.exposure_id = e.id ORDER BY p.slug))
                FROM exposures e JOIN capabilities k ON k.id = e.capability_id
                WHERE e.company_id = ? ORDER BY k.slug
                """,
            arguments: [.integer(companyID)]
        ) { row in
            Exposure(
                capability: try row.get(0), effect: try row.get(1),
                providers: (try row.get(2) as String?)?.split(separator: ",").map(String.init).sorted() ?? [])
        }
    }
}
