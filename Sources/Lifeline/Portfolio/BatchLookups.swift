import LifelineCore

/// What a batch of writes remembers between them, so that an import of thousands of
/// releases does not ask the database the same question thousands of times. Providers,
/// models and capabilities are never removed or renamed inside a batch, so an answer
/// found once stays true to the batch's end.
struct BatchLookups {
    /// Row ids by slug, by reference, and by the name asked for (a slug or an alias).
    /// Keyed by the values themselves: keys built as text cost more than the lookups.
    var providerIDs: [String: Int64] = [:]
    var modelIDs: [ModelReference: Int64] = [:]
    /// True once `modelIDs` holds every model (`Portfolio.rememberEveryModel`): a model
    /// it lacks is not recorded, and needs no query to say so.
    var knowsEveryModel = false
    var capabilityIDs: [String: Int64] = [:]
    /// Capability slugs by id.
    var capabilitySlugs: [Int64: String] = [:]
    /// The `logged_at` of the batch's releases: they land in one transaction, at one
    /// instant (read from SQLite's clock when the first is logged).
    var loggedAt: String?
}
