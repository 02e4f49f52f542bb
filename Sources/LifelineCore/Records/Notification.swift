/// One message in the notifications outbox (`lifeline notify`).
public struct Notification: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case statusChanged = "status-changed"
        case runwayEnded = "runway-ended"
        case dismissalExpired = "dismissal-expired"
        case announcedLanded = "announced-landed"
        case stagnating
        case releaseHitsPortfolio = "release-hits-portfolio"
        case runFailed = "run-failed"
    }

    public enum State: String, Sendable {
        case pending, delivered
        /// Failed `--max-attempts` times: kept, reported by `doctor`, back in the queue
        /// with `notify --retry`.
        case givenUp = "given-up"
    }

    /// Stable: a receiver drops a message it has seen (delivery is at least once).
    public let id: Int64
    public let createdAt: String
    public let kind: Kind
    public let company: String?
    /// JSON: `kind`, `company`, `text` (its digest line), and the `change` or `event`.
    public let payload: JSONValue
    public let deliveredAt: String?
    public let attempts: Int
    public let lastError: String?
    public let givenUpAt: String?

    package init(
        id: Int64, createdAt: String, kind: Kind, company: String?, payload: JSONValue, deliveredAt: String?, attempts: Int,
        lastError: String?, givenUpAt: String?
    ) {
        self.id = id
        self.createdAt = createdAt
        self.kind = kind
        self.company = company
        self.payload = payload
        self.deliveredAt = deliveredAt
        self.attempts = attempts
        self.lastError = lastError
        self.givenUpAt = givenUpAt
    }

    public var state: State { deliveredAt != nil ? .delivered : givenUpAt != nil ? .givenUp : .pending }

    /// Its line in the digest.
    public var text: String {
        if case .object(let members) = payload, case .string(let text)? = members.first(where: { $0.0 == "text" })?.1 { return text }
        return kind.rawValue
    }
}
