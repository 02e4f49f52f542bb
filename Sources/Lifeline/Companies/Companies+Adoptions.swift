import LifelineCore
import LifelineStorage

/// Adoptions: that a company took up an opportunity (`company adopt`).
extension Companies {
    /// Records that the company adopted `capability` on `date`: one of its opportunities
    /// as of that date, shipped by then (one only announced cannot be adopted yet) -
    /// release `releaseID`, or the earliest. From `date` on the
    /// capability is no longer listed to adopt. Refused when the capability was no
    /// opportunity by then (not shipped on a model it depends on, or one it is exposed
    /// to: a threat, not an opportunity), or when it was adopted already.
    public func adopt(company slug: String, capability: String, on date: CivilDate, releaseID: Int64?, note: String?) throws -> Adoption {
        let note = try note.map { try TextField.notes($0, field: "note") }
        try Self.checkNotAfterToday(date, today: today, what: "an adoption")
        return try write { session in
            let id = try session.names.companyID(slug)
            let capabilityID = try session.names.capabilityID(capability)
            let capability = try session.names.capabilitySlug(id: capabilityID)
            if let adopted = try database.fetchOne(
                sql: "SELECT adopted_on FROM adoptions WHERE company_id = ? AND capability_id = ?",
                arguments: [.integer(id), .integer(capabilityID)], { try $0.get(0) as CivilDate })
            {
                throw LifelineError(.badData, "'\(slug)' adopted \(capability) on \(adopted) already")
            }
            let opportunities = try portfolio.reassessment.computeAssessments(.ids([id]), asOf: date, warnDays: warnDays)
                .first?.opportunities.filter { $0.capability == capability && $0.releasedOn <= date } ?? []
            let chosen = try releaseID.map { releaseID in
                guard let match = opportunities.first(where: { $0.releaseID == releaseID }) else {
                    throw LifelineError(
                        .badData, "release \(releaseID) is no opportunity of \(capability) for '\(slug)' by \(date)" + Self.opportunitiesHint(opportunities))
                }
                return match
            } ?? opportunities.first
            guard let chosen else {
                let exposed = try database.fetchOne(
                    sql: "SELECT 1 FROM exposures WHERE company_id = ? AND capability_id = ?",
                    arguments: [.integer(id), .integer(capabilityID)], { _ in true }) ?? false
                if exposed {
                    throw LifelineError(
                        .badData, "'\(slug)' is exposed to \(capability): a release of it is a threat to its lifeline, not an opportunity to adopt")
                }
                throw LifelineError(
                    .badData,
                    "\(capability) is no opportunity for '\(slug)' by \(date): no release shipped it on a model it depends on within its lifeline "
                        + "('lifeline company show \(slug)' lists what to adopt)")
            }
            try database.execute(
                sql: """
                    INSERT INTO adoptions (company_id, capability_id, release_id, adopted_on, note, recorded_at)
                    VALUES (?, ?, ?, ?, ?, \(Portfolio.nowSQL))
                    """,
                arguments: [.integer(id), .integer(capabilityID), .integer(chosen.releaseID), .text(date.iso), note.sqlValue])
            return Adoption(
                company: slug, capability: capability, release: try portfolio.catalogue.release(id: chosen.releaseID), adoptedOn: date,
                note: note)
        }
    }

    /// Undoes `company adopt`: the capability is an opportunity again, from the release
    /// it shipped on. Returns the adoption removed.
    public func unadopt(company slug: String, capability: String) throws -> Adoption {
        try write { session in
            let id = try session.names.companyID(slug)
            let capabilityID = try session.names.capabilityID(capability)
            let capability = try session.names.capabilitySlug(id: capabilityID)
            let adopted = try adoptions(company: slug)
            guard let adoption = adopted.first(where: { $0.capability == capability }) else {
                throw LifelineError(
                    .badData, "'\(slug)' has no adoption of \(capability)"
                        + (adopted.isEmpty ? "" : "; it adopted " + adopted.map(\.capability).joined(separator: ", ")))
            }
            try database.execute(
                sql: "DELETE FROM adoptions WHERE company_id = ? AND capability_id = ?", arguments: [.integer(id), .integer(capabilityID)])
            return adoption
        }
    }

    /// The release `adoption` would name without release `releaseID`: the earliest other
    /// opportunity of its capability for the company by the adoption's date, as `adopt`
    /// chooses one; nil when there is none.
    func otherOpportunity(for adoption: Adoption, without releaseID: Int64) throws -> Int64? {
        let company = try portfolio.reassessment.companyFacts(.ids([try names.companyID(adoption.company)]))[0]
        let unadopted = CompanyFacts(
            id: company.id, slug: company.slug, lifelines: company.lifelines, closedOn: company.closedOn,
            dismissals: company.dismissals, adoptions: company.adoptions.filter { $0.capability != adoption.capability })
        let releases = try portfolio.reassessment.releaseFacts(concerning: [company]).filter { $0.id != releaseID }
        return LifelineEngine.assess(unadopted, releases: releases, asOf: adoption.adoptedOn)?.opportunities
            .first { $0.capability == adoption.capability && $0.releasedOn <= adoption.adoptedOn }?.releaseID
    }

    /// Points `adoption` at another release of the same opportunity.
    func moveAdoption(_ adoption: Adoption, toRelease releaseID: Int64) throws {
        try database.execute(
            sql: """
                UPDATE adoptions SET release_id = ?
                WHERE company_id = ? AND capability_id = (SELECT id FROM capabilities WHERE slug = ?)
                """,
            arguments: [.integer(releaseID), .integer(try names.companyID(adoption.company)), .text(adoption.capability)])
    }

    /// "; its releases by then: 5, 12", or nothing.
    private static func opportunitiesHint(_ opportunities: [Opportunity]) -> String {
        opportunities.isEmpty ? "" : "; its releases by then: " + opportunities.map { String($0.releaseID) }.joined(separator: ", ")
    }

    /// Adoptions, of one company or of all, by company then date. With `asOf`, only
    /// those made on or before it; with `naming`, only those of that release.
    public func adoptions(company slug: String? = nil, asOf: CivilDate? = nil, naming releaseID: Int64? = nil) throws -> [Adoption] {
        try read {
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            if let slug {
                conditions.append("a.company_id = ?")
                arguments.append(.integer(try names.companyID(slug)))
            }
            if let asOf {
                conditions.append("a.adopted_on <= ?")
                arguments.append(.text(asOf.iso))
            }
            if let releaseID {
                conditions.append("a.release_id = ?")
                arguments.append(.integer(releaseID))
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try database.fetchAll(
                sql: """
                    SELECT c.slug, k.slug, a.release_id, a.adopted_on, a.note FROM adoptions a
                    JOIN companies c ON c.id = a.company_id JOIN capabilities k ON k.id = a.capability_id
                    \(filter) ORDER BY c.slug, a.adopted_on, k.slug
                    """,
                arguments: arguments
            ) { row in
                (company: try row.get(0) as String, capability: try row.get(1) as String, releaseID: try row.get(2) as Int64,
                 adoptedOn: try row.get(3) as CivilDate, note: try row.get(4) as String?)
            }
            return try rows.map {
                Adoption(
                    company: $0.company, capability: $0.capability, release: try portfolio.catalogue.release(id: $0.releaseID),
                    adoptedOn: $0.adoptedOn, note: $0.note)
            }
        }
    }
}
