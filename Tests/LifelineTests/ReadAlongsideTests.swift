import Foundation
import Glibc
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// `Portfolio.read(alongside:)`: a second thread and connection reading the snapshot the
/// first reads.
@Suite("Reading alongside, on a second connection")
struct ReadAlongsideTests {
    static let today = CivilDate(iso: "2024-06-01")!
    let directory: String
    let path: String
    let portfolio: Portfolio

    init() throws {
        directory = NSTemporaryDirectory() + "lifeline-alongside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/p.db"
        portfolio = try PortfolioDatabase.open(path: path, create: true).portfolio(today: Self.today)
        _ = try DemoPortfolio.load(into: portfolio, asOf: Self.today)
    }

    static func companyCount(_ portfolio: Portfolio) throws -> Int {
        try portfolio.database.fetchOne(sql: "SELECT count(*) FROM companies") { try $0.get(0) as Int } ?? -1
    }

    static func currentThread() -> UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }

    @Test("alongside runs on another thread and sees the snapshot this one sees, whatever is committed meanwhile")
    func sameSnapshot() throws {
        let writer = try PortfolioDatabase.open(path: path).portfolio(today: Self.today)
        let before = try Self.companyCount(portfolio)
        let committed = DispatchSemaphore(value: 0)
        let seen = try portfolio.read(alongside: { other in
            committed.wait()
            return (count: try Self.companyCount(other), thread: Self.currentThread())
        }) { collect in
            _ = try writer.companies.addCompany(slug: "latecomer", fields: CompanyFields(name: nil, tier: "6", since: "2024-01-01"))
            committed.signal()
            return (mine: try Self.companyCount(portfolio), alongside: try collect())
        }
        #expect(seen.mine == before)
        #expect(seen.alongside.count == before)
        #expect(seen.alongside.thread != Self.currentThread())
        #expect(try Self.companyCount(portfolio) == before + 1)
    }

    @Test("company listings read alongside are those read on one connection")
    func listingsAsOnOneConnection() throws {
        for asOf in ["2022-10-01", "2023-07-06", "2024-06-01"].map({ CivilDate(iso: $0)! }) {
            let alongside = try portfolio.reports.companyListings(asOf: asOf)
            // Inside a transaction already open, alongside runs on this thread and connection.
            let alone = try portfolio.read { try portfolio.reports.companyListings(asOf: asOf) }
            #expect(!alongside.isEmpty)
            #expect(alongside == alone, "as of \(asOf.iso)")
        }
    }

    @Test("an error alongside reaches the body when it collects, and nothing is left open")
    func errorAlongside() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try portfolio.read(alongside: { _ -> Int in throw Boom() }) { collect in try collect() }
        }
        #expect(portfolio.database.isInAutocommit)
    }

    @Test("a body that fails before collecting still waits for alongside to finish with its connection")
    func bodyFailsFirst() throws {
        struct Boom: Error {}
        let finished = Finished()
        #expect(throws: Boom.self) {
            try portfolio.read(alongside: { other -> Int in
                usleep(50_000)
                let count = try Self.companyCount(other)
                finished.mark()
                return count
            }) { _ in throw Boom() }
        }
        #expect(finished.isMarked)
    }
}

/// A flag one thread sets and another reads after waiting for it.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var marked = false

    func mark() { lock.withLock { marked = true } }
    var isMarked: Bool { lock.withLock { marked } }
}
