/// The newest opportunities across many companies, kept to a fixed count as each
/// company's are offered: the report shows the newest few, and holding every company's
/// took gigabytes over 100,000 companies.
package struct NewestOpportunities {
    package typealias Item = (company: String, opportunity: Opportunity)

    let count: Int
    /// Candidates, trimmed back to `count` whenever they grow past a few times it.
    private var candidates: [Item] = []
    /// After a trim that kept `count`, the date of the oldest kept: anything older
    /// cannot make it.
    private var cutoff: CivilDate?

    package init(count: Int) {
        self.count = count
    }

    /// Newest first, then by company; one company's opportunities of a day keep their
    /// order (the sort is stable).
    package var items: [Item] { Array(Self.ordered(candidates).prefix(count)) }

    package mutating func offer(_ opportunities: [Opportunity], of company: String) {
        for opportunity in opportunities where cutoff.map({ opportunity.releasedOn >= $0 }) ?? true {
            candidates.append((company, opportunity))
        }
        if candidates.count > 4 * count {
            candidates = Array(Self.ordered(candidates).prefix(count))
            cutoff = candidates.count == count ? candidates.last?.opportunity.releasedOn : nil
        }
    }

    private static func ordered(_ items: [Item]) -> [Item] {
        items.sorted { ($1.opportunity.releasedOn, $0.company) < ($0.opportunity.releasedOn, $1.company) }
    }
}
