import LifelineCore
import LifelineStorage

/// The portfolio's companies: their records (here), what ties them to the catalogue
/// and to money (`Companies+Links`: investments, dependencies, exposures), and the
/// investor's judgements about their lifelines (`Companies+Lifelines`: rebuilds and
/// dismissals).
public struct Companies: PortfolioPart {
    let portfolio: Portfolio

    /// Records a company. `tier` and `since` are required; the name defaults to the slug
    /// and the runway to 3 months.
    public func addCompany(slug: String, fields: CompanyFields, links: CompanyLinks = CompanyLinks()) throws -> Reassessed<Company> {
        try writeAndReassess(trigger: "company add \(slug)") { session in
            let company = try addCompany(slug: slug, fields: fields, in: session)
            if !links.dependencies.isEmpty { _ = try addDependencies(company: slug, models: links.dependencies, in: session) }
            try setExposures(links.exposures, company: slug, in: session)
            for investment in links.investments {
                try addInvestment(company: slug, on: investment.on, amount: investment.amount, round: investment.round, in: session)
            }
            return company
        }
    }

    func addCompany(slug: String, fields: CompanyFields, in session: WriteSession) throws -> Company {
        try Slug.validate(slug, kind: "company")
        guard let tier = fields.tier, let since = fields.since else {
            throw LifelineError(.usage, "a new company needs --tier (3, 6 or 12) and --since DATE")
        }
        let defaults = Company(
            slug: slug, name: slug, tier: try Company.Tier.parse(tier),
            lifelineStart: try CivilDate.parse(since, today: today, field: "--since date"),
            runwayMonths: 3, sector: nil, website: nil, notes: nil)
        let company = try fields.applied(to: defaults, today: today)
        guard try !companyExists(slug) else {
            throw LifelineError(.badData, "company '\(slug)' already exists; change it with 'lifeline company edit \(slug)'")
        }
        try database.execute(
            sql: """
                INSERT INTO companies (slug, name, tier_months, lifeline_start, runway_months, sector, website, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: Self.columnValues(of: company))
        session.affect([database.lastInsertedRowID])
        return company
    }

    /// Changes the given fields of a company, and its notify tag when one is given (an
    /// empty one clears it), and returns it as stored.
    public func editCompany(slug: String, fields: CompanyFields, notifyTag: String? = nil) throws -> Reassessed<Company> {
        try writeAndReassess(trigger: "company edit \(slug)") { session in
            guard !fields.isEmpty || notifyTag != nil else {
                throw LifelineError(
                    .usage, "nothing to change: give at least one of --name, --tier, --since, --runway, --sector, --website, --notes, --notify-tag")
            }
            if let notifyTag { try setNotifyTag(notifyTag, companyID: try session.names.companyID(slug)) }
            return fields.isEmpty ? try company(id: try session.names.companyID(slug)) : try editCompany(slug: slug, fields: fields, in: session)
        }
    }

    func editCompany(slug: String, fields: CompanyFields, in session: WriteSession) throws -> Company {
        guard !fields.isEmpty else {
            throw LifelineError(.usage, "nothing to change: give at least one of --name, --tier, --since, --runway, --sector, --website, --notes")
        }
        let id = try session.names.companyID(slug)
        let edited = try fields.applied(to: try company(id: id), today: today)
        let lifelines = try lifelines(companyID: id)
        if lifelines.count > 1, edited.lifelineStart <= lifelines[lifelines.count - 2].start {
            throw LifelineError(
                .badData,
                "--since \(edited.lifelineStart) is not after the start of '\(slug)''s earlier lifeline (\(lifelines[lifelines.count - 2].start)); 'lifeline history \(slug)' lists its lifelines")
        }
        try database.execute(
            sql: """
                UPDATE companies SET name = ?2, tier_months = ?3, lifeline_start = ?4, runway_months = ?5,
                    sector = ?6, website = ?7, notes = ?8
                WHERE slug = ?1
                """,
            arguments: Self.columnValues(of: edited))
        session.affect([id])
        return edited
    }

    /// Removes a company and everything that belongs to it, unless `confirmed` is false:
    /// then nothing is written and the plan is returned for the caller to show.
    public func removeCompany(slug: String, confirmed: Bool) throws -> CompanyRemoval {
        // No other company's outcome depends on this one's rows.
        try transaction {
            try portfolio.reassessment.keepingAssessmentsCurrent {
                let id = try names.companyID(slug)
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
        try company(id: try names.companyID(slug))
    }

    /// The record of a company whose id the caller has just resolved.
    func company(id: Int64) throws -> Company {
        try database.fetchOne(
            sql: "SELECT \(Self.companyColumns) FROM companies WHERE id = ?", arguments: [.integer(id)], CompanyReader().company(from:))!
    }

    func companyExists(_ slug: String) throws -> Bool {
        try database.fetchOne(sql: "SELECT 1 FROM companies WHERE slug = ?", arguments: [.text(slug)]) { _ in true } ?? false
    }

    /// How many companies are recorded.
    func companyCount() throws -> Int {
        try database.fetchOne(sql: "SELECT count(*) FROM companies") { try $0.get(0) as Int } ?? 0
    }

    /// Every company with totals, by slug: the money invested up to `investedAsOf` - a
    /// figure as of a date counts no investment made after it.
    public func companySummaries(investedAsOf: CivilDate) throws -> [CompanySummary] {
        try read {
            let reader = CompanyReader()
            return try database.prepare(sql: """
                SELECT \(Self.companyColumns), \(Self.investedCentsAsOf),
                    (SELECT count(*) FROM dependencies d WHERE d.company_id = c.id) AS dependency_count,
                    (SELECT count(*) FROM exposures e WHERE e.company_id = c.id) AS exposure_count
                FROM companies c ORDER BY slug
                """).bind([.text(investedAsOf.iso)]).fetchAll(reader.summary(from:))
        }
    }

    /// Every company, by id, with the cents invested in it by `investedAsOf`: what the
    /// report needs of each, without the counts and the order of `companySummaries`,
    /// which over 100,000 companies cost a tenth of the report's reading. Kept flat in id
    /// order, as the table gives them: a dictionary of 100,000 was built for lookups that
    /// each missed the processor's cache.
    func companiesWithInvestedCents(asOf investedAsOf: CivilDate) throws -> ByCompany<(company: Company, investedCents: Int64)> {
        try read {
            let invested = try investedCents(asOf: investedAsOf)
            let reader = CompanyReader()
            return try ByCompany(
                reading: database.prepare(sql: "SELECT c.id, \(Self.companyColumns) FROM companies c ORDER BY c.id"),
                reservingCapacity: try companyCount()
            ) { row in (try reader.company(from: row), invested.values(of: try row.get(0)).first ?? 0) }
        }
    }

    /// Every company in slug order, with its id, as read: `company list`'s order and
    /// columns, without `companySummaries`' totals, whose three lookups per company
    /// were most of the SQL of listing 100,000 (the list takes its totals in bulk).
    func forEachCompanyBySlug(_ body: (_ id: Int64, Company) throws -> Void) throws {
        let reader = CompanyReader()
        try database.prepare(sql: "SELECT c.id, \(Self.companyColumns) FROM companies c ORDER BY slug")
            .forEachRow { try body(try $0.get(0), try reader.company(from: $0)) }
    }

    /// The cents invested in each company by `investedAsOf`, by company id (a company
    /// that had nothing invested by then has no value): one pass along
    /// `investments_by_company`, where asking per company cost a lookup each.
    func investedCents(asOf investedAsOf: CivilDate) throws -> ByCompany<Int64> {
        try ByCompany(reading: database.prepare(sql: """
            SELECT company_id, sum(amount_cents) FROM investments WHERE invested_on <= ? GROUP BY company_id
            """).bind([.text(investedAsOf.iso)])) { try $0.get(1) }
    }

    /// The cents invested in company `c` on or before the date bound to it.
    private static let investedCentsAsOf = """
        (SELECT coalesce(sum(amount_cents), 0) FROM investments i WHERE i.company_id = c.id AND i.invested_on <= ?) AS invested_cents
        """

    /// Everything recorded about one company, from one snapshot.
    public func companyDetail(_ slug: String) throws -> CompanyDetail {
        try read {
            let id = try names.companyID(slug)
            let investments = try database.fetchAll(
                sql: "SELECT invested_on, round, amount_cents FROM investments WHERE company_id = ? ORDER BY invested_on, id",
                arguments: [.integer(id)]
            ) { row in
                Investment(investedOn: try row.get(0), round: try row.get(1), amountCents: try row.get(2))
            }
            return CompanyDetail(
                company: try company(id: id), investments: investments, dependencies: try dependencies(companyID: id, sorted: true),
                exposures: try exposures(companyID: id))
        }
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
