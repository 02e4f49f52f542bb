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

        /// `company`'s facts, its exposures by capability (`ExposureFact.inOrder`) unless
        /// `orderingExposures` is false: the stale opportunities of rule 11 only ask
        /// whether a capability is among them, and ordering the exposures of 100,000
        /// companies was an eighth of finding those.
        func facts(of company: CompanyRow, orderingExposures: Bool = true) -> CompanyFacts {
            let exposures = exposures.values(of: company.id)
            let current = LifelineFacts(
                start: company.lifelineStart, tier: company.tier, runwayMonths: company.runwayMonths,
                exposures: orderingExposures ? exposures.sorted(by: ExposureFact.inOrder) : Array(exposures),
                dependencies: Array(dependencies.values(of: company.id)))
            return CompanyFacts(
                id: company.id, slug: company.slug, lifelines: earlierLifelines.values(of: company.id) + [current],
                closedOn: closedOn[company.id], dismissals: Array(dismissals.values(of: company.id)),
                adoptions: Array(adoptions.values(of: company.id)))
        }
    }

    /// Every selected company's facts, by id.
    var allFacts: [CompanyFacts] { companies.map { lookups.facts(of: $0) } }
}

/// Values that belong to companies, kept flat and sorted by company id (in the order
/// given within a company), so that one company's are found by binary search.
struct ByCompany<Value: Sendable>: Sendable {
    private let companyIDs: [Int64]
    private let values: [Value]
    /// Where each company's values start, by its id less the lowest (with the end of the
    /// last company's after them), when company ids are dense - as row ids are - so that
    /// a company's values are found without a search: a binary search over 300,000
    /// exposures for each of 100,000 companies missed the cache at nearly every step, a
    /// twentieth of `company list`. Empty when the ids are far apart.
    private let starts: [Int]

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
        starts = Self.starts(of: self.companyIDs)
    }

    /// `starts` for sorted `companyIDs`: one entry per id from the lowest to the highest,
    /// and one more, when that is at most a few per value.
    private static func starts(of companyIDs: [Int64]) -> [Int] {
        guard let lowest = companyIDs.first, let highest = companyIDs.last else { return [] }
        let (span, overflow) = highest.subtractingReportingOverflow(lowest)
        guard !overflow, span < Int64(companyIDs.count) * 4 + 1_024 else { return [] }
        var starts = [Int](repeating: companyIDs.count, count: Int(span) + 2)
        var index = 0
        for offset in 0...Int(span) {
            while companyIDs[index] < lowest + Int64(offset) { index += 1 }
            starts[offset] = index
        }
        return starts
    }

    /// How many values there are, of every company.
    var count: Int { values.count }

    /// The values of `company`, in the order given.
    func values(of company: Int64) -> ArraySlice<Value> {
        if let lowest = companyIDs.first, let highest = companyIDs.last, !starts.isEmpty {
            guard company >= lowest, company <= highest else { return values[0..<0] }
            let offset = Int(company - lowest)
            return values[starts[offset]..<starts[offset + 1]]
        }
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
