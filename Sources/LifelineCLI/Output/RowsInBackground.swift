import Dispatch

/// Rows whose cells are made, and measured for a table, on another thread while the
/// caller's thread reads what they show.
///
/// `company list` over 100,000 companies read its listings on one thread, then made
/// their 1.4 million cells and measured them on the same one, about 0.1 s after the
/// reading's 0.1 s, with the second core idle. Handed over in batches, a batch's cells
/// are made while the next is read. `cells` runs on the other thread: it must only
/// compute.
final class RowsInBackground<Item: Sendable>: @unchecked Sendable {
    private let format: OutputFormat
    private let cells: @Sendable (Item) -> [OutputValue]
    private let batchSize: Int
    /// Runs one batch at a time, in the order they are handed over.
    private let queue = DispatchQueue(label: "lifeline.rows-in-background", qos: .userInitiated)
    /// Touched only on `queue`.
    private var rows: Rows
    /// The table's measure, taken as the rows are made; nil for the other formats.
    /// Touched only on `queue`.
    private var measure: TableMeasure?
    /// Touched only on the caller's thread.
    private var batch: [Item] = []

    /// Rows of `columns`, to print as `format`, made by `cells`.
    init(columns: [String], format: OutputFormat, batchSize: Int = 4_096, cells: @escaping @Sendable (Item) -> [OutputValue]) {
        precondition(batchSize > 0, "RowsInBackground: a batch holds an item at least")
        self.format = format
        self.cells = cells
        self.batchSize = batchSize
        rows = Rows(columns: columns)
        measure = format == .table ? TableMeasure(columns: columns) : nil
    }

    /// Adds `item`'s row after those of the items appended before it.
    func append(_ item: Item) {
        batch.append(item)
        if batch.count == batchSize { handOver() }
    }

    /// Every item's row, in the order appended, once made, with the table's measure of
    /// them (nil unless the format is a table).
    func finish() -> (rows: Rows, measure: TableMeasure?) {
        handOver()
        return queue.sync { (rows, measure) }
    }

    /// Prints every item's row, in the order appended, as `format`.
    func print() {
        let (rows, measure) = finish()
        guard let measure else { return rows.print(as: format) }
        AlignedTableWriter().write(rows, measure: measure, to: Console.outputWithoutNewline)
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        let items = batch
        batch = []
        batch.reserveCapacity(batchSize)
        queue.async {
            for item in items {
                let row = self.cells(item)
                self.measure?.add(row)
                self.rows.append(row)
            }
        }
    }
}
