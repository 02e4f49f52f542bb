/// An amount of US dollars, held as whole cents so that sums are exact.
public struct USDAmount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let cents: Int64

    /// The largest amount accepted: a trillion dollars. Anything larger is a typo.
    public static let maximumCents: Int64 = 1_000_000_000_000 * 100

    /// The most a whole portfolio may hold: a thousand of the largest amounts. Every sum
    /// lifeline makes - a company's, a status's, the portfolio's - stays at or below it,
    /// far from what 64 bits can count: 92,301 investments of a trillion dollars once
    /// overflowed the sums of every reading command.
    public static let maximumTotalCents: Int64 = maximumCents * 1_000

    public init?(cents: Int64) {
        guard (0...Self.maximumCents).contains(cents) else { return nil }
        self.cents = cents
    }

    /// The amount in dollars, for JSON and views (exact for every stored amount).
    public var dollars: Double { Double(cents) / 100 }

    public static func < (lhs: USDAmount, rhs: USDAmount) -> Bool { lhs.cents < rhs.cents }

    /// `$1,500,000` or `$1,500,000.50`.
    public var description: String { Self.text(cents: cents) }

    /// Any non-negative whole cents as `$1,500,000.50`: sums too, which may pass
    /// `maximumCents`.
    public static func text(cents: Int64) -> String {
        let whole = String(cents / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let remainder = cents % 100
        return "$" + grouped + (remainder == 0 ? "" : "." + (remainder < 10 ? "0" : "") + String(remainder))
    }

    /// Parses what a user types for money: `1500000`, `1,500,000`, `$1.5M`, `250k`,
    /// `2.5m`, `1B`, `99.99`. Exact to the cent, never through floating point.
    ///
    /// - Throws: `LifelineError` (bad data) for anything else, negative amounts, amounts
    ///   finer than a cent or above `maximumCents`.
    public static func parse(_ text: String) throws -> USDAmount {
        func invalid(_ why: String) -> LifelineError {
            LifelineError(.badData, "invalid amount '\(text)': \(why)")
        }
        var body = Substring(text.trimmingSpaces())
        if body.hasPrefix("-") { throw invalid("amounts cannot be negative") }
        if body.hasPrefix("$") { body = body.dropFirst() }
        var exponent = 2  // dollars to cents
        switch body.last {
        case "k", "K": exponent += 3
        case "m", "M": exponent += 6
        case "b", "B": exponent += 9
        default: break
        }
        if exponent > 2 { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else {
            throw invalid("use a number such as 1500000, 1.5M or 250k")
        }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard let integerDigits = Self.digits(ofGrouped: integerPart),
            fractionPart.allSatisfy(\.isASCIIDigit),
            !(integerDigits.isEmpty && fractionPart.isEmpty)
        else { throw invalid("use a number such as 1500000, 1.5M or 250k") }
        var digits = integerDigits + fractionPart
        exponent -= fractionPart.count
        if exponent < 0 {
            // More decimal places than cents: fine only when they are zeros.
            let dropped = digits.suffix(-exponent)
            guard dropped.allSatisfy({ $0 == "0" }) else { throw invalid("it is more precise than a cent") }
            digits = String(digits.dropLast(-exponent))
            exponent = 0
        }
        let significant = digits.drop { $0 == "0" }
        guard significant.count + exponent <= 16 else { throw invalid("it is over $1 trillion") }
        let cents = (Int64(significant) ?? 0) * Self.powerOfTen(exponent)
        guard let amount = USDAmount(cents: cents) else { throw invalid("it is over $1 trillion") }
        return amount
    }

    /// The digits of `1500000` or `1,500,000` (groups of three after the first), or nil.
    private static func digits(ofGrouped text: Substring) -> String? {
        guard text.contains(",") else { return text.allSatisfy(\.isASCIIDigit) ? String(text) : nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return groups.joined()
    }

    private static func powerOfTen(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation-free `trimmingCharacters`).
    package func trimmingSpaces() -> String {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = first, let last = last, isSpace(first) || isSpace(last) else { return self }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
