/// A calendar date with no time or zone: what lifeline's facts are dated by.
///
/// Stored and printed as ISO `YYYY-MM-DD`. Only real dates exist: `2023-02-29` cannot
/// be made. Arithmetic is in whole days and calendar months, on the proleptic
/// Gregorian calendar.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one integer, `year << 9 | month << 5 | day`, ordered as the
    /// dates are: one comparison where the engine and the readers compare dates by the
    /// million, and 8 bytes where three integers took 24 (100,000 outcomes of five dates
    /// each are held at once by `company list` and the report).
    @usableFromInline let packed: Int

    public var year: Int { packed >> 9 }
    public var month: Int { (packed >> 5) & 0xF }
    public var day: Int { packed & 0x1F }

    /// The years lifeline accepts: wide enough for any real fact, narrow enough to
    /// catch a mistyped year such as `0223` or `20233`.
    public static let supportedYears = 1900...2199

    /// The years a user may enter. lifeline adds up to 11 years to a date it is given (a
    /// 12-month tier, then a runway of up to 120 months), and every date it computes must
    /// stay within `supportedYears`: a start on 2199-12-31 once made an end in 2200 that
    /// every later command refused to read.
    public static let enterableYears = supportedYears.lowerBound...(supportedYears.upperBound - 11)

    /// Returns nil unless year, month and day form a real date in `supportedYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD`, or returns nil. Reads the string's own bytes, with
    /// no copy: a nightly run reads tens of thousands of stored dates.
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ CivilDate(isoUTF8: $0) }) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes, or returns nil: for a reader that
    /// has the bytes already (a database column), with no string made of them.
    /// Inlinable, as readers of many stored dates call it from other modules.
    @inlinable
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes, 0..<4), let month = Self.number(bytes, 5..<7),
            let day = Self.number(bytes, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`. Written digit by digit into the string's own storage: a nightly run
    /// formats hundreds of thousands of dates, and concatenating padded pieces cost a
    /// tenth of its time.
    public var iso: String {
        // Arithmetic far outside `supportedYears` can leave four digits; say it plainly.
        guard (0...9999).contains(year) else { return "\(year)-\(month)-\(day)" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ number: Int, width: Int, at start: Int) {
                var rest = number
                for offset in (0..<width).reversed() {
                    buffer[start + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            return 10
        }
    }

    public var description: String { iso }

    @inlinable
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.packed < rhs.packed
    }

    // MARK: Arithmetic

    /// The same day `months` calendar months later (or earlier), clamped to the end of
    /// a shorter month: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
    public func adding(months: Int) -> CivilDate {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CivilDate(unchecked: newYear, newMonth, newDay)
    }

    /// The date `days` days later (or earlier).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Days since 1970-01-01, by Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    public init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    // MARK: Helpers

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// For results of arithmetic on valid dates, which are valid by construction
    /// (their year may leave `supportedYears`; comparisons still work).
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = year << 9 | month << 5 | day
    }

    /// The decimal number the ASCII digits at `positions` of `bytes` spell; nil when one is
    /// not a digit.
    @inlinable
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ positions: Range<Int>) -> Int? {
        var value = 0
        for position in positions {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

extension CivilDate {
    /// Parses what a user types for a date: `YYYY-MM-DD`, `today` or `yesterday`
    /// (relative to `today`, which the caller supplies so this stays pure).
    ///
    /// - Throws: `LifelineError` (bad data) naming the option and what is accepted.
    public static func parse(_ text: String, today: CivilDate, field: String = "date") throws -> CivilDate {
        let yearRange = "the year must be from \(enterableYears.lowerBound) to \(enterableYears.upperBound)"
        let date: CivilDate
        switch text.lowercased() {
        case "today": date = today
        case "yesterday": date = today.adding(days: -1)
        default:
            guard let parsed = CivilDate(iso: text) else {
                let shapeIsRight = text.utf8.count == 10 && text.split(separator: "-").count == 3
                if shapeIsRight, let year = Int(text.prefix(4)), !supportedYears.contains(year) {
                    throw LifelineError(.badData, "invalid \(field) '\(Slug.printable(text))': \(yearRange)")
                }
                let reason = shapeIsRight ? "no such day in the calendar" : "use YYYY-MM-DD, 'today' or 'yesterday'"
                // A newline typed into a date is shown as \u{a}, so the message stays one line.
                throw LifelineError(.badData, "invalid \(field) '\(Slug.printable(text))': \(reason)")
            }
            date = parsed
        }
        guard enterableYears.contains(date.year) else {
            throw LifelineError(.badData, "invalid \(field) '\(Slug.printable(text))': \(yearRange) (lifeline adds up to 11 years to it)")
        }
        return date
    }
}
