import LifelineCore
import LifelineStorage

/// The catalogue: providers, their models, the capabilities models ship, and the
/// releases that ship them (`ModelCatalogue+Releases`) - what companies depend on and
/// are exposed to.
public struct ModelCatalogue: PortfolioPart {
    let portfolio: Portfolio

    // MARK: Providers

    /// Records a provider. `name` defaults to the slug; `role` to the one
    /// `known_provider_roles` gives the slug, else `lab`.
    public func addProvider(slug: String, name: String?, role: Provider.Role? = nil) throws -> Provider {
        try write { try addProvider(slug: slug, name: name, role: role, in: $0) }
    }

    func addProvider(slug: String, name: String?, role: Provider.Role? = nil, in session: WriteSession) throws -> Provider {
        try Slug.validate(slug, kind: "provider")
        let name = try TextField.name(name ?? slug, of: "provider")
        guard try database.fetchOne(sql: "SELECT 1 FROM providers WHERE slug = ?", arguments: [.text(slug)], { _ in true }) == nil else {
            throw LifelineError(.badData, "provider '\(slug)' already exists")
        }
        let role = try role ?? knownRole(of: slug) ?? .lab
        try database.execute(
            sql: "INSERT INTO providers (slug, name, role) VALUES (?, ?, ?)", arguments: [.text(slug), .text(name), .text(role.rawValue)])
        return Provider(slug: slug, name: name, role: role, modelCount: 0)
    }

    /// The role `known_provider_roles` gives a provider's slug, if any.
    func knownRole(of slug: String) throws -> Provider.Role? {
        try database.fetchOne(sql: "SELECT role FROM known_provider_roles WHERE slug = ?", arguments: [.text(slug)]) {
            try $0.get(0) as Provider.Role
        }
    }

