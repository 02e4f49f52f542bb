import LifelineCore
import LifelineStorage

/// A value a query returns, as SQLite stores it.
public typealias QueryValue = SQLValue

extension ReadOnlyPortfolio {
    /// Runs `sql` as one read-only query (see `Database.prepareReadOnlyQuery`): anything
    /// else is refused with the reason (exit 65). `parameters` give each `:NAME` its value,
    /// bound as a number when it is a plain decimal number (`QueryParameter.bound`); every parameter
    /// needs a value and every value a parameter (exit 64). A query still running after `timeLimitSeconds` is
    /// interrupted (exit 75: try again with more time).
    /// The column names go to `columns` once the query is accepted, then each row to
    /// `eachRow` as SQLite makes it, so that a caller writes rows as they come: the time
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

    /// The values for the statement's parameters, typed (`QueryParameter.bind`).
    static func arguments(_ parameters: [String: QueryParameter], for names: [String?]) throws -> [String: SQLValue] {
        try QueryParameter.bind(parameters, to: names).mapValues { bound in
            switch bound {
            case .integer(let number): .integer(number)
            case .real(let number): .real(number)
            case .text(let text): .text(text)
            }
        }
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
