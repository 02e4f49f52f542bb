/// Model ids that end in a date name a dated snapshot of the id without it, the way the
/// labs name them: `gpt-3.5-turbo-0613` (month and day), `claude-3-opus-20240229`,
/// `gpt-4o-2024-08-06`, `mistral-large-2407` (year and month). The catalogue imports use
/// it to record a new model as a snapshot of a recorded one (`models.snapshot_of`).
public enum DatedSnapshotName {
    /// The id without its dated suffix, or nil when it ends in no date.
    public static func base(of slug: String) -> String? {
        // Every date ends in a digit: most ids are answered without splitting them by
        // Character (a catalogue import asks of 5,000 ids).
        guard let lastByte = slug.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lastByte) else { return nil }
        let parts = slug.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        // 2024-08-06: three parts of the id.
        if parts.count >= 4, isDate(year: parts[parts.count - 3], month: parts[parts.count - 2], day: parts[parts.count - 1]) {
            return joined(parts.dropLast(3))
        }
        let last = parts[parts.count - 1]
        guard last.allSatisfy(\.isASCIIDigit) else { return nil }
        switch last.count {
        case 8 where isDate(year: last.prefix(4), month: last.dropFirst(4).prefix(2), day: last.suffix(2)):
            return joined(parts.dropLast())
        case 4 where isMonthAndDay(last) || isYearAndMonth(last):
            return joined(parts.dropLast())
        default:
            return nil
        }
    }

    private static func joined(_ parts: ArraySlice<Substring>) -> String? {
        let base = parts.joined(separator: "-")
        return base.isEmpty || base.hasSuffix("-") ? nil : base
    }

    private static func number(_ text: Substring) -> Int? {
        text.allSatisfy(\.isASCIIDigit) ? Int(text) : nil
    }

    private static func isDate(year: Substring, month: Substring, day: Substring) -> Bool {
        guard year.count == 4, month.count == 2, day.count == 2, let year = number(year), (2015...2099).contains(year) else { return false }
        guard let month = number(month), let day = number(day) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// 0613: June 13th.
    private static func isMonthAndDay(_ text: Substring) -> Bool {
        guard let month = number(text.prefix(2)), let day = number(text.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// 2407: July 2024.
    private static func isYearAndMonth(_ text: Substring) -> Bool {
        guard let year = number(text.prefix(2)), let month = number(text.suffix(2)) else { return false }
        return (20...39).contains(year) && (1...12).contains(month)
    }
}
