import Testing
@testable import LifelineCLI

@Suite("Rows made on another thread")
struct RowsInBackgroundTests {
    static let columns = ["name", "n", "note"]

    /// Rows unlike from one batch to the next: accented text, numbers, NULLs, blank cells.
    @Sendable static func cells(_ index: Int) -> [OutputValue] {
        [
            .text(index % 7 == 0 ? "Zoë Café \(index)" : "company-\(index)"),
            index % 5 == 0 ? .null : .integer(Int64(index * (index % 2 == 0 ? 1 : -1))),
            index % 3 == 0 ? .number(Double(index) / 4) : .text(String(repeating: "x", count: index % 11)),
        ]
    }

    static func directly(_ count: Int) -> Rows {
        var rows = Rows(columns: columns)
        for index in 0..<count { rows.append(cells(index)) }
        return rows
    }

    @Test("the rows are those made on this thread, in order, whatever the batch size")
    func sameRows() {
        for (count, batchSize) in [(0, 1), (1, 1), (10, 3), (12, 3), (50, 4_096)] {
            let rows = RowsInBackground<Int>(columns: Self.columns, format: .json, batchSize: batchSize, cells: Self.cells)
            for index in 0..<count { rows.append(index) }
            let (made, measure) = rows.finish()
            #expect(made.columns == Self.columns)
            #expect(made.values == Self.directly(count).values, "\(count) rows in batches of \(batchSize)")
            #expect(measure == nil, "only a table is measured")
        }
    }

    @Test("the table measured batch by batch is the table measured whole")
    func sameTable() {
        for (count, batchSize) in [(0, 2), (1, 2), (25, 2), (25, 7)] {
            let rows = RowsInBackground<Int>(columns: Self.columns, format: .table, batchSize: batchSize, cells: Self.cells)
            for index in 0..<count { rows.append(index) }
            let (made, measure) = rows.finish()
            var pieces: [String] = []
            AlignedTableWriter().write(made, measure: measure) { pieces.append($0) }
            #expect(pieces.joined() == AlignedTableWriter().render(Self.directly(count)) + "\n", "\(count) rows in batches of \(batchSize)")
        }
    }
}
