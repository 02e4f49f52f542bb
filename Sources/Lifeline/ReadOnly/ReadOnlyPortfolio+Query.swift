import LifelineCore
import LifelineStorage

/// A value a query returns, as SQLite stores it.
public typealias QueryValue = SQLValue

/// The rows of an ad-hoc query, with its column names.
public struct QueryResult {
    public let columns: [String]
    public let rows: [[QueryValue]]
}

extension ReadOnlyPortfolio {
    /// Runs `sql` as one read-only query (see `Database.prepareReadOnlyQuery`): anything
    /// else is refused with the reason (exit 65). `parameters` give each `:NAME` its value,
    /// bound as a number when it reads as one; every parameter needs a value and every
    /// value a parameter (exit 64). A query still running after `timeLimitSeconds` is
    /// interrupted (exit 75: try again with more time).
    public func query(_ sql: String, parameters: [String: String], timeLimitSeconds: Double) throws -> QueryResult {
        try LifelineError.explaining {
            let statement = try refusing { try database.prepareReadOnlyQuery(sql: sql) }
            try statement.bind(try Self.arguments(parameters, for: statement.parameterNames))
            var rows: [[QueryValue]] = []
            try refusing {
                try database.withTimeLimit(seconds: timeLimitSeconds) {
                    try statement.forEachRow { rows.append($0.values) }
                }
            }
            return QueryResult(columns: statement.columnNames, rows: rows)
        } interrupted: {
            "the query was interrupted after \(OutputNumber.text(timeLimitSeconds)) s (--timeout); narrow it or allow more time"
        }
    }

    /// The values for the statement's parameters, typed.
    static func arguments(_ parameters: [String: String], for names: [String?]) throws -> [String: SQLValue] {
        if names.contains(nil) { throw LifelineError(.usage, "use named parameters (:name) with --param, not ?") }
        let wanted = Set(names.compactMap { $0 })
        if let missing = wanted.subtracting(parameters.keys).sorted().first {
            throw LifelineError(.usage, "the query needs --param \(missing)=VALUE")
        }
        if let unused = Set(parameters.keys).subtracting(wanted).sorted().first {
            throw LifelineError(.usage, "the query has no parameter :\(unused)")
        }
        return parameters.mapValues { Int64($0).map(SQLValue.integer) ?? Double($0).map(SQLValue.real) ?? .text($0) }
    }

    /// SQLite's refusals of a user's query, in lifeline's words: the query is the bad
    /// data. A lock held elsewhere and an interruption are left to `explaining`.
    private func refusing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where !error.isBusy && !error.isInterrupted {
            throw LifelineError(.badData, "refused: \(error.message)")
        }
    }
}
