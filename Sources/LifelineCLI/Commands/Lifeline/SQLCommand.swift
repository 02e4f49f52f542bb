import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline sql`: ad-hoc, read-only SQL over the database and its reporting views.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query (views: docs/schema.md).",
        discussion: """
            It can never write: the database is opened read-only, and anything that is \
            not a single query that reads - INSERT, UPDATE, DELETE, DDL, ATTACH, pragmas \
            that set something, VACUUM, several statements - is refused with the reason. \
            :NAME parameters take --param NAME=VALUE (a plain decimal number - 42, -7, \
            0.5 - is bound as a number; 007, 1e3, 0x1f, inf and nan stay text) or \
            --param-text NAME=VALUE (always text). A query still running after --timeout \
            seconds is interrupted (exit 75). csv, tsv and jsonl are written row by row, \
            within the time limit: an interrupted query leaves the rows written so far.

            Examples:
              lifeline sql "SELECT status, count(*) FROM v_company_lifeline GROUP BY 1"
              lifeline sql --saved ending-within --param days=90 --format csv
              lifeline sql --file quarterly.sql --format markdown
              echo "SELECT * FROM v_portfolio_status" | lifeline sql -
              lifeline sql --list
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The query; - reads it from standard input.")
    var query: String?
    @Option(help: ArgumentHelp("Read the query from a file.", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("Run a saved query (see --list).", valueName: "name"))
    var saved: String?
    @Flag(help: "List the saved queries.")
    var list = false
    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A value for :NAME in the query, a number when it is a plain decimal one (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []
    @Option(name: .customLong("param-text"), help: ArgumentHelp("A value for :NAME bound as text, whatever it looks like (repeatable).", valueName: "NAME=VALUE"))
    var textParameters: [String] = []
    @Option(help: ArgumentHelp("Interrupt the query after this many seconds.", valueName: "seconds"))
    var timeout: Double = 30
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let sources = [query != nil, file != nil, saved != nil].filter { $0 }.count
        if list && sources > 0 { throw ValidationError("--list takes no query") }
        if !list && sources != 1 { throw ValidationError("give one query: QUERY, - (standard input), --file or --saved") }
        if !(timeout > 0 && timeout <= 86_400) { throw ValidationError("--timeout takes seconds from 0 to 86400") }
    }

    func run() throws {
        if list {
            var rows = Rows(columns: ["name", "description"])
            for query in SavedQuery.all { rows.append([.text(query.name), .text(query.description)]) }
            rows.print(as: output.format)
            return
        }
        var rows = Rows(columns: [])
        var stream: RowStream?
        try global.openReadOnly().query(
            try querySource(), parameters: try parameterValues(), timeLimitSeconds: timeout,
            columns: { columns in
                stream = RowStream(format: output.format, columns: columns)
                rows = Rows(columns: columns)
            }
        ) { row in
            let values = row.map(OutputValue.init)
            if let stream { stream.write(values) } else { rows.append(values) }
        }
        if stream == nil { rows.print(as: output.format) }
    }

    /// The query's text, from wherever it was given.
    private func querySource() throws -> String {
        if let saved { return try SavedQuery.named(saved).sql }
        if let file { return try readText(path: file, what: "query file") }
        if query == "-" {
            var text = ""
            while let line = readLine(strippingNewline: false) { text += line }
            return text
        }
        return query ?? ""
    }

    /// The `--param` and `--param-text` values by name (the query says which it needs).
    private func parameterValues() throws -> [String: QueryParameter] {
        try QueryParameter.parse(numbers: parameters, texts: textParameters)
    }
}

extension OutputValue {
    /// A stored value as printed: blobs as hex, like SQLite's `x'...'` literals.
    init(_ value: QueryValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .number(number)
        case .text(let text): self = .text(text)
        case .blob(let bytes):
            let digits = Array("0123456789abcdef")
            self = .text("x'" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }) + "'")
        }
    }
}
