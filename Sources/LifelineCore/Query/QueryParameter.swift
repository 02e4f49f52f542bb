/// A value for a query's `:NAME` parameter, as typed: `--param NAME=VALUE` or
/// `--param-text NAME=VALUE`.
public struct QueryParameter: Equatable, Sendable {
    public let value: String
    /// Bound as text whatever it looks like (`--param-text`); otherwise a plain decimal
    /// number is bound as a number.
    public let isText: Bool

    public init(_ value: String, isText: Bool = false) {
        self.value = value
        self.isText = isText
    }

    /// A parameter's value as bound.
    public enum Bound: Equatable, Sendable {
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// The value as bound: a plain decimal number - `42`, `-7`, `0.5`, `-12.25` - as a
    /// number, anything else as text: `007`, `1e3`, `0x1f`, `inf`, `nan`, `+5` and `.5`
    /// are text a user may well mean as text (a slug, a code), and would match nothing as
    /// numbers.
    public var bound: Bound {
        guard !isText else { return .text(value) }
        return Self.plainNumber(value) ?? .text(value)
    }

    static func plainNumber(_ text: String) -> Bound? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), whole == "0" || whole.first != "0"
        else { return nil }
        guard parts.count == 2 else { return Int64(text).map(Bound.integer) }
        guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        return Double(text).map(Bound.real)
    }

    /// The parameters given as `NAME=VALUE` arguments of `--param` (`numbers`) and
    /// `--param-text` (`texts`), by name; each name once.
    public static func parse(numbers: [String], texts: [String]) throws -> [String: QueryParameter] {
        var values: [String: QueryParameter] = [:]
        for (option, given, isText) in [("--param", numbers, false), ("--param-text", texts, true)] {
            for parameter in given {
                guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                    throw LifelineError(.usage, "\(option) takes NAME=VALUE, not '\(Slug.printable(parameter))'")
                }
                let name = String(parameter[..<equals])
                guard values[name] == nil else {
                    throw LifelineError(.usage, "\(Slug.printable(name)) is given twice; give each parameter once")
                }
                values[name] = QueryParameter(String(parameter[parameter.index(after: equals)...]), isText: isText)
            }
        }
        return values
    }

    /// The values bound to a statement whose parameters are `names` (nil for a `?`):
    /// every parameter needs a value and every value a parameter.
    public static func bind(_ parameters: [String: QueryParameter], to names: [String?]) throws -> [String: Bound] {
        if names.contains(nil) { throw LifelineError(.usage, "use named parameters (:name) with --param, not ?") }
        let wanted = Set(names.compactMap { $0 })
        if let missing = wanted.subtracting(parameters.keys).sorted().first {
            throw LifelineError(.usage, "the query needs --param \(missing)=VALUE")
        }
        if let unused = Set(parameters.keys).subtracting(wanted).sorted().first {
            throw LifelineError(.usage, "the query has no parameter :\(Slug.printable(unused))")
        }
        return parameters.mapValues(\.bound)
    }
}
