import LifelineCore
import LifelineStorage

/// Model families and the labs that make them (`model_families`): how `v_model_origins`
/// finds a model's origin lab from a catalogue's family field or the model's id, and how
/// the imports guess a new provider's role. Seeded by the migrations; users add and
/// correct them as with capability aliases.
extension ModelCatalogue {
    public struct FamilyMapping: Equatable, Sendable {
        public let family: String
        public let lab: String
    }

    /// Maps `family` to `lab`, replacing what it mapped to before (returned). The lab
    /// must not be a recorded host: a family's lab makes models.
    @discardableResult
    public func mapFamily(_ family: String, to lab: String) throws -> String? {
        guard ModelFamily.isValid(family) else {
            throw LifelineError(
                .badData,
                "invalid family '\(Slug.printable(family))': use lower-case letters, digits, '.', '_' and '-', up to 64 characters")
        }
        try Slug.validate(lab, kind: "lab")
        return try write { _ in
            if let role = try database.fetchOne(sql: "SELECT role FROM providers WHERE slug = ?", arguments: [.text(lab)], { try $0.get(0) as Provider.Role }),
                role == .host
            {
                throw LifelineError(
                    .badData, "'\(lab)' is a host, which serves other labs' models; name the lab that makes the family (or 'lifeline provider edit \(lab) --role lab')")
            }
            let previous = try database.fetchOne(
                sql: "SELECT lab FROM model_families WHERE family = ?", arguments: [.text(family)]) { try $0.get(0) as String }
            try database.execute(
                sql: "INSERT INTO model_families (family, lab) VALUES (?1, ?2) ON CONFLICT (family) DO UPDATE SET lab = ?2",
                arguments: [.text(family), .text(lab)])
            return previous
        }
    }

    /// Removes `family`'s mapping and returns the lab it mapped to.
    @discardableResult
    public func unmapFamily(_ family: String) throws -> String {
        try write { _ in
            guard let lab = try database.fetchOne(
                sql: "SELECT lab FROM model_families WHERE family = ?", arguments: [.text(family)], { try $0.get(0) as String })
            else {
                let known = try families().map(\.family)
                throw LifelineError(
                    .badData,
                    "no family '\(Slug.printable(family))'"
                        + (Suggestion.closest(to: family, among: known).map { "; did you mean '\($0)'?" } ?? "; 'lifeline family list' lists them"))
            }
            try database.execute(sql: "DELETE FROM model_families WHERE family = ?", arguments: [.text(family)])
            return lab
        }
    }

    /// Every mapping, by family.
    public func families() throws -> [FamilyMapping] {
        try database.fetchAll(sql: "SELECT family, lab FROM model_families ORDER BY family") {
            FamilyMapping(family: try $0.get(0), lab: try $0.get(1))
        }
    }

    /// The models among `references` whose origin lab `v_model_origins` cannot find,
    /// by the same rules in Swift (`ModelOrigin`): the view over every model took longer
    /// than the rest of a catalogue import.
    func modelsWithoutOrigin(among references: [ModelReference]) throws -> [ModelReference] {
        guard !references.isEmpty else { return [] }
        let wanted = Set(references)
        let rules = try originRules()
        return try database.fetchAll(sql: """
            SELECT p.slug, m.slug, m.family, p.role FROM models m JOIN providers p ON p.id = m.provider_id ORDER BY p.slug, m.slug
            """) { row -> ModelReference? in
            let reference = ModelReference(provider: try row.get(0), model: try row.get(1))
            guard wanted.contains(reference) else { return nil }
            let origin = ModelOrigin.find(
                slug: reference.model, family: try row.get(2), provider: reference.provider,
                providerIsLab: try row.get(3) as Provider.Role == .lab, rules: rules)
            return origin == nil ? reference : nil
        }.compactMap { $0 }
    }

    /// What `ModelOrigin` reads: the labs among the providers and the known roles, and
    /// the families.
    func originRules() throws -> ModelOrigin.Rules {
        let labs = try database.fetchAll(sql: """
            SELECT slug FROM providers WHERE role = 'lab' UNION SELECT slug FROM known_provider_roles WHERE role = 'lab'
            """) { try $0.get(0) as String }
        return ModelOrigin.Rules(labNames: Set(labs), families: Dictionary(uniqueKeysWithValues: try families().map { ($0.family, $0.lab) }))
    }
}
