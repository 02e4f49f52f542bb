/// Inserting many rows with few statements.
extension Database {
    /// Inserts `count` rows into `table`, many to an `INSERT` statement: at most
    /// `rowsPerStatement`, and no more than `parameterLimit` allows. `row(i, &values)`
    /// appends the values of row `i`, one per column, in the order of `columns`. The rows
    /// go in several statements: call it inside a transaction, as every writer does, so
    /// that a refused row undoes the rows before it.
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
        var start = 0
        var values: [SQLValue] = []
        values.reserveCapacity(min(count, perStatement) * columns.count)
        while start < count {
            let rows = Self.rowsInNextStatement(remaining: count - start, atMost: perStatement)
            values.removeAll(keepingCapacity: true)
            for index in start..<(start + rows) { try row(index, &values) }
            precondition(values.count == rows * columns.count, "insertRows: each row needs one value per column")
            try cachedStatement(sql: insert(rows)).bind(values).execute()
            start += rows
        }
    }

    /// How many of the `remaining` rows the next statement inserts: `atMost` while that
    /// many remain, then the largest power of ten that fits. Preparing a statement costs
    /// about as much as running it, and a statement of any other size is prepared anew:
    /// 572 rows went as one statement of 572 made for them, and go as five of 100, seven
    /// of 10 and two of 1, from at most four statements that every later call reuses.
    static func rowsInNextStatement(remaining: Int, atMost limit: Int) -> Int {
        guard remaining < limit else { return limit }
        var size = 1
        while size * 10 <= remaining { size *= 10 }
        return size
    }
}
