/// Every parser that reads outside input, fed one input: what the fuzzer (`make fuzz`)
/// and the regression tests of the inputs it found (`Tests/FuzzRegressions`) run.
/// Errors are expected; a crash, or a value that does not read back as itself, is a bug.
public enum FuzzedParsers {
    public static let targets = ["dates", "amounts", "slugs", "json", "csv", "models-dev", "litellm", "spreadsheet"]

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
    }
}
