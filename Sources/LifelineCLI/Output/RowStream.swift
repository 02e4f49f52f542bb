/// Rows written as they come, for the formats that need no look at the whole result
/// (csv, tsv, jsonl): `lifeline sql` over millions of rows holds none of them, and its
/// time limit covers writing them. The bytes are those the format's `RowWriter` writes
/// for the whole result.
struct RowStream {
    let format: OutputFormat
    let columns: [String]

    /// A stream for `format`, or nil when the format needs every row first (a table
    /// aligns its columns; JSON and Markdown are left whole).
    init?(format: OutputFormat, columns: [String]) {
        guard format == .csv || format == .tsv || format == .jsonl else { return nil }
        self.format = format
        self.columns = columns
        switch format {
        case .csv: Console.output(CSVRowWriter.line(columns))
        case .tsv: Console.output(TSVRowWriter.line(columns))
        default: break
        }
    }

    func write(_ row: [OutputValue]) {
        switch format {
        case .csv: Console.output(CSVRowWriter.line(row.map(\.plainText)))
        case .tsv: Console.output(TSVRowWriter.line(row.map(\.plainText)))
        default: Console.output(Rows(columns: columns).jsonObject(row).serialized())
        }
    }
}
