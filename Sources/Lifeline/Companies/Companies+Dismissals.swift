import LifelineCore
import LifelineStorage

/// Dismissals: the investor's judgement that a release does not threaten a company.
extension Companies {
    /// Records that release `releaseID` does not threaten the company, until `until`
    /// (exclusive) or for good (rule 9). Dismissing it again replaces reason and date.
    /// Returns true when the dismissal is new.
    public func dismiss(company slug: String, releaseID: Int64, reason: String, until: CivilDate?) throws -> Reassessed<Bool> {
        let reason = try TextField.oneLine(reason, field: "reason", maximumLength: 2000)
        if let until, until <= today {
            throw LifelineError(.badData, "--until \(until) is not after today (\(today)); the dismissal would never hold")
        }
        return try writeAndReassess(trigger: "dismiss \(slug) \(releaseID)") { session in
            let id = try session.names.companyID(slug)
            let release = try portfolio.catalogue.release(id: releaseID)
            try checkThreatens(companyID: id, slug: slug, release: release)
            let existed = try recordDismissal(companyID: id, releaseID: releaseID, reason: reason, until: until)
            session.affect([id])
            return !existed
        }
    }

    /// Dismisses every current threat of `capability` to the company - by what it is, not
    /// by release id - from `providers` only when given: each release that ships it
    /// among the company's threats (`v_company_threats`). Returns their ids.
    public func dismiss(
        company slug: String, capability: String, providers: [String], reason: String, until: CivilDate?
    ) throws -> Reassessed<[Int64]> {
        let reason = try TextField.oneLine(reason, field: "reason", maximumLength: 2000)
        if let until, until <= today {
            throw LifelineError(.badData, "--until \(until) is not after today (\(today)); the dismissal would never hold")
        }
        return try writeAndReassess(trigger: "dismiss \(slug) \(capability)") { session in
            let id = try session.names.companyID(slug)
            let capability = try session.names.capabilitySlug(capability)
            for provider in providers { _ = try session.names.providerID(provider) }
            let threats = try portfolio.reports.threats(of: slug)
            let releaseIDs = Array(Set(threats.filter {
                $0.capability == capability && (providers.isEmpty || providers.contains($0.model.provider))
            }.map(\.releaseID))).sorted()
            guard !releaseIDs.isEmpty else {
                let scope = providers.isEmpty ? "" : " from \(providers.joined(separator: ", "))"
                throw LifelineError(.badData, "no release\(scope) threatens '\(slug)' with \(capability)" + Self.threatsHint(threats))
            }
            for releaseID in releaseIDs {
                _ = try recordDismissal(companyID: id, releaseID: releaseID, reason: reason, until: until)
            }
            session.affect([id])
            return releaseIDs
        }
    }

    /// Records or replaces a dismissal; returns true when there was one already.
    private func recordDismissal(companyID: Int64, releaseID: Int64, reason: String, until: CivilDate?) throws -> Bool {
        let existed = try database.fetchOne(
            sql: "SELECT 1 FROM dismissals WHERE company_id = ? AND release_id = ?",
            arguments: [.integer(companyID), .integer(releaseID)]) { _ in true } ?? false
        try database.execute(
            sql: """
                INSERT INTO dismissals (company_id, release_id, reason, until, recorded_at)
                VALUES (?, ?, ?, ?, \(Portfolio.nowSQL))
                ON CONFLICT (company_id, release_id) DO UPDATE SET reason = excluded.reason, until = excluded.until,
                    recorded_at = excluded.recorded_at
                """,
            arguments: [.integer(companyID), .integer(releaseID), .text(reason), until?.iso.sqlValue ?? .null])
        return existed
    }

    /// "; the releases that threaten it: 5 (file-upload), 12 (office-integration)", or that none does.
    static func threatsHint(_ threats: [CompanyThreat]) -> String {
        guard !threats.isEmpty else { return "; no release threatens it" }
        return "; the releases that threaten it: "
            + threats.map { "\($0.releaseID) (\($0.capability ?? "retirement of \($0.model)"))" }.joined(separator: ", ")
    }

    @discardableResult
    public func undismiss(company slug: String, releaseID: Int64) throws -> Reassessed<Void> {
        try writeAndReassess(trigger: "undismiss \(slug) \(releaseID)") { session in
            let id = try session.names.companyID(slug)
            try database.execute(
                sql: "DELETE FROM dismissals WHERE company_id = ? AND release_id = ?", arguments: [.integer(id), .integer(releaseID)])
            guard database.changes > 0 else {
                throw LifelineError(.badData, "release \(releaseID) is not dismissed for '\(slug)'")
            }
            session.affect([id])
        }
    }

    /// Dismissals, of one company or of all, by company then release date; with
    /// `release`, only those of that release.
    public func dismissals(company slug: String? = nil, release releaseID: Int64? = nil) throws -> [Dismissal] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let slug {
            conditions.append("d.company_id = ?")
            arguments.append(.integer(try names.companyID(slug)))
        }
        if let releaseID {
            conditions.append("d.release_id = ?")
            arguments.append(.integer(releaseID))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try database.fetchAll(
            sql: """
                SELECT c.slug, d.release_id, d.reason, d.until, d.recorded_at FROM dismissals d
                JOIN companies c ON c.id = d.company_id \(filter) ORDER BY c.slug, d.release_id
                """,
            arguments: arguments
        ) { row in
            (company: try row.get(0) as String, releaseID: try row.get(1) as Int64, reason: try row.get(2) as String,
             until: try row.get(3) as CivilDate?, recordedAt: try row.get(4) as String)
        }
        return try rows.map {
            Dismissal(
                company: $0.company, release: try portfolio.catalogue.release(id: $0.releaseID), reason: $0.reason, until: $0.until,
                recordedAt: $0.recordedAt)
        }
    }

    /// Refuses to dismiss a release that could not threaten the company's current
    /// lifeline anyway - or any of its lifelines, for a dismissal restored from an export.
    func checkThreatens(companyID: Int64, slug: String, release: Release, anyLifeline: Bool = false) throws {
        let company = try portfolio.reassessment.companyFacts(.ids([companyID]))[0]
        let known = try portfolio.reassessment.releaseFacts(concerning: [company])
        let lifelines = anyLifeline ? company.lifelines : [company.lifelines[company.lifelines.count - 1]]
        // As gathered, with the models it reaches through snapshots.
        let fact = known.first { $0.id == release.id } ?? ReleaseFact(release)
        guard lifelines.contains(where: { !LifelineEngine.threats(from: fact, to: $0, knownReleases: known).isEmpty }) else {
            throw LifelineError(
                .badData,
                "release \(release.id) (\(release.model) \(release.kind.rawValue) on \(release.releasedOn)) does not threaten '\(slug)': it ships nothing '\(slug)' is exposed to and retires nothing it depends on"
                    + Self.threatsHint(try portfolio.reports.threats(of: slug)))
        }
    }
}
