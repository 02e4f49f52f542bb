import LifelineCore

/// What importing a spreadsheet did (or, for a dry run, would do).
public struct CompanyImportSummary: Sendable {
    public let isDryRun: Bool
    public var companiesAdded: [String] = []
    public var companiesUpdated: [String] = []
    public var investments = 0
    public var dependencies = 0
    public var exposures = 0
    public var reassessment: ReassessmentReport?
}

extension Onboarding {
    /// Records the companies of a spreadsheet, validated exactly as the `company`
    /// commands validate, in one transaction followed by the reassessment of the
    /// companies it touches. The first bad row aborts everything, its message prefixed
    /// with the row's location.
    ///
    /// Several rows for one slug add several investments; their other cells must agree.
    /// Without `update` a slug already recorded is an error; with it, the given fields
    /// replace the stored ones, and `depends`, `exposures` and the investments (when
    /// the file gives any) are replaced as a whole.
    public func importCompanies(_ rows: [CompanyImportRow], update: Bool, dryRun: Bool) throws -> CompanyImportSummary {
        var summary = CompanyImportSummary(isDryRun: dryRun)
        let apply = {
            let result = try portfolio.batch(trigger: "company import") { session in
                try self.importCompanies(rows, update: update, into: &summary, in: session)
            }
            summary.reassessment = result.reassessment
        }
        if dryRun { try portfolio.rollingBack(apply) } else { try apply() }
        return summary
    }

    /// Records the spreadsheet's companies in the session, grouped by slug in the order
    /// they first appear.
    func importCompanies(_ rows: [CompanyImportRow], update: Bool, into summary: inout CompanyImportSummary, in session: WriteSession) throws {
        var order: [String] = []
        var groups: [String: [CompanyImportRow]] = [:]
        for row in rows {
            guard let slug = row.values["slug"] else { throw LifelineError(.badData, "\(row.location): the slug is empty") }
            _ = try located(row.location) { try Slug.validate(slug, kind: "company") }
            if groups[slug] == nil { order.append(slug) }
            groups[slug, default: []].append(row)
        }
        for slug in order { try importCompany(slug, rows: groups[slug]!, update: update, into: &summary, in: session) }
    }

    private func importCompany(
        _ slug: String, rows: [CompanyImportRow], update: Bool, into summary: inout CompanyImportSummary, in session: WriteSession
    ) throws {
        let first = rows[0].location
        var merged: [String: (value: String, location: String)] = [:]
        for row in rows {
            for (column, value) in row.values where !["slug", "invested_usd", "invested_on", "round"].contains(column) {
                if let earlier = merged[column], earlier.value != value {
                    throw LifelineError(
                        .badData, "\(row.location): '\(column)' is '\(Slug.printable(value))' here but '\(Slug.printable(earlier.value))' at \(earlier.location)")
                }
                merged[column] = (value, row.location)
            }
        }
        let fields = CompanyFields(
            name: merged["name"]?.value, tier: merged["tier"]?.value, since: merged["since"]?.value,
            runwayMonths: merged["runway"]?.value, sector: merged["sector"]?.value, website: merged["website"]?.value,
            notes: merged["notes"]?.value)
        let fieldLocation = { (columns: [String]) in columns.compactMap { merged[$0]?.location }.first ?? first }
        let exists = try portfolio.companies.companyExists(slug)
        if exists {
            guard update else {
                throw LifelineError(.badData, "\(first): company '\(slug)' already exists; use --update to change it")
            }
            if !fields.isEmpty {
                try located(fieldLocation(["name", "tier", "since", "runway", "sector", "website", "notes"])) {
                    _ = try portfolio.companies.editCompany(slug: slug, fields: fields, in: session)
                }
            }
            summary.companiesUpdated.append(slug)
        } else {
            guard fields.tier != nil, fields.since != nil else {
                throw LifelineError(.badData, "\(first): the new company '\(slug)' needs 'tier' and 'since'")
            }
            try located(fieldLocation(["name", "tier", "since", "runway", "sector", "website", "notes"])) {
                _ = try portfolio.companies.addCompany(slug: slug, fields: fields, in: session)
            }
            summary.companiesAdded.append(slug)
        }
        if let depends = merged["depends"] {
            try located(depends.location) {
                let models = try Self.listItems(depends.value).map(ModelReference.init(parsing:))
                if exists { try portfolio.companies.clearDependencies(company: slug, in: session) }
                if !models.isEmpty { _ = try portfolio.companies.addDependencies(company: slug, models: models, in: session) }
                summary.dependencies += Set(models).count
            }
        }
        if let exposures = merged["exposures"] {
            try located(exposures.location) {
                let parsed = try Self.listItems(exposures.value).map(Exposure.init(cell:))
                if exists { try portfolio.companies.clearExposures(company: slug, in: session) }
                try portfolio.companies.setExposures(parsed, company: slug, in: session)
                summary.exposures += parsed.count
            }
        }
        let investmentRows = rows.filter { row in ["invested_usd", "invested_on", "round"].contains { row.values[$0] != nil } }
        if update && !investmentRows.isEmpty { try portfolio.companies.removeInvestments(company: slug, in: session) }
        for row in investmentRows {
            try located(row.location) {
                guard let amount = row.values["invested_usd"], let date = row.values["invested_on"] else {
                    throw LifelineError(.badData, "an investment needs both 'invested_usd' and 'invested_on'")
                }
                try portfolio.companies.addInvestment(
                    company: slug, on: try CivilDate.parse(date, today: today, field: "invested_on date"),
                    amount: try USDAmount.parse(amount), round: row.values["round"], in: session)
                summary.investments += 1
            }
        }
    }
}
