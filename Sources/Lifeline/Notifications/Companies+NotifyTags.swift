import LifelineCore
import LifelineStorage

/// Notify tags (migration 0026): a company's tag routes its alerts (`notify --tag`).
extension Companies {
    /// Sets the company's tag in the caller's session; an empty one clears it.
    func setNotifyTag(_ tag: String, companyID: Int64) throws {
        if tag.isEmpty {
            try database.execute(sql: "DELETE FROM notify_tags WHERE company_id = ?", arguments: [.integer(companyID)])
            return
        }
        try Slug.validate(tag, kind: "notify tag")
        try database.execute(
            sql: "INSERT INTO notify_tags (company_id, tag) VALUES (?1, ?2) ON CONFLICT (company_id) DO UPDATE SET tag = ?2",
            arguments: [.integer(companyID), .text(tag)])
    }

    /// The company's tag, if it has one.
    public func notifyTag(_ slug: String) throws -> String? {
        try database.fetchOne(
            sql: "SELECT t.tag FROM notify_tags t JOIN companies c ON c.id = t.company_id WHERE c.slug = ?", arguments: [.text(slug)]
        ) { try $0.get(0) as String }
    }
}
