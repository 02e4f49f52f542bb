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
    }
}
