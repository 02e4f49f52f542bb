import LifelineCore
import LifelineStorage

/// Reads companies from a result that has the companies table's columns
/// (`Portfolio.companyColumns`), by their names: found on the first row, then read by
/// position, as `company list` and the report read 100,000 of them. A summary also needs
/// the totals `Portfolio.companySummaries` names.
final class CompanyReader {
    private struct Positions {
        let slug, name, tierMonths, lifelineStart, runwayMonths, sector, website, notes: Int

        init(_ row: Row) throws {
            slug = try row.index(ofColumn: "slug")
            name = try row.index(ofColumn: "name")
            tierMonths = try row.index(ofColumn: "tier_months")
            lifelineStart = try row.index(ofColumn: "lifeline_start")
            runwayMonths = try row.index(ofColumn: "runway_months")
            sector = try row.index(ofColumn: "sector")
            website = try row.index(ofColumn: "website")
            notes = try row.index(ofColumn: "notes")
        }
    }

    private struct TotalPositions {
        let investedCents, dependencyCount, exposureCount: Int

        init(_ row: Row) throws {
            investedCents = try row.index(ofColumn: "invested_cents")
            dependencyCount = try row.index(ofColumn: "dependency_count")
            exposureCount = try row.index(ofColumn: "exposure_count")
        }
    }

    private var positions: Positions?
    private var totalPositions: TotalPositions?

    func company(from row: Row) throws -> Company {
        let at = try positions ?? Positions(row)
        positions = at
        return Company(
            slug: try row.get(at.slug), name: try row.get(at.name), tier: try row.get(at.tierMonths),
            lifelineStart: try row.get(at.lifelineStart), runwayMonths: try row.get(at.runwayMonths),
            sector: try row.get(at.sector), website: try row.get(at.website), notes: try row.get(at.notes))
    }

    func summary(from row: Row) throws -> CompanySummary {
        let at = try totalPositions ?? TotalPositions(row)
        totalPositions = at
        return CompanySummary(
            company: try company(from: row), totalInvestedCents: try row.get(at.investedCents),
            dependencyCount: try row.get(at.dependencyCount), exposureCount: try row.get(at.exposureCount))
    }
}
