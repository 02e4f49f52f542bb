/// Every parser that reads outside input, fed one input: what the fuzzer (`make fuzz`)
/// and the regression tests of the inputs it found (`Tests/FuzzRegressions`) run.
/// Errors are expected; a crash, or a value that does not read back as itself, is a bug.
public enum FuzzedParsers {
    public static let targets = ["dates", "amounts", "slugs", "json", "csv", "models-dev", "litellm", "spreadsheet", "restore", "params"]

    /// Runs `bytes` through the parser named `target` (or all of them for `all`).
    public static func run(_ bytes: [UInt8], target: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        let today = CivilDate(year: 2024, month: 6, day: 1)!
        if target == "all" || target == "dates" {
            if let date = try? CivilDate.parse(text, today: today) {
                precondition(CivilDate(iso: date.iso) == date, "a date does not read back as itself")
                _ = date.adding(months: Int(bytes.first ?? 0) - 128).adding(days: Int(bytes.last ?? 0) * 1000)
            }
        }
        if target == "all" || target == "amounts" {
            if let amount = try? USDAmount.parse(text) {
                precondition(amount.cents >= 0 && amount.cents <= USDAmount.maximumCents, "an amount out of range")
                precondition((try? USDAmount.parse(amount.description)) == amount, "an amount does not read back as itself")
            }
        }
        if target == "all" || target == "slugs" {
            let suggestion = Slug.suggested(from: text)
            precondition(suggestion.isEmpty || Slug.isValid(suggestion), "a suggested slug is not a slug")
            _ = try? ModelReference(parsing: text)
            _ = Suggestion.closest(to: String(text.prefix(64)), among: ["file-upload", "function-calling", "vision"])
        }
        let json = (target == "all" || ["json", "models-dev", "litellm", "spreadsheet"].contains(target))
            ? try? JSONValue.parse(bytes) : nil
        if let json {
            if target == "all" || target == "models-dev" { _ = try? ModelsDevCatalogue.read(json, fileName: "fuzz.json") }
            if target == "all" || target == "litellm" { _ = try? LiteLLMCatalogue.read(json, fileName: "fuzz.json") }
            if target == "all" || target == "spreadsheet" { _ = try? CompanyImportRow.fromJSON(json, fileName: "fuzz.json") }
        }
        if target == "all" || target == "csv" || target == "spreadsheet" {
            _ = try? CSV.records(in: text)
            _ = try? CompanyImportRow.fromCSV(text, fileName: "fuzz.csv")
        }
        if target == "all" || target == "restore" { restoreTables(text, today: today) }
        if target == "all" || target == "params" { parameters(text) }
    }

    /// The input as every file of an export: its rows, and each cell through the parser
    /// restore reads it with.
    static func restoreTables(_ text: String, today: CivilDate) {
        for table in ExportTable.columns.keys.sorted() {
            guard let rows = try? ExportTable.rows(in: text, table: table) else { continue }
            for row in rows {
                precondition(row.location.hasPrefix("\(table).csv:"), "a row without its place")
                for (column, value) in row.values {
                    switch column {
                    case "released_on", "announced_on", "starts_on", "closed_on", "until", "previous_start", "rebuilt_on":
                        _ = try? CivilDate.parse(value, today: today, field: column)
                    case "logged_at", "recorded_at", "superseded_at":
                        if let time = try? TextField.timestamp(value, field: column) { precondition(time.utf8.count == 24) }
                    case "tier_months", "previous_tier_months": _ = try? Company.Tier.parse(value)
                    case "runway_months": _ = try? CompanyFields.parseRunway(value)
                    case "reason": _ = try? ClosingReason.parse(value)
                    case "model", "depends": _ = value.split(separator: ";").map { try? ModelReference(parsing: String($0)) }
                    case "exposures": _ = value.split(separator: ";").map { try? Exposure(cell: String($0)) }
                    case "note": _ = try? TextField.notes(value, field: column)
                    default: _ = try? TextField.oneLine(value, field: column, maximumLength: 2000)
                    }
                }
            }
        }
    }

    /// The input's lines as `--param` and `--param-text` arguments (alternately): what
    /// parses binds, and a number bound reads back as the text typed (-0 as 0).
    static func parameters(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let numbers = lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let texts = lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        guard let parameters = try? QueryParameter.parse(numbers: numbers, texts: texts) else { return }
        guard let bound = try? QueryParameter.bind(parameters, to: Array(parameters.keys)) else {
            preconditionFailure("parameters that parse do not bind to their own names")
        }
        for (name, value) in bound {
            switch value {
            case .integer(let number):
                // -0 binds as 0, the number typed.
                let typed = parameters[name]!.value
                precondition(String(number) == typed || (number == 0 && typed == "-0"), "an integer does not read back")
            case .real(let number): precondition(Double(parameters[name]!.value) == number, "a number does not read back")
            case .text(let text): precondition(text == parameters[name]!.value, "a text parameter changed")
            }
        }
    }
}
