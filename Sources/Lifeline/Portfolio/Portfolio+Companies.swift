import LifelineCore
import LifelineStorage

/// Portfolio companies: their records, investments, dependencies and exposures.
extension Portfolio {
    // MARK: Add, edit, remove

    /// Records a company. `tier` and `since` are required; the name defaults to the slug
    /// and the runway to 3 months.
    public func addCompany(slug: String, fields: CompanyFields) throws -> Reassessed<Company> {
        try Slug.validate(slug, kind: "company")
        guard let tier = fields.tier, let since = fields.since else {
            throw LifelineError(.usage, "a new company needs --tier (3, 6 or 12) and --since DATE")
        }
        let defaults = Company(
            slug: slug, name: slug, tier: try Company.Tier.parse(tier),
            lifelineStart: try CivilDate.parse(since, today: today, field: "--since date"),
            runwayMonths: 3, sector: nil, website: nil, notes: nil)
        let company = try fields.applied(to: defaults, today: today)
        return try writeAndReassess(trigger: "company add \(slug)") {
            guard try database.fetchOne(sql: "SELECT 1 FROM companies WHERE slug = ?", arguments: [.text(slug)], { _ in true }) == nil else {
                throw LifelineError(.badData, "company '\(slug)' already exists; change it with 'lifeline company edit \(slug)'")
            }
            try database.execute(
                sql: """
                    INSERT INTO companies (slug, name, tier_months, lifeline_start, runway_months, sector, website, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: Self.columnValues(of: company))
            return (company, [database.lastInsertedRowID])
        }
    }

    /// Changes the given fields of a company and returns it as stored.
    public func editCompany(slug: String, fields: CompanyFields) throws -> Reassessed<Company> {
        guard !fields.isEmpty else {
            throw LifelineError(.usage, "nothing to change: give at least one of --name, --tier, --since, --runway, --sector, --website, --notes")
        }
        return try writeAndReassess(trigger: "company edit \(slug)") {
            let id = try companyID(slug)
            let stored = try company(slug)
            let edited = try fields.applied(to: stored, today: today)
            try database.execute(
                sql: """
                    UPDATE companies SET name = ?2, tier_months = ?3, lifeline_start = ?4, runway_months = ?5,
                        sector = ?6, website = ?7, notes = ?8
                    WHERE slug = ?1
                    """,
                arguments: Self.columnValues(of: edited))
            return (edited, [id])
        }
    }

    /// What removing a company would remove with it.
    public struct CompanyRemoval: Equatable, Sendable {
        public let slug: String
        public let investments: Int
        public let dependencies: Int
        public let exposures: Int

        /// "2 investments, 1 dependency and 3 exposures", or nil when there is nothing.
        public var dependentsDescription: String? {
            let parts = [(investments, "investment"), (dependencies, "dependency"), (exposures, "exposure")]
                .filter { $0.0 > 0 }
                .map { count, noun in "\(count) \(count == 1 ? noun : noun == "dependency" ? "dependencies" : noun + "s")" }
            guard let last = parts.last else { return nil }
            return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
        }
    }

    /// Removes a company and everything that belongs to it, unless `confirmed` is false:
    /// then nothing is written and the plan is returned for the caller to show.
    public func removeCompany(slug: String, confirmed: Bool) throws -> CompanyRemoval {
        // No other company's outcome depends on this one's rows.
        try write {
            try keepingAssessmentsCurrent {
                let id = try companyID(slug)
                let count = { (table: String) in
                    try self.database.fetchOne(sql: "SELECT count(*) FROM \(table) WHERE company_id = ?", arguments: [.integer(id)]) {
                        try $0.get(0) as Int
                    } ?? 0
                }
                let removal = CompanyRemoval(
                    slug: slug, investments: try count("investments"), dependencies: try count("dependencies"),
                    exposures: try count("exposures"))
                if confirmed {
                    try database.execute(sql: "DELETE FROM companies WHERE id = ?", arguments: [.integer(id)])
                }
                return removal
            }
        }
    }

    // MARK: Read

    /// One company's record.
    public func company(_ slug: String) throws -> Company {
        let id = try companyID(slug)
        return try database.fetchOne(
            sql: "SELECT \(Self.companyColumns) FROM companies WHERE id = ?", arguments: [.integer(id)], CompanyReader().company(from:))!
    }

    /// How many companies are recorded.
    func companyCount() throws -> Int {
        try database.fetchOne(sql: "SELECT count(*) FROM companies") { try $0.get(0) as Int } ?? 0
    }

    /// Every company with totals, by slug.
    public func companySummaries() throws -> [CompanySummary] {
        try read {
            try database.fetchAll(
                sql: """
                    SELECT \(Self.companyColumns),
                        (SELECT coalesce(sum(amount_cents), 0) FROM investments i WHERE i.company_id = c.id) AS invested_cents,
                        (SELECT count(*) FROM dependencies d WHERE d.company_id = c.id) AS dependency_count,
                        (SELECT count(*) FROM exposures e WHERE e.company_id = c.id) AS exposure_count
                    FROM companies c ORDER BY slug
                    """,
                CompanyReader().summary(from:))
        }
    }

    /// Everything recorded about one company, from one snapshot.
    public func companyDetail(_ slug: String) throws -> CompanyDetail {
        try read {
            let id = try companyID(slug)
            let company = try database.fetchOne(
                sql: "SELECT \(Self.companyColumns) FROM companies WHERE id = ?", arguments: [.integer(id)], CompanyReader().company(from:))!
            let investments = try database.fetchAll(
                sql: "SELECT invested_on, round, amount_cents FROM investments WHERE company_id = ? ORDER BY invested_on, id",
                arguments: [.integer(id)]
            ) { row in
                Investment(
                    investedOn: try row.get(0) as CivilDate, round: try row.get(1), amountCents: try row.get(2))
            }
            let dependencies = try database.fetchAll(
                sql: """
                    SELECT p.slug, m.slug FROM dependencies d JOIN models m ON m.id = d.model_id
                    JOIN providers p ON p.id = m.provider_id WHERE d.company_id = ? ORDER BY p.slug, m.slug
                    """,
                arguments: [.integer(id)]
            ) { ModelReference(provider: try $0.get(0), model: try $0.get(1)) }
            return CompanyDetail(
                company: company, investments: investments, dependencies: dependencies,
                exposures: try exposures(companyID: id))
        }
    }

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

    // MARK: Investments, dependencies, exposures

    public func addInvestment(company slug: String, on date: CivilDate, amount: USDAmount, round: String?) throws {
        let round = try round.map { try TextField.oneLine($0, field: "round", maximumLength: 100) }
        try write {
            let id = try companyID(slug)
            try database.execute(
                sql: "INSERT INTO investments (company_id, invested_on, round, amount_cents) VALUES (?, ?, ?, ?)",
                arguments: [.integer(id), .text(date.iso), round.sqlValue, .integer(amount.cents)])
        }
    }

    /// Records that the company builds on `models`. Returns the ones that were new;
    /// a dependency already recorded is left as it is.
    public func addDependencies(company slug: String, models: [ModelReference]) throws -> Reassessed<[ModelReference]> {
        try writeAndReassess(trigger: "company depend \(slug)") {
            let id = try companyID(slug)
            var added: [ModelReference] = []
            for reference in models {
                let modelID = try modelID(reference)
                try database.execute(
                    sql: "INSERT OR IGNORE INTO dependencies (company_id, model_id) VALUES (?, ?)",
                    arguments: [.integer(id), .integer(modelID)])
                if database.changes > 0 { added.append(reference) }
            }
            return (added, added.isEmpty ? [] : [id])
        }
    }

    /// Removes dependencies; every one must exist, or nothing is removed.
    @discardableResult
    public func removeDependencies(company slug: String, models: [ModelReference]) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "company undepend \(slug)") {
            let id = try companyID(slug)
            for reference in models {
                let modelID = try modelID(reference)
                try database.execute(
                    sql: "DELETE FROM dependencies WHERE company_id = ? AND model_id = ?",
                    arguments: [.integer(id), .integer(modelID)])
                guard database.changes > 0 else {
                    let current = try companyDependencies(id).map(\.description)
                    throw LifelineError(
                        .badData,
                        "'\(slug)' does not depend on '\(reference)'"
                            + (Suggestion.closest(to: reference.description, among: current).map { "; did you mean '\($0)'?" } ?? ""))
                }
            }
            return ((), [id])
        }
    }

    /// Exposes the company to a capability, or replaces an existing exposure's effect and
    /// provider scope. Returns true when the exposure was new.
    public func setExposure(company slug: String, capability: String, effect: Effect, providers: [String]) throws -> Reassessed<Bool> {
        try writeAndReassess(trigger: "company expose \(slug)") {
            let id = try companyID(slug)
            let capabilityID = try capabilityID(capability)
            let providerIDs = try Set(providers).sorted().map(providerID)
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
            return (existing == nil, [id])
        }
    }

    @discardableResult
    public func removeExposure(company slug: String, capability: String) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "company unexpose \(slug)") {
            let id = try companyID(slug)
            let capabilityID = try capabilityID(capability)
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
            return ((), [id])
        }
    }

    // MARK: Rows

    private func companyDependencies(_ companyID: Int64) throws -> [ModelReference] {
        try database.fetchAll(
            sql: """
                SELECT p.slug, m.slug FROM dependencies d JOIN models m ON m.id = d.model_id
                JOIN providers p ON p.id = m.provider_id WHERE d.company_id = ?
                """,
            arguments: [.integer(companyID)]
        ) { ModelReference(provider: try $0.get(0), model: try $0.get(1)) }
    }

    /// The columns `CompanyReader` reads.
    static let companyColumns = "slug, name, tier_months, lifeline_start, runway_months, sector, website, notes"

    static func columnValues(of company: Company) -> [SQLValue] {
        [
            .text(company.slug), .text(company.name), company.tier.months.sqlValue, .text(company.lifelineStart.iso),
            company.runwayMonths.sqlValue, company.sector.sqlValue, company.website.sqlValue, company.notes.sqlValue,
        ]
    }
}

/// Clearing a company's lists, for spreadsheet imports with `--update`.
extension Portfolio {
    func clearDependencies(company slug: String) throws {
        _ = try writeAndReassess(trigger: "company import \(slug)") {
            let id = try companyID(slug)
            try database.execute(sql: "DELETE FROM dependencies WHERE company_id = ?", arguments: [.integer(id)])
            return ((), [id])
        }
    }

    func clearExposures(company slug: String) throws {
        _ = try writeAndReassess(trigger: "company import \(slug)") {
            let id = try companyID(slug)
            try database.execute(sql: "DELETE FROM exposures WHERE company_id = ?", arguments: [.integer(id)])
            return ((), [id])
        }
    }

    func removeInvestments(company slug: String) throws {
        try write {
            try database.execute(sql: "DELETE FROM investments WHERE company_id = ?", arguments: [.integer(try companyID(slug))])
        }
    }

    func companyExists(_ slug: String) throws -> Bool {
        try database.fetchOne(sql: "SELECT 1 FROM companies WHERE slug = ?", arguments: [.text(slug)]) { _ in true } ?? false
    }
}
