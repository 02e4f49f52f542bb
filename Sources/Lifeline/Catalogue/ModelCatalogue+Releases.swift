import LifelineCore
import LifelineStorage

/// Model releases: logging, listing and removing them.
extension ModelCatalogue {
    /// Logs a release. See `ReleaseRequest` for the defaults; the checks, in order:
    /// the provider must exist, the model must exist unless `createModel`, a
    /// `capability` release ships at least one capability and a `retirement` none, an
    /// announcement cannot come after the release, and an identical release (same
    /// model, date, kind and capabilities) is a duplicate.
    public func logRelease(_ request: ReleaseRequest) throws -> Reassessed<ReleaseLogOutcome> {
        try writeAndReassess(trigger: "release log \(request.model)") { try logRelease(request, in: $0) }
    }

    /// Logs a release in the session: in a direct one, naming the companies it affects;
    /// in a batch, leaving them to be looked up when the batch ends.
    func logRelease(_ request: ReleaseRequest, in session: WriteSession) throws -> ReleaseLogOutcome {
        let note = try request.note.map { try TextField.notes($0, field: "note") }
        let source = try request.importedFrom ?? request.source.map { try TextField.url($0, field: "source") }
        for date in [request.releasedOn] + (request.announcedOn.map { [$0] } ?? []) where !CivilDate.enterableYears.contains(date.year) {
            throw LifelineError(
                .badData,
                "a release dated \(date) cannot be recorded: the year must be from \(CivilDate.enterableYears.lowerBound) to \(CivilDate.enterableYears.upperBound) (lifeline adds up to 11 years to it)")
        }
        if let announced = request.announcedOn, announced > request.releasedOn {
            throw LifelineError(
                .badData,
                "the announcement (\(announced)) cannot come after the release (\(request.releasedOn)); --announced is for releases announced in advance")
        }
        let names = session.names
        let modelID: Int64
        let createdModel: Bool
        if let existing = try names.existingModelID(request.model) {
            (modelID, createdModel) = (existing, false)
        } else if request.createModel {
            (modelID, createdModel) = (try insertModel(request.model, name: request.model.model, kind: .api, in: session), true)
        } else {
            throw try names.unknownModel(request.model, hint: "; add --create-model to record it with this release")
        }
        let kind = request.kind ?? (createdModel ? .launch : .capability)
        var capabilityIDs: [Int64] = []
        // Each name looked up once, in the order given: 10,000 repeats of one name took 12 s.
        var seen = Set<String>()
        for name in request.capabilities where seen.insert(name).inserted {
            let id = try names.capabilityID(name)
            if !capabilityIDs.contains(id) { capabilityIDs.append(id) }
        }
        capabilityIDs.sort()
        switch kind {
        case .capability where capabilityIDs.isEmpty:
            throw LifelineError(.usage, "a capability release needs at least one --capability")
        case .retirement where !capabilityIDs.isEmpty:
            throw LifelineError(.usage, "a retirement ships no capabilities; drop --capability or use --kind capability")
        default: break
        }
        if let duplicate = try identicalRelease(
            modelID: modelID, on: request.releasedOn, kind: kind, capabilityIDs: capabilityIDs, held: session.held)
        {
            guard request.ifNew else {
                throw LifelineError(
                    .badData,
                    "this release is already logged as release \(duplicate.id); add --if-new to skip releases already logged")
            }
            return .alreadyLogged(duplicate)
        }
        let announced = request.announcedOn.flatMap { $0 < request.releasedOn ? $0 : nil }
        let dateBasis = request.dateBasis ?? Release.DateBasis.inferred(kind: kind, source: request.importedFrom, note: note)
        // Read before the insert, whose trigger forgets that the assessments are current.
        // (A batch looks up the companies concerned when it ends.)
        let reassessment = portfolio.reassessment
        let assessmentsCurrent = try session.kind == .direct && reassessment.currentAssessmentState(warnDays: warnDays) != nil
        let loggedAt = try releaseTimestamp(in: session)
        let releaseID: Int64
        if let held = session.held {
            releaseID = held.nextReleaseIDToHold
        } else {
            try database.execute(
                sql: """
                    INSERT INTO releases (model_id, kind, released_on, announced_on, note, source, logged_at, date_basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    .integer(modelID), .text(kind.rawValue), .text(request.releasedOn.iso), announced?.iso.sqlValue ?? .null,
                    note.sqlValue, source.sqlValue, .text(loggedAt), .text(dateBasis.rawValue),
                ])
            releaseID = database.lastInsertedRowID
            try insertCapabilities(capabilityIDs, of: releaseID)
        }
        let slugs = try capabilityIDs.map { try names.capabilitySlug(id: $0) }
        // Made from what was just written (or is held) rather than read back: an import logs thousands.
        let release = Release(
            id: releaseID, model: request.model, kind: kind, releasedOn: request.releasedOn, announcedOn: announced,
            capabilities: slugs.sorted(), note: note, source: source, loggedAt: loggedAt, dateBasis: dateBasis)
        session.held?.holdRelease(release, modelID: modelID, capabilityIDs: capabilityIDs)
        switch session.kind {
        case .batch:
            session.logged(releaseID: releaseID, companiesLookedUp: false)
        case .direct:
            session.affect(assessmentsCurrent
                ? try reassessment.companiesThreatened(byRelease: releaseID, on: request.releasedOn, isRetirement: kind == .retirement)
                : try reassessment.companiesConcerned(byRelease: releaseID))
            session.logged(releaseID: releaseID, companiesLookedUp: true)
        }
        return .logged(release, createdModel: createdModel)
    }

    /// Releases in date order (ties by id), optionally only those released on or after
    /// `since`, by `provider`, shipping `capability`, logged by hand, imported or from the
    /// history (`source`, by date basis), by labs (`labsOnly`), that touch the portfolio
    /// (`touching`: `touchingThePortfolio`), and at most `limit` of them.
    public func releases(
        since: CivilDate? = nil, provider: String? = nil, capability: String? = nil, source: Release.Source? = nil,
        labsOnly: Bool = false, touching: Bool = false, limit: Int? = nil
    ) throws -> [Release] {
        try read {
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            if let since {
                conditions.append("r.released_on >= ?")
                arguments.append(.text(since.iso))
            }
            if let provider {
                conditions.append("m.provider_id = ?")
                arguments.append(.integer(try names.providerID(provider)))
            }
            if let capability {
                conditions.append("EXISTS (SELECT 1 FROM release_capabilities x WHERE x.release_id = r.id AND x.capability_id = ?)")
                arguments.append(.integer(try names.capabilityID(capability)))
            }
            switch source {
            case .logged?: conditions.append("r.date_basis = 'logged'")
            case .imported?: conditions.append("r.date_basis LIKE 'catalogue-%'")
            case .history?: conditions.append("r.date_basis = 'history'")
            case nil: break
            }
            if labsOnly { conditions.append("m.provider_id IN (SELECT id FROM providers WHERE role = 'lab')") }
            if touching {
                let touching = try touchingThePortfolio()
                conditions.append(touching.condition)
                arguments.append(touching.argument)
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            if let limit { arguments.append(.integer(Int64(limit))) }
            return try database.fetchAll(
                sql: Self.releaseSelect + filter + " ORDER BY r.released_on, r.id" + (limit == nil ? "" : " LIMIT ?"),
                arguments: arguments, Self.release(from:))
        }
    }

    public func release(id: Int64) throws -> Release {
        guard let release = try database.fetchOne(sql: Self.releaseSelect + " WHERE r.id = ?", arguments: [.integer(id)], Self.release(from:)) else {
            throw LifelineError(.badData, "no release \(id); 'lifeline release list' lists them")
        }
        return release
    }

    /// Removes a release (with the capability rows that belong to it) when `confirmed`;
    /// otherwise only says what would happen. An adoption that named it moves to the
    /// earliest other release that was the same opportunity by its date, or goes when
    /// none is left; the dismissals of it go.
    public func removeRelease(id: Int64, confirmed: Bool) throws -> Reassessed<ReleaseRemoval> {
        try writeAndReassess(trigger: "release remove \(id)") { session in
            let release = try release(id: id)
            let companies = portfolio.companies
            var moved: [(adoption: Adoption, toReleaseID: Int64)] = []
            var removed: [Adoption] = []
            for adoption in try companies.adoptions(naming: id) {
                if let other = try companies.otherOpportunity(for: adoption, without: id) {
                    moved.append((adoption, other))
                } else {
                    removed.append(adoption)
                }
            }
            let removal = ReleaseRemoval(
                release: release, adoptionsMoved: moved, adoptionsRemoved: removed,
                dismissalsRemoved: try companies.dismissals(release: id))
            guard confirmed else { return removal }
            session.affect(try portfolio.reassessment.companiesConcerned(byRelease: id))
            for (adoption, other) in moved { try companies.moveAdoption(adoption, toRelease: other) }
            try database.execute(sql: "DELETE FROM releases WHERE id = ?", arguments: [.integer(id)])
            return removal
        }
    }

    // MARK: Rows

    /// One statement for all of a release's capability rows: an import writes about
    /// 20,000, and a statement's execution costs more than a row's insert.
    private func insertCapabilities(_ capabilityIDs: [Int64], of releaseID: Int64) throws {
        guard !capabilityIDs.isEmpty else { return }
        let rows = (2...(capabilityIDs.count + 1)).map { "(?1, ?\($0))" }.joined(separator: ", ")
        try database.execute(
            sql: "INSERT INTO release_capabilities (release_id, capability_id) VALUES \(rows)",
            arguments: [.integer(releaseID)] + capabilityIDs.map { .integer($0) })
    }

    /// When a release is logged: now, by SQLite's clock - the instant the session's
    /// first release was logged (see `WriteSession.loggedAt`).
    private func releaseTimestamp(in session: WriteSession) throws -> String {
        if let loggedAt = session.loggedAt { return loggedAt }
        let now = try database.fetchOne(sql: "SELECT \(Portfolio.nowSQL)") { try $0.get(0) as String } ?? ""
        session.loggedAt = now
        return now
    }

    private func identicalRelease(
        modelID: Int64, on date: CivilDate, kind: Release.Kind, capabilityIDs: [Int64], held: HeldRows?
    ) throws -> Release? {
        if let held {
            if let release = held.identicalRelease(modelID: modelID, on: date, kind: kind, capabilityIDs: capabilityIDs) { return release }
            if held.isHeld(modelID: modelID) { return nil }
        }
        // By model and date (releases_by_model, a handful of rows); `+r.kind` keeps the
        // planner off releases_by_kind, which would visit every release of the kind that day.
        let candidates = try database.fetchAll(
            sql: """
                SELECT r.id, (SELECT group_concat(capability_id, ',') FROM
                    (SELECT capability_id FROM release_capabilities WHERE release_id = r.id ORDER BY capability_id))
                FROM releases r WHERE r.model_id = ? AND r.released_on = ? AND +r.kind = ? ORDER BY r.id
                """,
            arguments: [.integer(modelID), .text(date.iso), .text(kind.rawValue)]
        ) { row in (id: try row.get(0) as Int64, capabilities: try row.get(1) as String?) }
        let wanted = capabilityIDs.map(String.init).joined(separator: ",")
        guard let match = candidates.first(where: { ($0.capabilities ?? "") == wanted }) else { return nil }
        return try release(id: match.id)
    }

    static let releaseSelect = """
        SELECT r.id, p.slug, m.slug, r.kind, r.released_on, r.announced_on,
            (SELECT group_concat(slug, ',') FROM (SELECT k.slug FROM release_capabilities x
             JOIN capabilities k ON k.id = x.capability_id WHERE x.release_id = r.id ORDER BY k.slug)),
            r.note, r.source, r.logged_at, r.date_basis
        FROM releases r JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id
        """

    static func release(from row: Row) throws -> Release {
        Release(
            id: try row.get(0), model: ModelReference(provider: try row.get(1), model: try row.get(2)),
            kind: try row.get(3), releasedOn: try row.get(4), announcedOn: try row.get(5),
            capabilities: (try row.get(6) as String?)?.split(separator: ",").map(String.init).sorted() ?? [],
            note: try row.get(7), source: try row.get(8), loggedAt: try row.get(9), dateBasis: try row.get(10))
    }
}
