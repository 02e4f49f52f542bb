/// Inserting many rows with few statements.
extension Database {
    /// Inserts `count` rows into `table`, many to an `INSERT` statement: at most
    /// `rowsPerStatement`, and no more than `parameterLimit` allows. `row(i, &values)`
    /// appends the values of row `i`, one per column, in the order of `columns`.
    ///
    /// Executing a statement costs more than adding a row to it: SQLite sets up its
    /// program, rebuilds the lookup table of each `IN (...)` list in the table's CHECK
    /// constraints and, inside a transaction, opens a statement journal. 19,209 rows of
    /// two integers take 60 ms one to a statement and 31 ms a hundred to one.
    public func insertRows(
        into table: String, columns: [String], count: Int, rowsPerStatement: Int,
        _ row: (Int, inout [SQLValue]) throws -> Void
    ) throws {
        let perStatement = max(1, min(rowsPerStatement, parameterLimit / max(1, columns.count)))
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let insert = { (rows: Int) in head + Array(repeating: placeholders, count: rows).joined(separator: ", ") }
        let fullStatement = count >= perStatement ? insert(perStatement) : ""
        var start = 0
        var values: [SQLValue] = []
        values.reserveCapacity(min(count, perStatement) * columns.count)
        while start < count {
            let rows = min(perStatement, count - start)
            values.removeAll(keepingCapacity: true)
            for index in start..<(start + rows) { try row(index, &values) }
            precondition(values.count == rows * columns.count, "insertRows: each row needs one value per column")
            try cachedStatement(sql: rows == perStatement ? fullStatement : insert(rows)).bind(values).execute()
            start += rows
        }
    }
}
