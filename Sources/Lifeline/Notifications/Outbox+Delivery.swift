import LifelineCore
import LifelineStorage

/// Delivering the outbox: claiming messages, then marking each delivered or failed, each
/// step its own short write transaction, so that the command that delivers (run by
/// `notify` between them) holds no lock, and two `notify` runs never claim one message.
extension Outbox {
    /// Which messages one `notify` run takes: by kind and company (none given: all).
    public struct Selection: Sendable {
        public var kinds: [Notification.Kind] = []
        public var companies: [String] = []
        /// Companies with these notify tags (`company edit --notify-tag`).
        public var tags: [String] = []

        public init(kinds: [Notification.Kind] = [], companies: [String] = [], tags: [String] = []) {
            self.kinds = kinds
            self.companies = companies
            self.tags = tags
        }

        func condition() -> (sql: String, arguments: [SQLValue]) {
            var parts: [String] = []
            var arguments: [SQLValue] = []
            if !kinds.isEmpty {
                parts.append("kind IN (SELECT value FROM json_each(?))")
                arguments.append(.text(Reassessment.jsonArray(kinds.map(\.rawValue))))
            }
            if !companies.isEmpty {
                parts.append("company IN (SELECT value FROM json_each(?))")
                arguments.append(.text(Reassessment.jsonArray(companies)))
            }
            if !tags.isEmpty {
                parts.append("""
                    company IN (SELECT c.slug FROM notify_tags t JOIN companies c ON c.id = t.company_id
                                WHERE t.tag IN (SELECT value FROM json_each(?)))
                    """)
                arguments.append(.text(Reassessment.jsonArray(tags)))
            }
            return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
        }
    }

    /// The pending messages `selection` takes after id `afterID`, oldest first (at most
    /// `limit`), claimed for `seconds`: until then no other run takes them. A claim left
    /// by a run that died lapses then, and the message is delivered again (at least
    /// once). A run passes the last id it tried, so that it tries each message once.
    /// With `dryRun`, nothing is claimed.
    public func claim(
        _ selection: Selection, afterID: Int64 = 0, limit: Int = Int(Int32.max), forSeconds seconds: Int, dryRun: Bool = false
    ) throws -> [Notification] {
        let condition = selection.condition()
        let pending = """
            SELECT \(Self.columns) FROM notifications
            WHERE id > ? AND delivered_at IS NULL AND given_up_at IS NULL
              AND (claimed_until IS NULL OR claimed_until < \(Portfolio.nowSQL)) AND \(condition.sql)
            ORDER BY id LIMIT \(limit)
            """
        let arguments = [SQLValue.integer(afterID)] + condition.arguments
        if dryRun { return try read { try database.fetchAll(sql: pending, arguments: arguments, Self.notification) } }
        return try transaction {
            let claimed = try database.fetchAll(sql: pending, arguments: arguments, Self.notification)
            guard !claimed.isEmpty else { return [] }
            try database.execute(
                sql: """
                    UPDATE notifications SET claimed_until = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+' || ? || ' seconds')
                    WHERE id IN (SELECT value FROM json_each(?))
                    """,
                arguments: [.integer(Int64(seconds)), Reassessment.jsonArray(claimed.map(\.id))])
            return claimed
        }
    }

    /// The messages were delivered: never again.
    public func markDelivered(_ ids: [Int64]) throws {
        try transaction {
            try database.execute(
                sql: """
                    UPDATE notifications SET delivered_at = \(Portfolio.nowSQL), attempts = attempts + 1, claimed_until = NULL,
                        last_error = NULL
                    WHERE id IN (SELECT value FROM json_each(?))
                    """,
                arguments: [Reassessment.jsonArray(ids)])
        }
    }

    /// The messages were not delivered: pending again, with the error and one more
    /// attempt - given up once they have had `maxAttempts`.
    public func markFailed(_ ids: [Int64], error: String, maxAttempts: Int) throws {
        try transaction {
            try database.execute(
                sql: """
                    UPDATE notifications SET attempts = attempts + 1, last_error = substr(?, 1, 2000), claimed_until = NULL,
                        given_up_at = CASE WHEN attempts + 1 >= ? THEN \(Portfolio.nowSQL) END
                    WHERE id IN (SELECT value FROM json_each(?))
                    """,
                arguments: [.text(error), .integer(Int64(maxAttempts)), Reassessment.jsonArray(ids)])
        }
    }

    /// Puts a given-up message back in the queue, with its attempts counted afresh.
    public func retry(_ id: Int64) throws -> Notification {
        try transaction {
            guard let message = try database.fetchOne(
                sql: "SELECT \(Self.columns) FROM notifications WHERE id = ?", arguments: [.integer(id)], Self.notification)
            else { throw LifelineError(.badData, "no notification \(id); 'lifeline notify --list' lists them") }
            guard message.state == .givenUp else {
                throw LifelineError(.badData, "notification \(id) is \(message.state.rawValue), not given up: only a given-up message is retried")
            }
            try database.execute(
                sql: "UPDATE notifications SET given_up_at = NULL, attempts = 0, claimed_until = NULL WHERE id = ?",
                arguments: [.integer(id)])
            return message
        }
    }

    /// Every message `selection` takes, delivered or not, oldest first.
    public func list(_ selection: Selection = Selection()) throws -> [Notification] {
        let condition = selection.condition()
        return try read {
            try database.fetchAll(
                sql: "SELECT \(Self.columns) FROM notifications WHERE \(condition.sql) ORDER BY id", arguments: condition.arguments,
                Self.notification)
        }
    }

    private static let columns = "id, created_at, kind, company, payload, delivered_at, attempts, last_error, given_up_at"

    /// A stored message, read strictly: a payload that is no JSON object (written by
    /// hand) is an error naming the notification, never delivered as something else.
    private static func notification(_ row: Row) throws -> Notification {
        let id: Int64 = try row.get(0)
        let text: String = try row.get(4)
        guard let payload = try? JSONValue.parse(Array(text.utf8)), case .object = payload else {
            throw LifelineError(.badData, "notifications.payload of notification \(id) is not a JSON object; 'lifeline doctor' checks the database")
        }
        return Notification(
            id: id, createdAt: try row.get(1), kind: try row.get(2), company: try row.get(3), payload: payload,
            deliveredAt: try row.get(5), attempts: try row.get(6), lastError: try row.get(7), givenUpAt: try row.get(8))
    }
}
