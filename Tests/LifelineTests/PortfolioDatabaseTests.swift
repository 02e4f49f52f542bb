import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

@Suite("Opening a portfolio database")
struct PortfolioDatabaseTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "lifeline-portfolio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test("create makes a migrated database; opening again applies nothing")
    func createThenOpen() throws {
        let path = directory + "/p.db"
        let created = try PortfolioDatabase.open(path: path, create: true)
        #expect(created.wasCreated)
        #expect(created.appliedMigrations.count == Schema.migrations.count)
        let reopened = try PortfolioDatabase.open(path: path)
        #expect(!reopened.wasCreated)
        #expect(reopened.appliedMigrations.isEmpty)
    }

    @Test("a missing database is not created by a plain open")
    func missing() throws {
        let path = directory + "/typo.db"
        let error = #expect(throws: LifelineError.self) { _ = try PortfolioDatabase.open(path: path) }
        #expect(error?.kind == .missingInput)
        #expect(error?.message.contains("lifeline init") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: LifelineError.self) { _ = try PortfolioDatabase.openReadOnly(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("reads inside one read see one snapshot while another connection commits; the next read sees the commit")
    func readsShareOneSnapshot() throws {
        let path = directory + "/p.db"
        let today = CivilDate(iso: "2024-01-01")!
        let reader = try PortfolioDatabase.open(path: path, create: true).portfolio(today: today)
        let writer = try PortfolioDatabase.open(path: path).portfolio(today: today)
        _ = try writer.companies.addCompany(slug: "papertalk", fields: CompanyFields(name: nil, tier: "6", since: "2023-04-01"))
        let (before, during) = try reader.read {
            let before = try reader.companies.companySummaries(investedAsOf: today).map(\.company.slug)
            _ = try writer.companies.addCompany(slug: "slidewise", fields: CompanyFields(name: nil, tier: "12", since: "2023-03-01"))
            return (before, try reader.companies.companySummaries(investedAsOf: today).map(\.company.slug))
        }
        #expect(before == ["papertalk"])
        #expect(during == before)
        #expect(try reader.companies.companySummaries(investedAsOf: today).map(\.company.slug) == ["papertalk", "slidewise"])
    }
}
