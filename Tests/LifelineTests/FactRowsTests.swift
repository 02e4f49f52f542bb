import Testing
@testable import Lifeline
@testable import LifelineCore

/// Facts kept flat by company: each company's values are found whole, in the order
/// given, whether or not the rows came in company order.
@Suite("Facts by company")
struct FactRowsTests {
    @Test("each company gets exactly its values, in the order given", arguments: [
        // In company order, as table order mostly is.
        [(1, "a"), (1, "b"), (2, "c"), (4, "d"), (4, "e"), (4, "f")],
        // Out of order: values added to an older company later.
        [(2, "c"), (4, "d"), (1, "a"), (4, "e"), (1, "b"), (4, "f")],
    ])
    func valuesByCompany(rows: [(Int, String)]) {
        let byCompany = ByCompany(companyIDs: rows.map { Int64($0.0) }, values: rows.map(\.1))
        #expect(Array(byCompany.values(of: 1)) == ["a", "b"])
        #expect(Array(byCompany.values(of: 2)) == ["c"])
        #expect(Array(byCompany.values(of: 4)) == ["d", "e", "f"])
        for absent: Int64 in [0, 3, 5] {
            #expect(byCompany.values(of: absent).isEmpty, "company \(absent) has none")
        }
    }

    @Test("strings for json_each: quotes and backslashes escaped, other strings as they are", arguments: [
        ([], "[]"),
        (["vision", "2024-01-05 2023-12-31"], #"["vision","2024-01-05 2023-12-31"]"#),
        (["a\"b", #"c\d"#, #"\""#], #"["a\"b","c\\d","\\\""]"#),
    ])
    func jsonArrayOfStrings(strings: [String], json: String) {
        #expect(Reassessment.jsonArray(strings) == json)
    }

    @Test("values by row id: found by their ids, dense or far apart, and nothing for another id", arguments: [
        [(1, "vision"), (2, "agents"), (5, "file-upload")],
        [(3, "a"), (9_000_000_000, "far"), (-2, "negative")],
        [],
    ] as [[(Int64, String)]])
    func rowIDTable(rows: [(Int64, String)]) {
        let table = RowIDTable(rows.map { (id: $0.0, value: $0.1) })
        for (id, value) in rows { #expect(table[id] == value) }
        #expect(table.all == Dictionary(uniqueKeysWithValues: rows), "every id and value, once")
        for absent: Int64 in [0, 4, 6, 8_999_999_999, -1, .max, .min] where !rows.contains(where: { $0.0 == absent }) {
            #expect(table[absent] == nil, "id \(absent)")
        }
    }

    @Test("company ids far apart, or below zero, are found by search, the same", arguments: [
        [(1, "a"), (1, "b"), (9_000_000_000, "c"), (-4, "d")],
        [(-9_000_000_000_000_000_000, "a"), (9_000_000_000_000_000_000, "b")],
        [(7, "a")],
    ] as [[(Int64, String)]])
    func idsFarApart(rows: [(Int64, String)]) {
        let byCompany = ByCompany(companyIDs: rows.map(\.0), values: rows.map(\.1))
        for id in Set(rows.map(\.0)) {
            #expect(Array(byCompany.values(of: id)) == rows.filter { $0.0 == id }.map(\.1))
        }
        for absent: Int64 in [0, 2, 6, 8, -5, .max, .min] where !rows.contains(where: { $0.0 == absent }) {
            #expect(byCompany.values(of: absent).isEmpty, "company \(absent) has none")
        }
    }

    @Test("values by row id are set, replaced and removed, in the array or beside it")
    func rowIDTableChanges() {
        var table = RowIDTable<String>(count: 3, highestID: 3)
        for (id, value) in [(Int64(0), "a"), (3, "b"), (4, "beyond"), (-1, "below"), (.max, "far")] { table[id] = value }
        table[3] = "c"
        table[0] = nil
        #expect(table.all == [3: "c", 4: "beyond", -1: "below", .max: "far"])
        #expect(table[0] == nil && table[1] == nil && table[3] == "c" && table[.max] == "far")
        #expect(RowIDTable<String>(count: 2, highestID: 9_000_000_000).all.isEmpty, "sparse ids make no array of that size")
    }

    @Test("no rows: no company has any")
    func empty() {
        let byCompany = ByCompany<String>(companyIDs: [], values: [])
        #expect(byCompany.values(of: 1).isEmpty)
    }

    @Test("an exposure added to an older company later is among its facts, by capability")
    func exposureAddedLater() throws {
        let portfolio = try ReassessmentPropertyTests.emptyPortfolio(today: CivilDate(iso: "2024-01-01")!)
        for slug in ["older", "newer"] {
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "6", since: "2023-06-01", runwayMonths: "3"))
            _ = try portfolio.companies.setExposure(company: slug, capability: "vision", effect: .advantage, providers: [])
        }
        _ = try portfolio.companies.setExposure(company: "older", capability: "agents", effect: .necessity, providers: ["openai"])
        let facts = try portfolio.reassessment.companyFacts(.all)
        #expect(facts.map(\.slug) == ["older", "newer"])
        #expect(facts[0].lifelines[0].exposures.map(\.capability) == ["agents", "vision"])
        #expect(facts[0].lifelines[0].exposures[0].providers == ["openai"])
        #expect(facts[1].lifelines[0].exposures.map(\.capability) == ["vision"])
        #expect(try portfolio.reassessment.companyFacts(.ids([facts[0].id])) == [facts[0]])
        // Left unordered, for the stale opportunities alone: the same exposures, as read.
        let rows = try portfolio.reassessment.factRows(.all)
        let unordered = rows.lookups.facts(of: rows.companies[0], orderingExposures: false)
        #expect(unordered.lifelines[0].exposures.map(\.capability) == ["vision", "agents"])
        #expect(unordered.lifelines[0].exposures.sorted(by: ExposureFact.inOrder) == facts[0].lifelines[0].exposures)
    }

    @Test("facts read for stagnation leave out only the providers exposures name and the dismissals")
    func stagnationFacts() throws {
        let portfolio = try ReassessmentPropertyTests.emptyPortfolio(today: CivilDate(iso: "2024-01-01")!)
        _ = try portfolio.companies.addCompany(slug: "docuchat", fields: CompanyFields(tier: "6", since: "2023-06-01", runwayMonths: "3"))
        _ = try portfolio.companies.setExposure(company: "docuchat", capability: "file-upload", effect: .necessity, providers: ["openai"])
        _ = try portfolio.companies.setExposure(company: "docuchat", capability: "vision", effect: .advantage, providers: [])
        _ = try portfolio.catalogue.logRelease(ReleaseRequest(
            model: ModelReference(provider: "openai", model: "gpt-4"), releasedOn: CivilDate(iso: "2023-07-06")!,
            capabilities: ["file-upload"], kind: .capability, createModel: true))
        _ = try portfolio.companies.addDependencies(company: "docuchat", models: [ModelReference(provider: "openai", model: "gpt-4")])
        _ = try portfolio.companies.dismiss(company: "docuchat", releaseID: 1, reason: "on-premise", until: nil)

        let full = try portfolio.reassessment.factRows(.all, needing: .assessment)
        let lean = try portfolio.reassessment.factRows(.all, needing: .stagnation)
        let (whole, partial) = (full.allFacts[0], lean.allFacts[0])
        #expect(whole.dismissals.count == 1)
        #expect(whole.lifelines[0].exposures.map(\.providers) == [["openai"], []])
        #expect(partial.dismissals.isEmpty)
        #expect(partial.lifelines[0].exposures.allSatisfy { $0.providers.isEmpty })
        #expect(partial.lifelines[0].exposures.map(\.capability) == whole.lifelines[0].exposures.map(\.capability))
        #expect(partial.lifelines[0].exposures.map(\.effect) == whole.lifelines[0].exposures.map(\.effect))
        #expect(partial.lifelines[0].dependencies == whole.lifelines[0].dependencies)
        #expect(partial.adoptions == whole.adoptions)
        #expect(partial.closedOn == whole.closedOn)
        #expect(lean.companies.map(\.id) == full.companies.map(\.id))
    }
}
