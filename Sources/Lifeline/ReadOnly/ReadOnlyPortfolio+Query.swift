import LifelineCore
import LifelineStorage

/// A value a query returns, as SQLite stores it.
public typealias QueryValue = SQLValue

/// A value for a query's `:NAME` parameter, as typed.
public struct QueryParameter: Equatable, Sendable {
    public let value: String
    /// Bound as text whatever it looks like (`--param-text`); otherwise a plain decimal
    /// number is bound as a number.
    public let isText: Bool

    public init(_ value: String, isText: Bool = false) {
        self.value = value
        self.isText = isText
    }
}

/// The rows of an ad-hoc query, with its column names.
public struct QueryResult {
    public let columns: [String]
    public let rows: [[QueryValue]]
}

extension ReadOnlyPortfolio {
    /// Runs `sql` as one read-only query (see `Database.prepareReadOnlyQuery`): anything
    /// else is refused with the reason (exit 65). `parameters` give each `:NAME` its value,
    /// bound as a number when it is a plain decimal number (`plainNumber`); every parameter
    /// needs a value and every value a parameter (exit 64). A query still running after `timeLimitSeconds` is
    /// interrupted (exit 75: try again with more time).
    public func query(_ sql: String, parameters: [String: QueryParameter], timeLimitSeconds: Double) throws -> QueryResult {
        var columns: [String] = []
        var rows: [[QueryValue]] = []
        try query(sql, parameters: parameters, timeLimitSeconds: timeLimitSeconds, columns: { columns = $0 }) { rows.append($0) }
        return QueryResult(columns: columns, rows: rows)
    }

    /// The same, handing over the column names once the query is accepted and then each
    /// row as SQLite makes it, so that a caller can write rows as they come: the time
    /// limit covers making and writing them, and no result is held whole.
    public func query(
        _ sql: String, parameters: [String: QueryParameter], timeLimitSeconds: Double, columns: ([String]) throws -> Void,
        eachRow: ([QueryValue]) throws -> Void
    ) throws {
        database.valueLengthLimit = Self.valueLimitBytes
        try LifelineError.explaining {
            let statement = try refusing { try database.prepareReadOnlyQuery(sql: sql) }
            try statement.bind(try Self.arguments(parameters, for: statement.parameterNames))
            try columns(statement.columnNames)
            try failing {
                try database.withTimeLimit(seconds: timeLimitSeconds) {
                    try statement.forEachRow { try eachRow($0.values) }
                }
            }
        } interrupted: {
            "the query was interrupted after \(OutputNumber.text(timeLimitSeconds)) s (--timeout); narrow it or allow more time"
        }
    }

    /// The values for the statement's parameters, typed.
    static func arguments(_ parameters: [String: QueryParameter], for names: [String?]) throws -> [String: SQLValue] {
        if names.contains(nil) { throw LifelineError(.usage, "use named parameters (:name) with --param, not ?") }
        let wanted = Set(names.compactMap { $0 })
        if let missing = wanted.subtracting(parameters.keys).sorted().first {
            throw LifelineError(.usage, "the query needs --param \(missing)=VALUE")
        }
        if let unused = Set(parameters.keys).subtracting(wanted).sorted().first {
            throw LifelineError(.usage, "the query has no parameter :\(unused)")
        }
        return parameters.mapValues { parameter in
            parameter.isText ? .text(parameter.value) : plainNumber(parameter.value) ?? .text(parameter.value)
        }
    }

    /// A plain decimal number - `42`, `-7`, `0.5`, `-12.25` - as a number; anything else,
    /// nil: `007`, `1e3`, `0x1f`, `inf`, `nan`, `+5` and `.5` are text a user may well
    /// mean as text (a slug, a code), and would match nothing as numbers.
    static func plainNumber(_ text: String) -> SQLValue? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), whole == "0" || whole.first != "0"
        else { return nil }
        guard parts.count == 2 else { return Int64(text).map(SQLValue.integer) }
        guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        return Double(text).map(SQLValue.real)
    }

    /// The largest value a query may make or return: `SELECT randomblob(50000000)` took
    /// 2.2 GB of memory before its rows were printed.
    static let valueLimitBytes = 16 << 20

    /// SQLite's refusals of a user's query, in lifeline's words: the query is the bad
    /// data. A lock held elsewhere and an interruption are left to `explaining`.
    private func refusing<T>(_ body: () throws -> T) throws -> T {
        try explainingQueryErrors(body) { "refused: \($0)" }
    }

    /// The same for a query that was accepted and failed while it ran (`SELECT
    /// 9223372036854775807 + 1`): not a refusal.
    private func failing<T>(_ body: () throws -> T) throws -> T {
        try explainingQueryErrors(body) { "the query failed: \($0)" }
    }

    private func explainingQueryErrors<T>(_ body: () throws -> T, _ wording: (String) -> String) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where error.isTooBig {
            throw LifelineError(
                .badData, "a value of the result would be larger than \(Self.valueLimitBytes >> 20) MiB, the most one value may be; select less")
        } catch let error as SQLiteError where !error.isBusy && !error.isInterrupted {
            throw LifelineError(.badData, wording(error.message))
        }
    }
}