    /// Changes a provider's role, and reassesses the companies exposed to a capability
    /// its releases ship: whether those releases threaten them depends on it.
    @discardableResult
    public func setRole(of slug: String, to role: Provider.Role) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "provider edit \(slug)") { session in
            let id = try session.names.providerID(slug)
            try database.execute(sql: "UPDATE providers SET role = ? WHERE id = ?", arguments: [.text(role.rawValue), .integer(id)])
            session.affect(Set(try database.fetchAll(
                sql: """
                    SELECT e.company_id FROM exposures e WHERE e.capability_id IN (
                        SELECT x.capability_id FROM release_capabilities x JOIN releases r ON r.id = x.release_id
                        JOIN models m ON m.id = r.model_id WHERE m.provider_id = ?1)
                    UNION SELECT l.company_id FROM earlier_lifeline_exposures e JOIN earlier_lifelines l ON l.id = e.lifeline_id
                    WHERE e.capability_id IN (
                        SELECT x.capability_id FROM release_capabilities x JOIN releases r ON r.id = x.release_id
                        JOIN models m ON m.id = r.model_id WHERE m.provider_id = ?1)
                    """,
                arguments: [.integer(id)]) { try $0.get(0) as Int64 }))
        }
    }

    public func providers() throws -> [Provider] {
        try database.fetchAll(
            sql: """
                SELECT p.slug, p.name, p.role, count(m.id) FROM providers p LEFT JOIN models m ON m.provider_id = p.id
                GROUP BY p.id ORDER BY p.slug
                """
        ) { Provider(slug: try $0.get(0), name: try $0.get(1), role: try $0.get(2), modelCount: try $0.get(3)) }
    }

    // MARK: Models

    /// Records a model under an existing provider (never creates the provider), as a
    /// dated snapshot of `snapshotOf` when given.
    public func addModel(_ reference: ModelReference, name: String?, kind: Model.Kind, snapshotOf: ModelReference? = nil) throws -> Model {
        try write { try addModel(reference, name: name, kind: kind, snapshotOf: snapshotOf, in: $0) }
    }

    /// As above, in the session, with the family a catalogue gave it (a restore keeps it).
    func addModel(
        _ reference: ModelReference, name: String?, kind: Model.Kind, snapshotOf: ModelReference? = nil, family: String? = nil,
        in session: WriteSession
    ) throws -> Model {
        let name = try TextField.name(name ?? reference.model, of: "model")
        if let family, !ModelFamily.isValid(family) {
            throw LifelineError(.badData, "invalid family '\(Slug.printable(family))': use lower-case letters, digits, '.', '_' and '-'")
        }
        let baseID = try snapshotOf.map { try snapshotBaseID($0, for: reference, in: session) }
        let id = try insertModel(reference, name: name, kind: kind, family: family, in: session)
        if let baseID { try recordSnapshot(modelID: id, baseID: baseID, in: session) }
        return Model(reference: reference, name: name, kind: kind, snapshotOf: snapshotOf)
    }

    /// Inserts a model in the session (or holds it, see `HeldRows`), with the family a
    /// catalogue gives it (`v_model_origins` reads it); returns its id.
    @discardableResult
    func insertModel(
        _ reference: ModelReference, name: String, kind: Model.Kind, family: String? = nil, in session: WriteSession
    ) throws -> Int64 {
        let providerID = try session.names.providerID(reference.provider)
        guard try session.names.existingModelID(reference) == nil else {
            throw LifelineError(.badData, "model '\(reference)' already exists")
        }
        let id: Int64
        if session.held != nil {
            id = session.held!.holdModel(providerID: providerID, slug: reference.model, name: name, kind: kind, family: family)
        } else {
            try database.execute(
                sql: "INSERT INTO models (provider_id, slug, name, kind, family) VALUES (?, ?, ?, ?, ?)",
                arguments: [.integer(providerID), .text(reference.model), .text(name), .text(kind.rawValue), family.sqlValue])
            id = database.lastInsertedRowID
        }
        session.names.rememberModel(reference, id: id)
        return id
    }

    /// Models, by provider then slug; only `provider`'s when given.
    public func models(provider: String? = nil) throws -> [Model] {
        var sql = """
            SELECT p.slug, m.slug, m.name, m.kind, b.slug FROM models m JOIN providers p ON p.id = m.provider_id
            LEFT JOIN models b ON b.id = m.snapshot_of
            """
        var arguments: [SQLValue] = []
        if let provider {
            arguments.append(.integer(try names.providerID(provider)))
            sql += " WHERE p.id = ?"
        }
        return try database.fetchAll(sql: sql + " ORDER BY p.slug, m.slug", arguments: arguments) { row in
            let provider: String = try row.get(0)
            return Model(
                reference: ModelReference(provider: provider, model: try row.get(1)),
                name: try row.get(2), kind: try row.get(3),
                snapshotOf: (try row.get(4) as String?).map { ModelReference(provider: provider, model: $0) })
        }
    }

    // MARK: Capabilities

    public func addCapability(slug: String, name: String, description: String?) throws -> Capability {
        try Slug.validate(slug, kind: "capability")
        let name = try TextField.name(name, of: "capability")
        let description = try description.map { try TextField.oneLine($0, field: "description", maximumLength: 500) }
        return try write { _ in
            if try database.fetchOne(sql: "SELECT 1 FROM capabilities WHERE slug = ?", arguments: [.text(slug)], { _ in true }) != nil {
                throw LifelineError(.badData, "capability '\(slug)' already exists")
            }
            if let target = try aliasTarget(slug) {
                throw LifelineError(.badData, "'\(slug)' is already an alias of capability '\(target)'")
            }
            try database.execute(
                sql: "INSERT INTO capabilities (slug, name, description) VALUES (?, ?, ?)",
                arguments: [.text(slug), .text(name), description.sqlValue])
            return Capability(slug: slug, name: name, description: description, aliases: [])
        }
    }

    /// Makes `alias` another name for `capability` (for importers and shorthands) and
    /// returns the capability's slug.
    @discardableResult
    public func addCapabilityAlias(capability: String, alias: String) throws -> String {
        guard Self.isValidAlias(alias) else {
            throw LifelineError(
                .badData,
                "invalid alias '\(Slug.printable(alias))': use lower-case letters, digits, '.', '_', ':' and '-', up to 100 characters")
        }
        return try write { session in
            let capabilityID = try session.names.capabilityID(capability)
            if try database.fetchOne(sql: "SELECT 1 FROM capabilities WHERE slug = ?", arguments: [.text(alias)], { _ in true }) != nil {
                throw LifelineError(.badData, "'\(alias)' is already a capability")
            }
            if let target = try aliasTarget(alias) {
                throw LifelineError(.badData, "'\(alias)' is already an alias of capability '\(target)'")
            }
            try database.execute(
                sql: "INSERT INTO capability_aliases (alias, capability_id) VALUES (?, ?)",
                arguments: [.text(alias), .integer(capabilityID)])
            return try session.names.capabilitySlug(alias)
        }
    }

    public func capabilities() throws -> [Capability] {
        try database.fetchAll(
            sql: """
                SELECT c.slug, c.name, c.description,
                       (SELECT group_concat(alias, ',') FROM (SELECT alias FROM capability_aliases a
                        WHERE a.capability_id = c.id ORDER BY alias))
                FROM capabilities c ORDER BY c.slug
                """
        ) { row in
            let aliases = (try row.get(3) as String?)?.split(separator: ",").map(String.init).sorted() ?? []
            return Capability(slug: try row.get(0), name: try row.get(1), description: try row.get(2), aliases: aliases)
        }
    }

    private func aliasTarget(_ alias: String) throws -> String? {
        try database.fetchOne(
            sql: "SELECT c.slug FROM capability_aliases a JOIN capabilities c ON c.id = a.capability_id WHERE a.alias = ?",
            arguments: [.text(alias)]) { try $0.get(0) as String }
    }

    static func isValidAlias(_ alias: String) -> Bool {
        guard let first = alias.unicodeScalars.first, alias.unicodeScalars.count <= 100,
            ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return alias.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_:".unicodeScalars.contains($0)
        }
    }
}
