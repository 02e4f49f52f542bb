import LifelineCore

/// What a batch of new releases ships - each capability, on which dates, by which
/// provider - for the passes over the assessments that find which lifelines the batch
/// may end. A capability shipped within a lifeline may end it; one shipped outside it
/// cannot. The first pass reads nothing but the `assessments_by_end` index
/// (`lifelineEnds`); the lifelines it finds are then matched with their companies'
/// exposures (`anyCounted`). On 100,000 companies the first pass finds the 7,000 of
/// the 62,000 lifelines ending after the release history's first date that contain
/// one of its dates, where asking SQLite about each took 0.4 s.
struct ShippedDates {
    /// One capability shipped by one release.
    struct Shipment {
        let date: CivilDate
        let provider: Int64
        /// Released by a host (`providers.role`), which counts only where it is named.
        let byHost: Bool
    }

    /// Every distinct date, in order, whatever the capability.
    let dates: [CivilDate]
    /// The shipments of each capability (by id), in date order.
    private let shipmentsByCapability: [Int64: [Shipment]]

    init(_ shipped: some Sequence<(capability: Int64, shipment: Shipment)>) {
        var byCapability: [Int64: [Shipment]] = [:]
        for (capability, shipment) in shipped { byCapability[capability, default: []].append(shipment) }
        shipmentsByCapability = byCapability.mapValues { $0.sorted { $0.date < $1.date } }
        dates = Set(byCapability.values.joined().map(\.date)).sorted()
    }

    /// The lifelines some capability was shipped within, by their ends, for a pass along
    /// `assessments_by_end` (end, then start): a lifeline that ends on a day on or after
    /// the first shipped date contains a shipped date exactly when it starts on or before
    /// the latest one on or before its end. Lifelines that end before the first date
    /// contain none.
    ///
    /// `days` lists each day from the first date to `daysListedPastLast` after the last,
    /// with that latest date: a seek each finds only the lifelines that start early
    /// enough. A range of ends per date instead went through every lifeline ending in
    /// it, 62,000 for the release history on 100,000 companies, to find 7,000. Ends after
    /// the listed days share the last date (`later`): one range, which only a lifeline
    /// longer than its longest tier, 12 months, could pass.
    var lifelineEnds: (days: [(end: CivilDate, startsBy: CivilDate)], later: (after: CivilDate, startsBy: CivilDate)?) {
        guard let last = dates.last else { return ([], nil) }
        var days: [(end: CivilDate, startsBy: CivilDate)] = []
        for (index, date) in dates.enumerated() {
            let next = index + 1 < dates.count ? dates[index + 1] : last.adding(days: Self.daysListedPastLast + 1)
            var day = date
            while day < next {
                days.append((day, date))
                day = day.adding(days: 1)
            }
        }
        return (days, (days[days.count - 1].end, last))
    }

    /// How many days after the last shipped date `lifelineEnds` lists one by one: a year,
    /// the longest a lifeline lasts.
    static let daysListedPastLast = 366

    /// Whether `capability` was shipped on a day from `start` to `end`, both included, by
    /// any provider.
    func anyShipped(lifelineFrom start: CivilDate, to end: CivilDate, capability: Int64) -> Bool {
        guard let shipments = shipmentsByCapability[capability] else { return false }
        let first = Self.firstIndex(in: shipments, onOrAfter: start, \.date)
        return first < shipments.count && shipments[first].date <= end
    }

    /// Whether `capability` was shipped on a day from `start` to `end`, both included,
    /// by a provider whose release counts for an exposure with this `scope` - rule 4, as
    /// `LifelineFacts.counts` applies it, for all of a lifeline's exposures to the
    /// capability at once.
    func anyCounted(lifelineFrom start: CivilDate, to end: CivilDate, capability: Int64, scope: ExposureScope) -> Bool {
        guard let shipments = shipmentsByCapability[capability] else { return false }
        var index = Self.firstIndex(in: shipments, onOrAfter: start, \.date)
        while index < shipments.count, shipments[index].date <= end {
            if scope.counts(shipments[index]) { return true }
            index += 1
        }
        return false
    }

    /// The providers a company's exposures to one capability name, and whether one of
    /// them names none.
    struct ExposureScope {
        var named: [Int64] = []
        var unscoped = false

        /// Adds an exposure that names `providers` (none: any provider).
        mutating func add(naming providers: [Int64]) {
            if providers.isEmpty { unscoped = true } else { named += providers }
        }

        /// Rule 4: a host's release counts only where an exposure names the host; another
        /// provider's release counts where one names it, or where one names no provider
        /// (an unscoped exposure yields to one that names the provider, and that one counts).
        func counts(_ shipment: Shipment) -> Bool {
            named.contains(shipment.provider) || (unscoped && !shipment.byHost)
        }
    }

    /// Binary search: the index of the first of the ordered `elements` dated on or after
    /// `date`, or `elements.count` when there is none.
    private static func firstIndex<Element>(in elements: [Element], onOrAfter date: CivilDate, _ dateOf: (Element) -> CivilDate) -> Int {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if dateOf(elements[middle]) < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
