/// Reads models.dev's `api.json`: an object keyed by provider id, each with `name` and
/// `models`, an object keyed by model id. Missing fields mean "unknown", never false.
public enum ModelsDevCatalogue {
    public static func read(_ document: JSONValue, fileName: String, strict: Bool = false) throws -> Catalogue {
        let root = JSONReader(path: "$", value: document)
        var problems = Problems(strict: strict)
        var models: [CatalogueModel] = []
        for (providerKey, providerValue) in try root.object() {
            let provider = JSONReader(path: "$.\(providerKey)", value: providerValue)
            _ = try provider.object()
            guard let modelsMember = provider.member("models") else {
                throw LifelineError(.badData, "\(provider.path): has no 'models'")
            }
            let providerID = try provider.optionalString("id") ?? providerKey
            let providerName = try provider.optionalString("name")
            for (modelKey, modelValue) in try modelsMember.object() {
                let model = JSONReader(path: "\(modelsMember.path).\(modelKey)", value: modelValue)
                models.append(try readModel(model, key: modelKey, providerID: providerID, providerName: providerName, problems: &problems))
            }
        }
        return Catalogue(name: "models.dev", fileName: fileName, models: models, problems: problems.messages)
    }

    static func readModel(
        _ model: JSONReader, key: String, providerID: String, providerName: String?, problems: inout Problems
    ) throws -> CatalogueModel {
        var flags = Set<String>()
        for (field, value) in try model.object() {
            if case .bool(let isTrue) = value, isTrue { flags.insert(field) }
        }
        for field in ["attachment", "reasoning", "tool_call", "structured_output", "temperature", "open_weights"] {
            if let member = model.member(field), member.value != .null { _ = try member.bool() }
        }
        var inputs: [String]? = nil
        if let modalities = model.member("modalities"), modalities.value != .null {
            _ = try modalities.object()
            for direction in ["input", "output"] {
                guard let list = modalities.member(direction), list.value != .null else { continue }
                let kinds = try list.stringArray()
                if direction == "input" { inputs = kinds }
                for kind in kinds where kind != "text" { flags.insert("\(direction):\(kind.lowercased())") }
            }
        }
        if let limit = model.member("limit"), limit.value != .null, let context = limit.member("context"), context.value != .null {
            let tokens = try context.number()
            guard tokens >= 0, tokens < 1e12 else {
                throw LifelineError(.badData, "\(context.path): \(OutputNumber.text(tokens)) is not a context size")
            }
            if tokens >= longContextTokens { flags.insert("context:100k") }
        }
        let rules = ModalityRule.apply(to: &flags, inputs: inputs)
        let lastUpdated: CivilDate?
        switch try model.date("last_updated", problems: &problems) {
        case .day(let date), .month(let date): lastUpdated = date
        case .unknown: lastUpdated = nil
        }
        return CatalogueModel(
            path: model.path, providerID: providerID, providerName: providerName,
            modelID: try model.optionalString("id") ?? key, name: try model.optionalString("name"),
            family: try model.optionalString("family").map { $0.lowercased() }.flatMap { ModelFamily.isValid($0) ? $0 : nil },
            releaseDate: try model.date("release_date", problems: &problems), lastUpdated: lastUpdated, flags: flags, deprecation: nil,
            modalityRules: rules)
    }
}
