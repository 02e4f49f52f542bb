/// Reads LiteLLM's `model_prices_and_context_window.json`: an object keyed by model name,
/// each with `litellm_provider`, `mode`, `max_input_tokens`, `supports_*` flags and
/// sometimes `deprecation_date`. It gives no release dates.
public enum LiteLLMCatalogue {
    public static func read(_ document: JSONValue, fileName: String, strict: Bool = false) throws -> Catalogue {
        let root = JSONReader(path: "$", value: document)
        var problems = Problems(strict: strict)
        var models: [CatalogueModel] = []
        for (key, value) in try root.object() where key != "sample_spec" {
            let entry = JSONReader(path: "$.\(key)", value: value)
            var flags = Set<String>()
            for (field, value) in try entry.object() where field.hasPrefix("supports_") {
                if case .bool(let isTrue) = value {
                    if isTrue { flags.insert(field) }
                } else if value != .null {
                    throw JSONReader(path: "\(entry.path).\(field)", value: value).mismatch("true or false")
                }
            }
            if let mode = try entry.optionalString("mode"), mode != "chat", mode != "completion" {
                flags.insert("mode:\(mode.lowercased())")
            }
            if let tokens = entry.member("max_input_tokens"), tokens.value != .null {
                if case .number(let count) = tokens.value, count >= longContextTokens { flags.insert("context:100k") }
            }
            let rules = ModalityRule.apply(to: &flags, inputs: nil)
            let slash = key.firstIndex(of: "/")
            guard let provider = try entry.optionalString("litellm_provider") ?? slash.map({ String(key[..<$0]) }) else {
                try problems.record("\(entry.path): has no 'litellm_provider'; skipped")
                continue
            }
            // "azure/gpt-4o" under provider "azure" is the model "gpt-4o".
            let modelID = key.hasPrefix(provider + "/") ? String(key.dropFirst(provider.count + 1)) : key
            var deprecation: CivilDate?
            if let text = try entry.optionalString("deprecation_date") {
                if let date = CivilDate(iso: text) {
                    deprecation = date
                } else {
                    try problems.record("\(entry.path).deprecation_date: '\(Slug.printable(text))' is not a date (YYYY-MM-DD); ignored")
                }
            }
            models.append(CatalogueModel(
                path: entry.path, providerID: provider, providerName: nil, modelID: modelID, name: nil,
                releaseDate: .unknown, lastUpdated: nil, flags: flags, deprecation: deprecation,
                modalityRules: rules))
        }
        return Catalogue(name: "LiteLLM", fileName: fileName, models: models, problems: problems.messages)
    }
}
