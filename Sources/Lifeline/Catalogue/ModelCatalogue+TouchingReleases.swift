import LifelineCore
import LifelineStorage

/// The releases that touch the portfolio (`release list --touching`), found from the
/// companies they touch rather than from every threat to every company.
extension ModelCatalogue {
    /// The condition, on `r` (a release) and `m` (its model), that keeps a release
    /// touching the portfolio, with its one argument: a release that ended some
    /// company's current lifeline or threatens one that still runs (a row of
    /// `v_company_threats`; a threat to a lifeline already ended changes nothing), or
    /// is an opportunity for one (rule 7): dated on or after its start, on a model it
    /// depends on or a snapshot of one, shipping a capability it is not exposed to.
    ///
    /// The first two are found company by company: asked of `v_company_threats` as a
    /// whole, they took 6 s for 1,000 companies and did not finish for 100,000, whose
    /// threats are millions of rows (every release since a lifeline's start that ships
    /// a capability its company is exposed to). A lifeline ended by a release records it
    /// as its assessment's cause, so those releases are the causes of the current
    /// assessments; a lifeline still running is threatened by the rows of its company
    /// in the view, read for those few companies alone.
    func touchingThePortfolio() throws -> (condition: String, argument: SQLValue) {
        var endingOrThreatening = Set(try database.fetchAll(sql: """
            SELECT a.cause_release_id FROM companies c
            JOIN assessments a ON a.id = (\(Reassessment.latestAssessmentID(ofCompany: "c.id")))
            WHERE a.cause_release_id IS NOT NULL
            """) { try $0.get(0) as Int64 })
        let running = try database.fetchAll(sql: """
            SELECT c.slug FROM assessments a JOIN companies c ON c.id = a.company_id
            WHERE a.status IN ('alive', 'at-risk') AND a.id = (\(Reassessment.latestAssessmentID(ofCompany: "a.company_id")))
            """) { try $0.get(0) as String }
        let threats = try database.prepare(sql: "SELECT release_id FROM v_company_threats WHERE company = ? AND role != 'dismissed'")
        for company in running {
            try threats.bind([.text(company)]).forEachRow { endingOrThreatening.insert(try $0.get(0)) }
        }
        return ("""
            (r.id IN (SELECT value FROM json_each(?))
             OR EXISTS (
                SELECT 1 FROM dependencies d JOIN companies c ON c.id = d.company_id
                WHERE (d.model_id = r.model_id OR (r.kind != 'retirement' AND d.model_id = m.snapshot_of))
                  AND r.released_on >= c.lifeline_start
                  AND EXISTS (
                    SELECT 1 FROM release_capabilities x WHERE x.release_id = r.id
                    AND NOT EXISTS (SELECT 1 FROM exposures e WHERE e.company_id = c.id AND e.capability_id = x.capability_id))))
            """, Reassessment.jsonArray(endingOrThreatening.sorted()))
    }
}
