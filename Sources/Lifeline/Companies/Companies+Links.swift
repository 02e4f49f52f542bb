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

    /// Exposes the company to a capability within a provider scope (none: any provider
    /// that no other exposure of the capability names). An exposure with the same scope
    /// gets the new effect; providers named by another exposure of the capability move
    /// to this one (an exposure left with none is removed), so the scopes stay disjoint.
    public func setExposure(company slug: String, capability: String, effect: Effect, providers: [String]) throws -> Reassessed<ExposureChange> {
        try writeAndReassess(trigger: "company expose \(slug)") {
            try setExposure(company: slug, capability: capability, effect: effect, providers: providers, in: $0)
        }
    }

    func setExposure(
        company slug: String, capability: String, effect: Effect, providers: [String], in session: WriteSession
    ) throws -> ExposureChange {
        let id = try session.names.companyID(slug)
        let capabilityID = try session.names.capabilityID(capability)
        var scope: [Int64: String] = [:]
        for provider in Set(providers) { scope[try session.names.providerID(provider)] = provider }
        let siblings = try exposureScopes(companyID: id, capabilityID: capabilityID)
        session.affect([id])
        let capabilitySlug = try session.names.capabilitySlug(id: capabilityID)
        func change(isNew: Bool, moved: [String]) throws -> ExposureChange {
            ExposureChange(
                isNew: isNew, movedProviders: moved.sorted(),
                exposure: Exposure(capability: capabilitySlug, effect: effect, providers: scope.values.sorted()),
                capabilityExposures: try exposures(companyID: id).filter { $0.capability == capabilitySlug })
        }
        if let same = siblings.first(where: { $0.providers == Set(scope.keys) }) {
            try database.execute(sql: "UPDATE exposures SET effect = ? WHERE id = ?", arguments: [.text(effect.rawValue), .integer(same.id)])
            return try change(isNew: false, moved: [])
        }
        var moved: [String] = []
        for sibling in siblings where !sibling.providers.isDisjoint(with: scope.keys) {
            let taken = sibling.providers.intersection(scope.keys)
            moved += taken.compactMap { scope[$0] }
            if taken == sibling.providers {
                try database.execute(sql: "DELETE FROM exposures WHERE id = ?", arguments: [.integer(sibling.id)])
            } else {
                for providerID in taken {
                    try database.execute(
                        sql: "DELETE FROM exposure_providers WHERE exposure_id = ? AND provider_id = ?",
                        arguments: [.integer(sibling.id), .integer(providerID)])
                }
            }
        }
        try database.execute(
            sql: "INSERT INTO exposures (company_id, capability_id, effect) VALUES (?, ?, ?)",
            arguments: [.integer(id), .integer(capabilityID), .text(effect.rawValue)])
        let exposureID = database.lastInsertedRowID
        for providerID in scope.keys.sorted() {
            try database.execute(
                sql: "INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (?, ?)",
                arguments: [.integer(exposureID), .integer(providerID)])
        }
        return try change(isNew: true, moved: moved)
    }

    /// Sets several exposures given at once (a spreadsheet row, `company add --expose`),
    /// after checking that their scopes are disjoint: given together, two exposures that
    /// count the same provider are a mistake, not one replacing the other.
    func setExposures(_ exposures: [Exposure], company slug: String, in session: WriteSession) throws {
        let resolved = try exposures.map {
            Exposure(capability: try session.names.capabilitySlug($0.capability), effect: $0.effect, providers: $0.providers)
        }
        try Exposure.checkScopesDisjoint(resolved)
        for exposure in resolved {
            _ = try setExposure(company: slug, capability: exposure.capability, effect: exposure.effect, providers: exposure.providers, in: session)
        }
    }

    /// Removes the company's exposures to a capability: all of them, only the providers
    /// named (an exposure left with none is removed), or only the one for any other provider.
    @discardableResult
    public func removeExposure(company slug: String, capability: String, scope: RemovedExposureScope = .all) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "company unexpose \(slug)") { session in
            let id = try session.names.companyID(slug)
            let capabilityID = try session.names.capabilityID(capability)
            let capabilitySlug = try session.names.capabilitySlug(id: capabilityID)
            let siblings = try exposureScopes(companyID: id, capabilityID: capabilityID)
            guard !siblings.isEmpty else {
                let current = try exposures(companyID: id).map(\.capability)
                throw LifelineError(
                    .badData,
                    "'\(slug)' is not exposed to '\(capability)'"
                        + (Suggestion.closest(to: capability, among: current).map { "; did you mean '\($0)'?" } ?? ""))
            }
            session.affect([id])
            switch scope {
            case .all:
                for sibling in siblings {
                    try database.execute(sql: "DELETE FROM exposures WHERE id = ?", arguments: [.integer(sibling.id)])
                }
            case .anyOtherProvider:
                guard let anyScoped = siblings.first(where: { $0.providers.isEmpty }) else {
                    throw LifelineError(
                        .badData,
                        "'\(slug)' has no exposure to '\(capability)' for any provider; its exposures of it: "
                            + (try exposureCells(companyID: id, capability: capabilitySlug)))
                }
                try database.execute(sql: "DELETE FROM exposures WHERE id = ?", arguments: [.integer(anyScoped.id)])
            case .providers(let providers):
                for provider in Set(providers).sorted() {
                    let providerID = try session.names.providerID(provider)
                    guard let sibling = try exposureScopes(companyID: id, capabilityID: capabilityID)
                        .first(where: { $0.providers.contains(providerID) })
                    else {
                        throw LifelineError(
                            .badData,
                            "'\(slug)' has no exposure to '\(capability)' that names '\(provider)'; its exposures of it: "
                                + (try exposureCells(companyID: id, capability: capabilitySlug)))
                    }
                    if sibling.providers == [providerID] {
                        try database.execute(sql: "DELETE FROM exposures WHERE id = ?", arguments: [.integer(sibling.id)])
                    } else {
                        try database.execute(
                            sql: "DELETE FROM exposure_providers WHERE exposure_id = ? AND provider_id = ?",
                            arguments: [.integer(sibling.id), .integer(providerID)])
                    }
                }
            }
        }
    }

    /// The company's exposures to one capability, each with the ids of the providers it names.
    private func exposureScopes(companyID: Int64, capabilityID: Int64) throws -> [(id: Int64, providers: Set<Int64>)] {
        var scopes: [Int64: Set<Int64>] = [:]
        try database.cachedStatement(sql: """
            SELECT e.id, ep.provider_id FROM exposures e LEFT JOIN exposure_providers ep ON ep.exposure_id = e.id
            WHERE e.company_id = ? AND e.capability_id = ?
            """).bind([.integer(companyID), .integer(capabilityID)]).forEachRow { row in
            let exposureID: Int64 = try row.get(0)
            let providerID: Int64? = try row.get(1)
            scopes[exposureID, default: []].formUnion(providerID.map { [$0] } ?? [])
        }
        return scopes.sorted { $0.key < $1.key }.map { (id: $0.key, providers: $0.value) }
    }

    /// The company's exposures to `capability` in the spreadsheet's cell format, for errors.
    private func exposureCells(companyID: Int64, capability: String) throws -> String {
        try exposures(companyID: companyID).filter { $0.capability == capability }.map(\.cell).joined(separator: ", ")
    }

    /// For spreadsheet imports with `--update`, which replace a company's exposures.
    func clearExposures(company slug: String, in session: WriteSession) throws {
        let id = try session.names.companyID(slug)
        try database.execute(sql: "DELETE FROM exposures WHERE company_id = ?", arguments: [.integer(id)])
        session.affect([id])
    }

    /// The company's exposures, by capability slug, then those that name providers
    /// before the one for any other provider.
    func exposures(companyID: Int64) throws -> [Exposure] {
        try database.fetchAll(
            sql: """
                SELECT k.slug, e.effect,
                    (SELECT group_concat(slug, ',') FROM (SELECT p.slug FROM exposure_providers ep
                     JOIN providers p ON p.id = ep.provider_id WHERE ep.exposure_id = e.id ORDER BY p.slug))
                FROM exposures e JOIN capabilities k ON k.id = e.capability_id
                WHERE e.company_id = ? ORDER BY k.slug, NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id), e.id
                """,
            arguments: [.integer(companyID)]
        ) { row in
            Exposure(
                capability: try row.get(0), effect: try row.get(1),
                providers: (try row.get(2) as String?)?.split(separator: ",").map(String.init).sorted() ?? [])
        }
    }
}
