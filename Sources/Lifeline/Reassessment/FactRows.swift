import LifelineCore

/// The rows the engine's facts are made of, as the thread that owns the database reads
/// them: the companies (each with its current lifeline), and their exposures,
/// dependencies, dismissals, adoptions, earlier lifelines and closing dates kept flat by company. `facts(of:)` makes one company's `CompanyFacts` from them, on any thread.
///
/// Grouping 300,000 exposures and 250,000 dependencies into an array per company took a
/// quarter of a first nightly run on the database's thread, which also records the run;
/// flat, each company's rows are found by binary search where the engine runs.
struct FactRows: Sendable {
    /// A company's own columns: its current lifeline's.
    struct CompanyRow: Sendable {
        let id: Int64
        let slug: String
        let tier: Company.Tier
        let lifelineStart: CivilDate
        let runwayMonths: Int
    }

    /// The selected companies, by id.
    var companies: [CompanyRow]
    let lookups: Lookups

    /// Each company's exposures, dependencies and dismissals; its earlier lifelines
    /// (few companies have any), and when it closed.
    struct Lookups: Sendable {
        let exposures: ByCompany<ExposureFact>
        let dependencies: ByCompany<ModelReference>
        let dismissals: ByCompany<DismissalFact>
        let adoptions: ByCompany<AdoptionFact>
        /// Oldest first, each with its own exposures (by capability) and dependencies.
        let earlierLifelines: ByCompany<LifelineFacts>
        let closedOn: [Int64: CivilDate]

        /// `company`'s facts, its exposures by capability.
        func facts(of company: CompanyRow) -> CompanyFacts {
            let current = LifelineFacts(
                start: company.lifelineStart, tier: company.tier, runwayMonths: company.runwayMonths,
                exposures: exposures.values(of: company.id).sorted(by: ExposureFact.inOrder),
                dependencies: Array(dependencies.values(of: company.id)))
            return CompanyFacts(
                id: company.id, slug: company.slug, lifelines: earlierLifelines.values(of: company.id) + [current],
                closedOn: closedOn[company.id], dismissals: Array(dismissals.values(of: company.id)),
                adoptions: Array(adoptions.values(of: company.id)))
        }
    }

    /// Every selected company's facts, by id.
    var allFacts: [CompanyFacts] { companies.map(lookups.facts(of:)) }
}

/// Values that belong to companies, kept flat and sorted by company id (in the order
/// given within a company), so that one company's are found by binary search.
struct ByCompany<Value: Sendable>: Sendable {
    private let companyIDs: [Int64]
    private let values: [Value]

    /// `companyIDs[i]` owns `values[i]`. Rows read in table order are mostly already in
    /// company order; when they are not (an exposure added to an older company later),
    /// they are sorted here, keeping each company's in the order given.
    init(companyIDs: [Int64], values: [Value]) {
        precondition(companyIDs.count == values.count, "ByCompany: one company per value")
        if zip(companyIDs, companyIDs.dropFirst()).allSatisfy({ $0 <= $1 }) {
            self.companyIDs = companyIDs
            self.values = values
        } else {
            let order = companyIDs.indices.sorted { (companyIDs[$0], $0) < (companyIDs[$1], $1) }
            self.companyIDs = order.map { companyIDs[$0] }
            self.values = order.map { values[$0] }
        }
    }

    /// How many values there are, of every company.
    var count: Int { values.count }

    /// The values of `company`, in the order given.
    func values(of company: Int64) -> ArraySlice<Value> {
        var low = 0
        var high = companyIDs.count
        while low < high {
            let middle = (low + high) / 2
            if companyIDs[middle] < company { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < companyIDs.count && companyIDs[end] == company { end += 1 }
        return values[low..<end]
    }
}
