import LifelineCore
import LifelineStorage

/// Every open threat to a company's current lifeline, from `v_company_threats`: the view
/// is the one definition, so `company show`, `dismiss` and ad-hoc SQL agree.
extension Reports {
    /// The company's threats in date order (then release and capability), as of the
    /// latest date the database was assessed for.
    public func threats(of slug: String) throws -> [CompanyThreat] {
        try read {
            _ = try names.companyID(slug)
            return try database.cachedStatement(sql: """
                SELECT release_id, released_on, announced_on, model, capability, effect, dismissed_until, role
                FROM v_company_threats WHERE company = ? ORDER BY released_on, release_id, capability
                """).bind([.text(slug)]).fetchAll { row in
                CompanyThreat(
                    releaseID: try row.get("release_id"), releasedOn: try row.get("released_on"),
                    announcedOn: try row.get("announced_on"), model: try ModelReference(parsing: try row.get("model")),
                    capability: try row.get("capability"), effect: try row.get("effect"),
                    dismissedUntil: try row.get("dismissed_until"), role: try row.get("role"))
            }
        }
    }
}

extension CompanyThreat.Role: SQLColumnDecodable {}
