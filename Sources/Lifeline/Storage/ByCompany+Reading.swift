import LifelineStorage

extension ByCompany {
    /// The rows of `statement`, whose first column is the company's id, as `value` reads
    /// each; `capacity` rows are made room for at once when the count is known.
    init(reading statement: Statement, reservingCapacity capacity: Int = 0, _ value: (Row) throws -> Value) throws {
        var companyIDs: [Int64] = []
        var values: [Value] = []
        companyIDs.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        try statement.forEachRow { row in
            companyIDs.append(try row.get(0))
            values.append(try value(row))
        }
        self.init(companyIDs: companyIDs, values: values)
    }
}
