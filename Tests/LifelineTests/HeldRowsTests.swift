import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// A catalogue import holds its models and releases back and writes them many to a
/// statement at the end (`Portfolio.batch(holdingRows:)`): what lands must be what logging the
/// same releases one at a time writes, and an error must leave nothing.
@Suite("Held rows")
struct HeldRowsTests {
    typealias Generated = ReassessmentPropertyTests
    static let today = CivilDate(iso: "2023-06-01")!

    /// Every model, release and capability row, by id, as one JSON text (without the
    /// times they were written, which differ from one write to the next).
    static func written(_ portfolio: Portfolio) throws -> String {
        try portfolio.database.fetchOne(sql: """
            SELECT json_array(
                (SELECT json_group_array(json_array(id, provider_id, slug, name, kind)) FROM (SELECT * FROM models ORDER BY id)),
                (SELECT json_group_array(json_array(id, model_id, kind, released_on, announced_on, note, source))
                 FROM (SELECT * FROM releases ORDER BY id)),
                (SELECT json_group_array(json_array(release_id, capability_id))
                 FROM (SELECT * FROM release_capabilities ORDER BY release_id, capability_id)))
            """) { try $0.get(0) as String } ?? ""
    }

    /// The releases of `seed`'s plan, a release creating a model (and a second of that
    /// model), then the first three again, which are duplicates to skip.
    static func requests(seed: UInt64) -> [ReleaseRequest] {
        let created = ModelReference(provider: Generated.providers[0], model: "held-new")
        var requests = Generated.Plan(seed: seed).releases
        requests.append(ReleaseRequest(model: created, releasedOn: today, capabilities: ["vision"], createModel: true))
        requests.append(ReleaseRequest(model: created, releasedOn: today, capabilities: ["agents"], kind: .capability))
        for var again in requests.prefix(3) {
            again.ifNew = true
            requests.append(again)
        }
        return requests
    }

    /// An outcome without its time of logging: (release id, kind, whether it was new).
    static func summary(_ outcome: ReleaseLogOutcome) -> String {
        if case .logged(let release, let created) = outcome { return "\(release.id) \(release.kind) logged created=\(created)" }
        return "\(outcome.release.id) \(outcome.release.kind) already logged"
    }

    static func log(_ requests: [ReleaseRequest], holding: Bool, parameterLimit: Int? = nil) throws -> (Portfolio, [String]) {
        let portfolio = try Generated.emptyPortfolio(today: today)
        if let parameterLimit { portfolio.database.parameterLimit = parameterLimit }
        let outcomes: [ReleaseLogOutcome]
        if holding {
            outcomes = try portfolio.batch(trigger: "test", holdingRows: true) { session in
                try requests.map { try portfolio.catalogue.logRelease($0, in: session) }
            }.value
        } else {
            outcomes = try requests.map { try portfolio.catalogue.logRelease($0).value }
        }
        return (portfolio, outcomes.map(summary))
    }

    @Test("held rows land as rows logged one at a time, however many to a statement", arguments: [nil, 17])
    func sameRows(parameterLimit: Int?) throws {
        for seed: UInt64 in [1, 2, 3] {
            let requests = Self.requests(seed: seed)
            let (oneByOne, expected) = try Self.log(requests, holding: false)
            let (held, outcomes) = try Self.log(requests, holding: true, parameterLimit: parameterLimit)
            #expect(outcomes == expected)
            #expect(try Self.written(held) == (try Self.written(oneByOne)))
            #expect(outcomes.suffix(3).allSatisfy { $0.hasSuffix("already logged") }, "the repeated releases are duplicates")
        }
    }

    @Test("a release identical to a held one is reported as already logged, and held once")
    func duplicateOfHeld() throws {
        let portfolio = try Generated.emptyPortfolio(today: Self.today)
        let request = ReleaseRequest(
            model: Generated.models[0], releasedOn: Self.today, capabilities: ["vision", "agents"], ifNew: true)
        var reordered = request
        reordered.capabilities = ["agents", "vision"]
        let outcomes = try portfolio.batch(trigger: "test", holdingRows: true) { session in
            [try portfolio.catalogue.logRelease(request, in: session), try portfolio.catalogue.logRelease(reordered, in: session)]
        }.value
        guard case .logged(let first, _) = outcomes[0], case .alreadyLogged(let second) = outcomes[1] else {
            Issue.record("expected logged, then already logged: \(outcomes)")
            return
        }
        #expect(first == second)
        #expect(try portfolio.database.fetchOne(sql: "SELECT count(*) FROM releases") { try $0.get(0) as Int } == 1)
        #expect(try portfolio.database.fetchOne(sql: "SELECT count(*) FROM release_capabilities") { try $0.get(0) as Int } == 2)
    }

    @Test("an error while rows are held writes nothing")
    func errorWritesNothing() throws {
        let portfolio = try Generated.emptyPortfolio(today: Self.today)
        let before = try Self.written(portfolio)
        let created = ModelReference(provider: Generated.providers[0], model: "held-new")
        #expect(throws: LifelineError.self) {
            try portfolio.batch(trigger: "test", holdingRows: true) { session in
                _ = try portfolio.catalogue.logRelease(
                    ReleaseRequest(model: created, releasedOn: Self.today, capabilities: ["vision"], createModel: true), in: session)
                _ = try portfolio.catalogue.logRelease(
                    ReleaseRequest(model: Generated.models[0], releasedOn: Self.today, capabilities: ["no-such"]), in: session)
            }
        }
        #expect(try Self.written(portfolio) == before)
        #expect(try portfolio.names.existingModelID(created) == nil)
    }
}
