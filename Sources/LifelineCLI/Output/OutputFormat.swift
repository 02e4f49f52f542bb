import ArgumentParser

/// How a command that prints rows prints them (`--format`).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for people.
    case table
    /// One JSON array of objects with snake_case keys; `[]` for no rows.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 CSV with a header row; NULL is an empty cell.
    case csv
    /// Tab-separated with a header row; tabs, newlines and backslashes escaped.
    case tsv
    /// A GitHub-flavoured Markdown table.
    case markdown

    /// The writer that renders rows in this format.
    var writer: any RowWriter {
        switch self {
        case .table: AlignedTableWriter()
        case .json: JSONRowWriter(linePerRow: false)
        case .jsonl: JSONRowWriter(linePerRow: true)
        case .csv: CSVRowWriter()
        case .tsv: TSVRowWriter()
        case .markdown: MarkdownRowWriter()
        }
    }
}

/// The shared `--format` option.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table
}
