import LifelineCore
import LifelineStorage

/// Resolves the names users type into row ids, with "did you mean" on failure.
///
/// A batch's lookup remembers its answers (`remembering`), so that an import of
/// thousands of releases does not ask the database the same question thousands of
/// times. Providers, models and capabilities are never removed or renamed inside a
/// batch, so an answer found once stays true to the batch's end.
final class NameLookup {
    let database: Database
    /// Row ids by slug, by reference, and by the name asked for (a slug or an alias);
    /// nil when this lookup does not remember. Keyed by the values themselves: keys
    /// built as text cost more than the lookups.
    private var providerIDs: [String: Int64]?
    private var modelIDs: [ModelReference: Int64]?
    private var capabilityIDs: [String: Int64]?
    /// Capability slugs by id.
    private var capabilitySlugs: [Int64: String]?
    /// True once `modelIDs` holds every model (`rememberEveryModel`): a model it lacks is
    /// not recorded, and needs no query to say so.
    private var knowsEveryModel = false

    init(database: Database, remembering: Bool = false) {
        self.database = database
        if remembering {
            providerIDs = [:]
            modelIDs = [:]
            capabilityIDs = [:]
            capabilitySlugs = [:]
        }
    }

    func providerID(_ slug: String) throws -> Int64 {
        if let id = providerIDs?[slug] { return id }
        let id = try rowID(table: "providers", slug: slug, noun: "provider")
        providerIDs?[slug] = id
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
        if let id = modelIDs?[reference] { return id }
        if knowsEveryModel { return nil }
        let providerID = try providerID(reference.provider)
        let id = try database.fetchOne(
            sql: "SELECT id FROM models WHERE provider_id = ? AND slug = ?",
            arguments: [.integer(providerID), .text(reference.model)]
        ) { try $0.get(0) as Int64 }
        if let id { rememberModel(reference, id: id) }
        return id
    }

    /// Remembers every model's id (one query), so that asking for a model that is not
    /// recorded needs no query either. Nothing, for a lookup that does not remember.
    func rememberEveryModel() throws {
        guard modelIDs != nil else { return }
        try database.cachedStatement(sql: "SELECT m.id, p.slug, m.slug FROM models m JOIN providers p ON p.id = m.provider_id")
            .forEachRow { rememberModel(ModelReference(provider: try $0.get(1), model: try $0.get(2)), id: try $0.get(0)) }
        knowsEveryModel = true
    }

    /// Remembers a model's id, when this lookup remembers.
    func rememberModel(_ reference: ModelReference, id: Int64) {
        modelIDs?[reference] = id
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
        if let id = capabilityIDs?[name] { return id }
        if let id = try database.fetchOne(
            sql: """
                SELECT id FROM capabilities WHERE slug = ?1
                UNION ALL
                SELECT capability_id FROM capability_aliases WHERE alias = ?1
                LIMIT 1
                """,
            arguments: [.text(name)], { try $0.get(0) as Int64 })
        {
            capabilityIDs?[name] = id
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
        if let slug = capabilitySlugs?[id] { return slug }
        guard let slug = try database.fetchOne(sql: "SELECT slug FROM capabilities WHERE id = ?", arguments: [.integer(id)], {
            try $0.get(0) as String
        }) else { throw LifelineError(.badData, "no capability \(id)") }
        capabilitySlugs?[id] = slug
        return slug
    }
}
