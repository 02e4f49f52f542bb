import LifelineCore
import LifelineStorage

/// `release-hits-portfolio`: a release just logged or imported that ended or moved a
/// company's lifeline, or that is an opportunity for one. Only releases dated within
/// `recentDays` of today, or still to come, are news: importing a history of 2023's
/// releases tells its consequences as status changes, not as 150 releases.
extension Outbox {
    static let recentDays = 30

    /// Writes one notification for each release in `releaseIDs` that hits the
    /// portfolio, inside the caller's transaction; `report` is the reassessment that
    /// followed them.
    func recordReleaseHits(_ releaseIDs: [Int64], report: ReassessmentReport) throws {
        let news = try releasesDated(from: today.adding(days: -Self.recentDays))
        var rows: [(kind: String, company: String?, payload: JSONValue)] = []
        for id in releaseIDs where news.contains(id) {
            let changed = report.changes.filter { $0.current.outcome.cause.threat?.releaseID == id }
            let found = try isBuiltOn(release: id) ? try opportunityFor(release: id) : []
            let adopters = Array(found.prefix(Self.adoptersListed))
            let more = found.count > Self.adoptersListed
            guard !changed.isEmpty || !adopters.isEmpty else { continue }
            let release = try portfolio.catalogue.release(id: id)
            var text = ReleaseWords.summary(release) + ":"
            if !changed.isEmpty {
                text += " " + changed.map { "\($0.current.company) (\($0.current.status.rawValue))" }.joined(separator: ", ")
            }
            if !adopters.isEmpty {
                let count = more ? "more than \(Self.adoptersListed) companies" : "\(adopters.count) compan\(adopters.count == 1 ? "y" : "ies")"
                text += (changed.isEmpty ? " " : "; ") + "an opportunity for \(count)"
                    + " (" + adopters.prefix(5).joined(separator: ", ") + (adopters.count > 5 ? ", ..." : "") + ")"
            }
            rows.append((
                "release-hits-portfolio", nil,
                .object([
                    ("kind", .string("release-hits-portfolio")), ("company", .null), ("text", .string(text)),
                    ("release", .object([
                        ("id", .integer(id)), ("model", .string(release.model.description)), ("kind", .string(release.kind.rawValue)),
                        ("released_on", .string(release.releasedOn.iso)), ("capabilities", .array(release.capabilities.map(JSONValue.string))),
                    ])),
                    ("changes", .array(changed.map(AssessmentJSON.change))),
                    ("opportunity_for", .array(adopters.map(JSONValue.string))),
                    ("opportunity_for_more", .bool(more)),
                ])))
        }
        try insert(rows)
    }

    /// The releases dated `day` or later, found along the index by date: a catalogue
    /// import logs thousands of releases, and reading each whole to learn its date was a
    /// seventh of importing models.dev.
    private func releasesDated(from day: CivilDate) throws -> Set<Int64> {
        Set(try database.fetchAll(sql: "SELECT id FROM releases WHERE released_on >= ?", arguments: [.text(day.iso)]) {
            try $0.get(0) as Int64
        })
    }

    /// Whether some company depends on release `id`'s model, or on the model it is a
    /// snapshot of: the first thing an opportunity needs, asked before the question that
    /// lists the companies, whose set of distinct names costs as much to set up as to
    /// fill (a catalogue's recent releases, most on models no company builds on, were
    /// another sixteenth of the import).
    private func isBuiltOn(release id: Int64) throws -> Bool {
        try database.fetchOne(
            sql: """
                SELECT EXISTS (SELECT 1 FROM dependencies WHERE model_id = r.model_id)
                    OR EXISTS (SELECT 1 FROM dependencies WHERE model_id = m.snapshot_of)
                FROM releases r JOIN models m ON m.id = r.model_id WHERE r.id = ?
                """,
            arguments: [.integer(id)]) { try $0.get(0) as Bool } ?? false
    }

    /// How many of the companies a release is an opportunity for are named: finding
    /// every one of 4,000 dependents of a popular model took most of a `release log`
    /// over the 100,000-company portfolio, for a list nobody reads whole.
    static let adoptersListed = 100

    /// Companies (slugs, in order) for which release `id` is an opportunity as of today
    /// (rule 7, on their current lifeline) - it ships a capability they are not exposed
    /// to and have not adopted, on a model they build on or a snapshot of one, on or after
    /// their lifeline's start; closed companies left out - at most one more than
    /// `adoptersListed`, the first found along the index by model.
    private func opportunityFor(release id: Int64) throws -> [String] {
        try database.fetchAll(
            sql: """
                SELECT DISTINCT c.slug
                FROM releases r JOIN models m ON m.id = r.model_id
                CROSS JOIN dependencies d ON d.model_id = r.model_id OR d.model_id = m.snapshot_of
                JOIN companies c ON c.id = d.company_id
                WHERE r.id = ?1 AND r.kind != 'retirement' AND r.released_on >= c.lifeline_start
                  AND NOT EXISTS (SELECT 1 FROM closures x WHERE x.company_id = c.id AND x.closed_on <= ?2)
                  AND EXISTS (
                    SELECT 1 FROM release_capabilities k WHERE k.release_id = r.id
                      AND NOT EXISTS (SELECT 1 FROM exposures e WHERE e.company_id = c.id AND e.capability_id = k.capability_id)
                      AND NOT EXISTS (SELECT 1 FROM adoptions a WHERE a.company_id = c.id AND a.capability_id = k.capability_id
                                      AND a.adopted_on <= ?2))
                LIMIT ?3
                """,
            arguments: [.integer(id), .text(today.iso), .integer(Int64(Self.adoptersListed + 1))]) { try $0.get(0) as String }.sorted()
    }
}
