import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("Calendar dates")
struct CivilDateTests {
    static let today = CivilDate(year: 2024, month: 3, day: 1)!

    @Test("real dates parse and print back unchanged", arguments: [
        "2024-02-29", "2023-02-28", "2000-02-29", "1900-01-01", "2188-12-31", "2023-12-31", "2023-01-01",
    ])
    func validDates(text: String) throws {
        #expect(CivilDate(iso: text)?.iso == text)
        #expect(try CivilDate.parse(text, today: Self.today).iso == text)
    }

    @Test("a date lifeline stores may reach 2199; one a user enters, 2188, so that what is computed from it stays readable")
    func enterableYears() throws {
        #expect(CivilDate(iso: "2199-12-31") != nil)
        let late = #expect(throws: LifelineError.self) { try CivilDate.parse("2189-01-01", today: Self.today, field: "--since date") }
        #expect(late?.message == "invalid --since date '2189-01-01': the year must be from 1900 to 2188 (lifeline adds up to 11 years to it)")
        let today = #expect(throws: LifelineError.self) { try CivilDate.parse("today", today: CivilDate(iso: "2199-12-31")!) }
        #expect(today?.message.hasSuffix("the year must be from 1900 to 2188 (lifeline adds up to 11 years to it)") == true)
        // The latest date a user may enter, plus the longest tier and runway, is still a date.
        let latest = CivilDate(year: 2188, month: 12, day: 31)!
        #expect(CivilDate(iso: latest.adding(months: 12 + 120).iso) != nil)
    }

    @Test("impossible and malformed dates are refused with a reason", arguments: [
        "2023-02-29", "2023-02-30", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
        "2023-1-5", "23-01-05", "2023/01/05", "2023-01-05T00:00", " 2023-01-05", "20230105", "", "tomorrow",
        "1899-12-31", "2200-01-01", "0223-01-01", "２０２３-01-01",
    ])
    func invalidDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
        let error = #expect(throws: LifelineError.self) { try CivilDate.parse(text, today: Self.today, field: "--on date") }
        #expect(error?.kind == .badData)
        #expect(error?.message.hasPrefix("invalid --on date '") == true)
    }

    @Test("the message says why: no such day, or the year range")
    func reasons() {
        let day = #expect(throws: LifelineError.self) { try CivilDate.parse("2023-02-29", today: Self.today) }
        #expect(day?.message.hasSuffix("no such day in the calendar") == true)
        let year = #expect(throws: LifelineError.self) { try CivilDate.parse("1066-10-14", today: Self.today) }
        #expect(year?.message.contains("from 1900 to 2188") == true)
        let newline = #expect(throws: LifelineError.self) { try CivilDate.parse("2023-01-01\n", today: Self.today, field: "--on date") }
        #expect(newline?.message == "invalid --on date '2023-01-01\\u{a}': use YYYY-MM-DD, 'today' or 'yesterday'", "one line, the newline shown")
        let shape = #expect(throws: LifelineError.self) { try CivilDate.parse("5 May", today: Self.today) }
        #expect(shape?.message.hasSuffix("use YYYY-MM-DD, 'today' or 'yesterday'") == true)
    }

    @Test("today and yesterday are relative to the given day, in any case")
    func relativeWords() throws {
        #expect(try CivilDate.parse("today", today: Self.today) == Self.today)
        #expect(try CivilDate.parse("Yesterday", today: Self.today).iso == "2024-02-29")
        #expect(try CivilDate.parse("yesterday", today: CivilDate(iso: "2023-01-01")!).iso == "2022-12-31")
    }

    @Test("adding calendar months clamps to the end of shorter months", arguments: [
        ("2023-01-31", 1, "2023-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2023-08-31", 1, "2023-09-30"),
        ("2023-11-15", 3, "2024-02-15"), ("2023-12-31", 12, "2024-12-31"), ("2024-02-29", 12, "2025-02-28"),
        ("2023-03-31", -1, "2023-02-28"), ("2023-01-15", -1, "2022-12-15"), ("2023-05-31", 6, "2023-11-30"),
        ("2023-06-13", 0, "2023-06-13"),
    ])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(CivilDate(iso: start)!.adding(months: months).iso == expected)
    }

    @Test("day arithmetic round-trips through days since 1970")
    func dayArithmetic() {
        let start = CivilDate(iso: "1970-01-01")!
        #expect(start.daysSinceEpoch == 0)
        #expect(CivilDate(iso: "2000-03-01")!.daysSinceEpoch == 11_017)
        #expect(CivilDate(iso: "2024-02-28")!.adding(days: 1).iso == "2024-02-29")
        #expect(CivilDate(iso: "2023-12-31")!.adding(days: 1).iso == "2024-01-01")
        #expect(CivilDate(iso: "2023-07-06")!.days(until: CivilDate(iso: "2023-10-06")!) == 92)
        #expect(CivilDate(iso: "2023-10-06")!.days(until: CivilDate(iso: "2023-07-06")!) == -92)
        var date = CivilDate(iso: "1999-12-25")!
        for _ in 0..<800 {
            let next = date.adding(days: 1)
            #expect(date.days(until: next) == 1)
            #expect(CivilDate(iso: next.iso) == next)
            date = next
        }
    }

    @Test("dates order by year, month, day")
    func ordering() {
        #expect(CivilDate(iso: "2023-12-31")! < CivilDate(iso: "2024-01-01")!)
        #expect(CivilDate(iso: "2024-01-02")! > CivilDate(iso: "2024-01-01")!)
    }

    @Test("dates made by arithmetic far outside the supported years keep their year, month and day, and order as their days do")
    func packedDates() {
        // From 600 BC (a negative year) to AD 3000, a step that lands on every day of the
        // month and every month over the span.
        var previous: CivilDate?
        for days in stride(from: -940_000, through: 376_000, by: 37) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect((1...12).contains(date.month) && (1...CivilDate.daysIn(month: date.month, year: date.year)).contains(date.day))
            if let previous {
                #expect(previous < date && !(date < previous) && previous != date)
                #expect((previous.year, previous.month, previous.day) < (date.year, date.month, date.day))
            }
            previous = date
        }
        #expect(CivilDate(daysSinceEpoch: -719_529).iso == "-1-12-31")
        #expect(CivilDate(iso: "2024-02-29")!.year == 2024 && CivilDate(iso: "2024-02-29")!.month == 2 && CivilDate(iso: "2024-02-29")!.day == 29)
    }
}
