import LifelineCore
import LifelineStorage

/// Dated snapshots (`models.snapshot_of`, migration 0014): `openai/gpt-3.5-turbo-0613`
/// is a snapshot of `openai/gpt-3.5-turbo`, so what it ships reaches the base's
/// dependents, and the base's retirement retires it too (docs/engine.md, rules 4 and 7).
extension ModelCatalogue {
    /// Records `model` as a snapshot of `base`, or as no snapshot (nil), and reassesses
    /// the companies that depend on it or on its base, old or new.
    @discardableResult
    public func setSnapshot(_ model: ModelReference, of base: ModelReference?) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "model edit \(model)") { session in
            let modelID = try session.names.modelID(model)
            let oldBase = try database.fetchOne(
                sql: "SELECT snapshot_of FROM models WHERE id = ?", arguments: [.integer(modelID)]) { try $0.get(0) as Int64? } ?? nil
            if base != nil {
                let snapshots = try database.fetchAll(
                    sql: "SELECT m.slug FROM models m WHERE m.snapshot_of = ? ORDER BY m.slug", arguments: [.integer(modelID)]
                ) { "\(model.provider)/\(try $0.get(0) as String)" }
                guard snapshots.isEmpty else {
                    throw LifelineError(
                        .badData,
                        "'\(model)' has snapshots of its own (\(snapshots.joined(separator: ", "))); a snapshot's base is no snapshot itself")
                }
            }
            let baseID = try base.map { try snapshotBaseID($0, for: model, in: session) }
            try database.execute(
                sql: "UPDATE models SET snapshot_of = ? WHERE id = ?", arguments: [baseID.map(SQLValue.integer) ?? .null, .integer(modelID)])
            session.affect(try dependents(ofModels: [modelID] + [oldBase, baseID].compactMap { $0 }))
        }
    }

    /// The id of `base`, checked as a base for `model`: recorded, of the same provider,
    /// another model, and no snapshot itself.
    func snapshotBaseID(_ base: ModelReference, for model: ModelReference, in session: WriteSession) throws -> Int64 {
        guard base.provider == model.provider else {
            throw LifelineError(
                .badData, "'\(model)' cannot be a snapshot of '\(base)': a snapshot's base is a model of the same provider")
        }
        guard base != model else { throw LifelineError(.badData, "'\(model)' cannot be a snapshot of itself") }
        let baseID = try session.names.modelID(base)
        if let baseOfBase = try session.held?.snapshots.first(where: { $0.model == baseID })?.base
            ?? database.fetchOne(sql: "SELECT snapshot_of FROM models WHERE id = ?", arguments: [.integer(baseID)], { try $0.get(0) as Int64? }) ?? nil
        {
            let name = try database.fetchOne(sql: "SELECT slug FROM models WHERE id = ?", arguments: [.integer(baseOfBase)]) { try $0.get(0) as String }
            throw LifelineError(
                .badData,
                "'\(base)' is itself a snapshot of '\(base.provider)/\(name ?? "?")'; name that model as the base of '\(model)'")
        }
        return baseID
    }

    /// Records a model of the session as a snapshot of another: held with the rows of an
    /// import, written at once otherwise.
    func recordSnapshot(modelID: Int64, baseID: Int64, in session: WriteSession) throws {
        if session.held != nil {
            session.held!.holdSnapshot(model: modelID, of: baseID)
        } else {
            try database.execute(sql: "UPDATE models SET snapshot_of = ? WHERE id = ?", arguments: [.integer(baseID), .integer(modelID)])
        }
    }

    /// Records as snapshots the models `created` whose id is a recorded model's id with a
    /// dated suffix (`DatedSnapshotName`), when that model is no snapshot itself. For the
    /// catalogue imports, which change nothing already recorded: only new models become
    /// snapshots. Returns each snapshot with its base.
    func recordDatedSnapshots(among created: [ModelReference], in session: WriteSession) throws -> [(snapshot: ModelReference, base: ModelReference)] {
        var recorded: [(snapshot: ModelReference, base: ModelReference)] = []
        var snapshots = Set<ModelReference>()
        // A base's id is a prefix of its snapshot's, so it comes first in this order, and
        // whether it became a snapshot itself is known by the time its snapshots come.
        for model in created.sorted(by: { ($0.provider, $0.model) < ($1.provider, $1.model) }) {
            guard let baseSlug = DatedSnapshotName.base(of: model.model) else { continue }
            let base = ModelReference(provider: model.provider, model: baseSlug)
            guard let baseID = try session.names.existingModelID(base), !snapshots.contains(base),
                try database.fetchOne(sql: "SELECT snapshot_of FROM models WHERE id = ?", arguments: [.integer(baseID)], { try $0.get(0) as Int64? }) ?? nil == nil
            else { continue }
            try recordSnapshot(modelID: try session.names.modelID(model), baseID: baseID, in: session)
            snapshots.insert(model)
            recorded.append((model, base))
        }
        return recorded
    }

    /// The companies that depend on any of `models`, in any of their lifelines.
    private func dependents(ofModels models: [Int64]) throws -> Set<Int64> {
        Set(try database.fetchAll(
            sql: """
                SELECT company_id FROM dependencies WHERE model_id IN (SELECT value FROM json_each(?1))
                UNION SELECT l.company_id FROM earlier_lifeline_dependencies d JOIN earlier_lifelines l ON l.id = d.lifeline_id
                WHERE d.model_id IN (SELECT value FROM json_each(?1))
                """,
            arguments: [Reassessment.jsonArray(models)]) { try $0.get(0) as Int64 })
    }
}
