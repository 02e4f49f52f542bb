/// Numbers as lifeline prints them - in messages, tables, JSON and spreadsheet cells:
/// whole numbers without a trailing ".0".
public enum OutputNumber {
    public static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
