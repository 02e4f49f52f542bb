import LifelineCore
import LifelineStorage

/// Models and releases a catalogue import has checked and holds back, to write them
/// many to a statement when it ends (`Portfolio.batch(holdingRows:)`): an import records
/// thousands of each, and executing a statement costs more than the row it adds.
///
/// Rows are given their ids when held (the next after the largest in the table), so
/// that a release can name a model, and the batch its releases, before either is
/// written. Everything that reads them back in the meantime asks here first: model
/// ids (remembered by the session's `NameLookup`) and the duplicate check of a release.
struct HeldRows {
    struct ModelRow {
        let id: Int64
        let providerID: Int64
        let slug: String
        let name: String
        let kind: Model.Kind
        let family: String?
    }

    struct ReleaseRow {
        let modelID: Int64
        let capabilityIDs: [Int64]
        /// As it will read once written.
        let release: Release
    }

    private(set) var models: [ModelRow] = []
    /// Held models recorded as snapshots of other models (held or written), set once
    /// every model is written: a base may be held after its snapshot.
    private(set) var snapshots: [(model: Int64, base: Int64)] = []
    private(set) var releases: [ReleaseRow] = []
    /// Indexes into `releases`, by model id: for the duplicate check.
    private var releasesByModel: [Int64: [Int]] = [:]
    /// Held models take the ids from here on: every model created while rows are held is.
    private let firstModelID: Int64
    private var nextModelID: Int64
    private var nextReleaseID: Int64

    /// `lastModelID` and `lastReleaseID`: the largest ids in their tables (0 if empty).
    init(lastModelID: Int64, lastReleaseID: Int64) {
        firstModelID = lastModelID + 1
        nextModelID = firstModelID
        nextReleaseID = lastReleaseID + 1
    }

    /// Holds a model; returns its id.
    mutating func holdModel(providerID: Int64, slug: String, name: String, kind: Model.Kind, family: String?) -> Int64 {
        let id = nextModelID
        nextModelID += 1
        models.append(ModelRow(id: id, providerID: providerID, slug: slug, name: name, kind: kind, family: family))
        return id
    }

    /// Records a held model as a snapshot of `base`.
    mutating func holdSnapshot(model: Int64, of base: Int64) {
        snapshots.append((model, base))
    }

    /// The id the next held release will have.
    var nextReleaseIDToHold: Int64 { nextReleaseID }

    /// Holds a release, whose id must be `nextReleaseIDToHold`.
    mutating func holdRelease(_ release: Release, modelID: Int64, capabilityIDs: [Int64]) {
        precondition(release.id == nextReleaseID, "a held release takes the next id")
        nextReleaseID += 1
        releasesByModel[modelID, default: []].append(releases.count)
        releases.append(ReleaseRow(modelID: modelID, capabilityIDs: capabilityIDs, release: release))
    }

    /// True when the model is held, not written: the database has no release of it yet.
    func isHeld(modelID: Int64) -> Bool { modelID >= firstModelID }

    /// A held release of the model, on the date, of the kind, shipping exactly these
    /// (sorted) capabilities.
    func identicalRelease(modelID: Int64, on date: CivilDate, kind: Release.Kind, capabilityIDs: [Int64]) -> Release? {
        for index in releasesByModel[modelID] ?? [] {
            let row = releases[index]
            if row.release.releasedOn == date, row.release.kind == kind, row.capabilityIDs == capabilityIDs { return row.release }
        }
        return nil
    }
}

extension HeldRows {
    /// Ready to hold rows after those of `database`.
    init(lastIDsIn database: Database) throws {
        let largestID = { (table: String) in
            try database.fetchOne(sql: "SELECT coalesce(max(id), 0) FROM \(table)") { try $0.get(0) as Int64 } ?? 0
        }
        self.init(lastModelID: try largestID("models"), lastReleaseID: try largestID("releases"))
    }

    /// 100 rows a statement: the cost of executions no longer shows, and a statement
    /// stays a few kilobytes of SQL.
    static let rowsPerStatement = 100

    /// Writes what is held: models, releases, then their capability rows, up to
    /// `rowsPerStatement` to a statement, and last which models are snapshots. On an error nothing is written - the session's
    /// transaction is undone anyway.
    func write(to database: Database) throws {
        try database.insertRows(
            into: "models", columns: ["id", "provider_id", "slug", "name", "kind", "family"], count: models.count,
            rowsPerStatement: Self.rowsPerStatement
        ) { index, values in
            let model = models[index]
            values += [
                .integer(model.id), .integer(model.providerID), .text(model.slug), .text(model.name), .text(model.kind.rawValue),
                model.family.sqlValue,
            ]
        }
        try database.insertRows(
            into: "releases", columns: ["id", "model_id", "kind", "released_on", "announced_on", "note", "source", "logged_at", "date_basis"],
            count: releases.count, rowsPerStatement: Self.rowsPerStatement
        ) { index, values in
            let row = releases[index]
            let release = row.release
            values += [
                .integer(release.id), .integer(row.modelID), .text(release.kind.rawValue), .text(release.releasedOn.iso),
                release.announcedOn?.iso.sqlValue ?? .null, release.note.sqlValue, release.source.sqlValue, .text(release.loggedAt),
                .text(release.dateBasis.rawValue),
            ]
        }
        let capabilityRows = releases.flatMap { row in row.capabilityIDs.map { (row.release.id, $0) } }
        try database.insertRows(
            into: "release_capabilities", columns: ["release_id", "capability_id"], count: capabilityRows.count,
            rowsPerStatement: Self.rowsPerStatement
        ) { index, values in values += [.integer(capabilityRows[index].0), .integer(capabilityRows[index].1)] }
        for (model, base) in snapshots {
            try database.execute(sql: "UPDATE models SET snapshot_of = ? WHERE id = ?", arguments: [.integer(base), .integer(model)])
        }
    }
}
