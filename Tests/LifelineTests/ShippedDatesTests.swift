import Testing
@testable import Lifeline
@testable import LifelineCore

/// The first pass of a batch's reassessment: which lifelines a capability shipped
/// within. A lifeline it wrongly passes over is never reassessed, so the edges count.
@Suite("Shipping dates of a batch")
struct ShippedDatesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let batch = ShippedDates(["2024-05-01", "2023-11-06", "2024-05-01", "2025-02-24"].map(date))

    @Test("dates are kept once each, in order")
    func sortedAndDistinct() {
        #expect(Self.batch.dates == ["2023-11-06", "2024-05-01", "2025-02-24"].map(Self.date))
    }

    @Test("a lifeline a date falls within, its first and last day included", arguments: [
        ("2023-11-06", "2024-01-31"), ("2023-06-01", "2023-11-06"), ("2024-01-01", "2024-12-31"),
        ("2024-05-01", "2024-05-01"), ("2022-01-01", "2026-01-01"), ("2025-02-24", "2025-08-24"),
    ])
    func within(start: String, end: String) {
        #expect(Self.batch.anyWithin(lifelineFrom: Self.date(start), to: Self.date(end)))
    }

    @Test("a lifeline that ends before, starts after, or falls between the dates", arguments: [
        ("2023-01-01", "2023-11-05"), ("2023-11-07", "2024-04-30"), ("2024-05-02", "2025-02-23"),
        ("2025-02-25", "2025-08-25"),
    ])
    func outside(start: String, end: String) {
        #expect(!Self.batch.anyWithin(lifelineFrom: Self.date(start), to: Self.date(end)))
    }

    @Test("a batch that ships nothing ends no lifeline by a capability")
    func empty() {
        let none = ShippedDates([])
        #expect(none.dates.isEmpty)
        #expect(!none.anyWithin(lifelineFrom: Self.date("2020-01-01"), to: Self.date("2030-01-01")))
    }
}
