/// Numbers in messages and spreadsheet cells without a trailing ".0".
package enum OutputNumber {
    package static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
