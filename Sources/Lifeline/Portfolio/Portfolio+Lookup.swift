import LifelineCore
import LifelineStorage

/// Resolving the names users type into row ids, with "did you mean" on failure.
extension Portfolio {
    /// During a batch, ids already looked up are remembered (see `BatchLookups`).
    func providerID(_ slug: String) throws -> Int64 {
        if let id = batchLookups?.providerIDs[slug] { return id }
        let id = try rowID(table: "providers", slug: slug, noun: "provider")
        batchLookups?.providerIDs[slug] = id
        return id
    }

    func companyID(_ slug: String) throws -> Int64 {
        try rowID(table: "companies", slug: slug, noun: "company")
    }

    /// The id of the row of `table` with `slug`, or an "unknown ..." error with the
    /// closest existing slug and the command that lists them.
    private func rowID(table: String, slug: String, noun: String) throws -> Int64 {
        if let id = try database.fetchOne(sql: "SELECT id FROM \(table) WHERE slug = ?", arguments: [.text(slug)], { try $0.get(0) as Int64 }) {
            return id
        }
        let known = try database.fetchAll(sql: "SELECT slug FROM \(table)") { try $0.get(0) as String }
        throw LifelineError(
            .badData,
            "unknown \(noun) '\(Slug.printable(slug))'" + Suggestion.hint(for: slug, among: known, listCommand: "lifeline \(noun) list"))
    }

    /// The model's id, or nil when its provider exists but the model does not.
    func existingModelID(_ reference: ModelReference) throws -> Int64? {
        if let id = batchLookups?.modelIDs[reference] { return id }
        if batchLookups?.knowsEveryModel == true { return nil }
        let providerID = try providerID(reference.provider)
        let id = try database.fetchOne(
            sql: "SELECT id FROM models WHERE provider_id = ? AND slug = ?",
            arguments: [.integer(providerID), .text(reference.model)]
        ) { try $0.get(0) as Int64 }
        if let id { rememberModel(reference, id: id) }
        return id
    }

    /// Remembers every model's id for the rest of the batch in progress (one query), so
    /// that asking for a model that is not recorded needs no query either.
    func rememberEveryModel() throws {
        guard batchLookups != nil else { return }
        try database.cachedStatement(sql: "SELECT m.id, p.slug, m.slug FROM models m JOIN providers p ON p.id = m.provider_id")
            .forEachRow { rememberModel(ModelReference(provider: try $0.get(1), model: try $0.get(2)), id: try $0.get(0)) }
        batchLookups?.knowsEveryModel = true
    }

    /// Remembers a model's id for the rest of the batch, if one is in progress.
    func rememberModel(_ reference: ModelReference, id: Int64) {
        batchLookups?.modelIDs[reference] = id
    }

    func modelID(_ reference: ModelReference) throws -> Int64 {
        if let id = try existingModelID(reference) { return id }
        throw try unknownModel(reference)
    }

    /// The error for a model that is not recorded, with the closest recorded one.
    func unknownModel(_ reference: ModelReference, hint: String = "") throws -> LifelineError {
        let known = try database.fetchAll(
            sql: "SELECT p.slug || '/' || m.slug FROM models m JOIN providers p ON p.id = m.provider_id"
        ) { try $0.get(0) as String }
        let suggestion = Suggestion.hint(for: reference.description, among: known, listCommand: "lifeline model list")
        return LifelineError(.badData, "unknown model '\(reference)'" + hint + suggestion)
    }

    /// Resolves a capability by slug or by alias.
    func capabilityID(_ name: String) throws -> Int64 {
        if let id = batchLookups?.capabilityIDs[name] { return id }
        if let id = try database.fetchOne(
            sql: """
                SELECT id FROM capabilities WHERE slug = ?1
                UNION ALL
                SELECT capability_id FROM capability_aliases WHERE alias = ?1
                LIMIT 1
                """,
            arguments: [.text(name)], { try $0.get(0) as Int64 })
        {
            batchLookups?.capabilityIDs[name] = id
            return id
        }
        let known = try database.fetchAll(sql: "SELECT slug FROM capabilities") { try $0.get(0) as String }
        throw LifelineError(
            .badData,
            "unknown capability '\(Slug.printable(name))'" + Suggestion.hint(for: name, among: known, listCommand: "lifeline capability list"))
    }

    /// The capability's slug for a slug or an alias.
    func capabilitySlug(_ name: String) throws -> String {
        try capabilitySlug(id: try capabilityID(name))
    }

    func capabilitySlug(id: Int64) throws -> String {
        if let slug = batchLookups?.capabilitySlugs[id] { return slug }
        guard let slug = try database.fetchOne(sql: "SELECT slug FROM capabilities WHERE id = ?", arguments: [.integer(id)], {
            try $0.get(0) as String
        }) else { throw LifelineError(.badData, "no capability \(id)") }
        batchLookups?.capabilitySlugs[id] = slug
        return slug
    }
}
