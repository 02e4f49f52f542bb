import Testing
@testable import Lifeline
@testable import LifelineCore

/// The passes of a batch's reassessment: which lifelines a capability shipped within,
/// by a provider that counts. A lifeline wrongly passed over is never reassessed, so
/// the edges count.
@Suite("Shipping dates of a batch")
struct ShippedDatesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func ships(_ capability: Int64, _ day: String, by provider: Int64 = 1, host: Bool = false)
        -> (capability: Int64, shipment: ShippedDates.Shipment)
    {
        (capability, ShippedDates.Shipment(date: date(day), provider: provider, byHost: host))
    }

    /// Capability 1 on three days (one twice), capability 2 on one of them by provider 2,
    /// capability 3 by a host (provider 9).
    static let batch = ShippedDates([
        ships(1, "2024-05-01"), ships(1, "2023-11-06"), ships(1, "2024-05-01"), ships(1, "2025-02-24"),
        ships(2, "2023-11-06", by: 2), ships(3, "2024-01-10", by: 9, host: true),
    ])
    static let anyProvider = ShippedDates.ExposureScope(named: [], unscoped: true)

    @Test("dates are kept once each, in order")
    func sortedAndDistinct() {
        #expect(Self.batch.dates == ["2023-11-06", "2024-01-10", "2024-05-01", "2025-02-24"].map(Self.date))
    }

    /// Whether the pass over `lifelineEnds` finds a lifeline, as the queries do: its end
    /// one of the days and its start on or before that day's date, or its end after the
    /// days and its start on or before the last date.
    static func found(_ start: String, _ end: String) -> Bool {
        let (start, end) = (date(start), date(end))
        let ends = batch.lifelineEnds
        return ends.days.contains { $0.end == end && start <= $0.startsBy }
            || ends.later.map { end > $0.after && start <= $0.startsBy } ?? false
    }

    @Test("the days: each from the first date to a year past the last, with the latest date on or before it")
    func days() throws {
        let ends = Self.batch.lifelineEnds
        let last = try #require(Self.batch.dates.last)
        #expect(ends.days.first?.end == Self.batch.dates.first)
        #expect(ends.days.last?.end == last.adding(days: 366))
        #expect(zip(ends.days, ends.days.dropFirst()).allSatisfy { $0.end.adding(days: 1) == $1.end }, "no day skipped or repeated")
        for day in ends.days {
            #expect(day.startsBy == Self.batch.dates.last { $0 <= day.end }, "\(day.end)")
        }
        #expect(ends.later?.after == last.adding(days: 366))
        #expect(ends.later?.startsBy == last)
    }

    @Test("a lifeline a date falls within is found, its first and last day included", arguments: [
        ("2023-11-06", "2024-01-31"), ("2023-06-01", "2023-11-06"), ("2024-01-01", "2024-12-31"),
        ("2024-05-01", "2024-05-01"), ("2022-01-01", "2026-01-01"), ("2025-02-24", "2025-08-24"),
        ("2024-01-10", "2024-01-10"), ("2023-11-06", "2023-11-06"),
    ])
    func within(start: String, end: String) {
        #expect(Self.found(start, end))
    }

    @Test("a lifeline that ends before, starts after, or falls between the dates is not", arguments: [
        ("2023-01-01", "2023-11-05"), ("2023-11-07", "2024-01-09"), ("2024-05-02", "2025-02-23"),
        ("2025-02-25", "2025-08-25"), ("2024-01-11", "2024-04-30"),
    ])
    func outside(start: String, end: String) {
        #expect(!Self.found(start, end))
    }

    @Test("every lifeline from days to two years long, day by day, is found exactly when a date falls within it")
    func exhaustive() {
        var start = Self.date("2023-10-01")
        while start < Self.date("2025-04-01") {
            for days in [0, 1, 30, 90, 365, 366, 367, 400, 800] {
                let end = start.adding(days: days)
                let within = Self.batch.dates.contains { start <= $0 && $0 <= end }
                #expect(Self.found(start.iso, end.iso) == within, "\(start) to \(end)")
            }
            start = start.adding(days: 1)
        }
    }

    @Test("a batch that ships nothing ends no lifeline by a capability")
    func empty() {
        let none = ShippedDates([])
        #expect(none.dates.isEmpty)
        #expect(none.lifelineEnds.days.isEmpty)
        #expect(none.lifelineEnds.later == nil)
        #expect(!none.anyCounted(lifelineFrom: Self.date("2020-01-01"), to: Self.date("2030-01-01"), capability: 1, scope: Self.anyProvider))
    }

    @Test("by capability: only that capability's dates count, its edges included")
    func byCapability() {
        let lifeline = (start: Self.date("2023-11-06"), end: Self.date("2024-04-30"))
        for capability: Int64 in [1, 2] {
            #expect(Self.batch.anyCounted(lifelineFrom: lifeline.start, to: lifeline.end, capability: capability, scope: Self.anyProvider))
        }
        #expect(!Self.batch.anyCounted(lifelineFrom: lifeline.start, to: lifeline.end, capability: 4, scope: Self.anyProvider), "shipped by none")
        let later = (start: Self.date("2023-11-07"), end: Self.date("2025-02-24"))
        #expect(Self.batch.anyCounted(lifelineFrom: later.start, to: later.end, capability: 1, scope: Self.anyProvider), "its last day included")
        #expect(!Self.batch.anyCounted(lifelineFrom: later.start, to: later.end, capability: 2, scope: Self.anyProvider),
                "capability 1's dates do not count for 2")
    }

    @Test("rule 4: a named provider counts, another does not unless an exposure names none; a host only where named")
    func scopes() {
        let wide = (start: Self.date("2023-01-01"), end: Self.date("2025-12-31"))
        func counted(_ capability: Int64, _ scope: ShippedDates.ExposureScope) -> Bool {
            Self.batch.anyCounted(lifelineFrom: wide.start, to: wide.end, capability: capability, scope: scope)
        }
        #expect(counted(2, .init(named: [2], unscoped: false)))
        #expect(!counted(2, .init(named: [1, 3], unscoped: false)), "provider 2 is not named")
        #expect(counted(2, .init(named: [1], unscoped: true)), "another exposure names no provider")
        #expect(!counted(3, Self.anyProvider), "a host's release counts only where named")
        #expect(counted(3, .init(named: [9], unscoped: false)))
        #expect(!counted(1, .init(named: [], unscoped: false)), "no exposure at all")
    }
}
