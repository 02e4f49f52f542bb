import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("Money amounts")
struct USDAmountTests {
    @Test("what people type parses to exact cents", arguments: [
        ("1500000", Int64(150_000_000)), ("1,500,000", 150_000_000), ("$1.5M", 150_000_000), ("1.5m", 150_000_000),
        ("250k", 25_000_000), ("250K", 25_000_000), ("$250,000", 25_000_000), ("1B", 100_000_000_000),
        ("99.99", 9_999), ("0.01", 1), ("0", 0), (".5", 50), ("7.", 700), ("1.234567M", 123_456_700), ("1.2345678M", 123_456_780),
        ("2.50", 250), ("1.000", 100), (" 42 ", 4_200), ("1000000000000", 100_000_000_000_000), ("0.000001B", 100_000),
    ])
    func valid(text: String, cents: Int64) throws {
        #expect(try USDAmount.parse(text).cents == cents)
    }

    @Test("anything else is refused with a reason", arguments: [
        ("-5", "cannot be negative"), ("-1.5M", "cannot be negative"), ("abc", "use a number"), ("", "use a number"),
        ("$", "use a number"), ("1.5.5", "use a number"), ("1,50,000", "use a number"), ("12,34", "use a number"),
        ("1.5X", "use a number"), ("0.001", "more precise than a cent"), ("1.234567891M", "more precise than a cent"),
        ("1000000000001", "over $1 trillion"), ("2T", "use a number"), ("9999999999999999999999", "over $1 trillion"),
        ("1e6", "use a number"), ("M", "use a number"), ("١٢٣", "use a number"),
    ])
    func invalid(text: String, reason: String) {
        let error = #expect(throws: LifelineError.self) { try USDAmount.parse(text) }
        #expect(error?.kind == .badData)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test("amounts print with thousands separators and cents only when there are some")
    func description() {
        #expect(USDAmount(cents: 150_000_000)!.description == "$1,500,000")
        #expect(USDAmount(cents: 123_456_705)!.description == "$1,234,567.05")
        #expect(USDAmount(cents: 99)!.description == "$0.99")
        #expect(USDAmount(cents: -1) == nil)
    }
}
