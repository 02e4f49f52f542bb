import Testing
@testable import Lifeline
@testable import LifelineCore

/// The report keeps only the newest opportunities as companies are assessed; what it
/// keeps must be what sorting every company's opportunities would put first.
@Suite("The newest opportunities across a portfolio")
struct NewestOpportunitiesTests {
    /// `companies` companies with up to 30 opportunities each, over a few hundred days, so
    /// that dates tie across and within companies.
    static func portfolio(seed: UInt64, companies: Int) -> [(company: String, opportunities: [Opportunity])] {
        var random = ReassessmentPropertyTests.SeededGenerator(state: seed)
        let first = CivilDate(iso: "2024-01-01")!
        return (0..<companies).map { index in
            let opportunities = (0..<Int.random(in: 0...30, using: &random)).map { number in
                Opportunity(
                    releaseID: Int64(index * 100 + number), model: ModelReference(provider: "openai", model: "m-\(number % 7)"),
                    releasedOn: first.adding(days: Int.random(in: 0...300, using: &random)), capability: "c-\(number)")
            }
            return ("company-\(Int.random(in: 0...9_999, using: &random))-\(index)", opportunities)
        }
    }

    @Test("the same as sorting them all, whatever the order companies come in", arguments: [1, 2, 3, 4] as [UInt64])
    func sameAsSortingAll(seed: UInt64) {
        let portfolio = Self.portfolio(seed: seed, companies: 400)
        let everything = portfolio.flatMap { entry in entry.opportunities.map { (company: entry.company, opportunity: $0) } }
            .sorted { ($1.opportunity.releasedOn, $0.company) < ($0.opportunity.releasedOn, $1.company) }
        for count in [1, 5, 20] {
            var newest = NewestOpportunities(count: count)
            for entry in portfolio { newest.offer(entry.opportunities, of: entry.company) }
            let kept = newest.items
            #expect(kept.count == count)
            #expect(kept.map(\.company) == everything.prefix(count).map(\.company))
            #expect(kept.map(\.opportunity) == everything.prefix(count).map(\.opportunity))
        }
    }

    @Test("fewer than the count: all of them, newest first")
    func fewer() {
        let day = { CivilDate(iso: $0)! }
        let opportunity = { (id: Int64, date: String) in
            Opportunity(releaseID: id, model: ModelReference(provider: "openai", model: "gpt-4"), releasedOn: day(date), capability: "vision")
        }
        var newest = NewestOpportunities(count: 20)
        newest.offer([opportunity(1, "2024-01-01"), opportunity(2, "2024-03-01")], of: "papertalk")
        newest.offer([], of: "deckly")
        newest.offer([opportunity(3, "2024-03-01")], of: "chainsmith")
        #expect(newest.items.map(\.opportunity.releaseID) == [3, 2, 1])
        #expect(newest.items.map(\.company) == ["chainsmith", "papertalk", "papertalk"])
    }
}
