import LifelineCore

/// The messages `lifeline notify` hands to the delivery command, in each format: one
/// notification, or a digest of several. Every message carries the notifications' ids
/// (stable: delivery is at least once, and a receiver drops what it has seen).
enum NotificationMessage {
    enum Format: String, CaseIterable {
        /// A Slack incoming-webhook body: `text`, and blocks.
        case slack
        /// A Microsoft Teams message card (an Office 365 connector card).
        case teams
        /// The raw notifications: one object, or an array for a digest.
        case json
        /// The digest lines, as `reassess` prints them.
        case text
        /// An RFC 5322 message for `sendmail -t`.
        case email
    }

    /// Where an email goes and comes from (`--to`, `--from`).
    struct Addresses {
        var to: String?
        var from: String?
    }

    static func render(_ messages: [Notification], as format: Format, addresses: Addresses = Addresses()) -> String {
        switch format {
        case .json:
            let objects = messages.map(json)
            return (messages.count == 1 ? objects[0] : .array(objects)).serialized() + "\n"
        case .text:
            return messages.map { "[\($0.id)] \($0.text)" }.joined(separator: "\n") + "\n"
        case .slack:
            return slack(messages).serialized() + "\n"
        case .teams:
            return teams(messages).serialized() + "\n"
        case .email:
            return email(messages, addresses: addresses)
        }
    }

    /// `{"id":12,"created_at":...,"kind":...,"company":...,"text":...,"change"|"event":{...}}`
    static func json(_ message: Notification) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .integer(message.id)), ("created_at", .string(message.createdAt))]
        if case .object(let payload) = message.payload { members += payload }
        return .object(members)
    }

    /// "lifeline: papertalk is now replaced" for one, "lifeline: 3 notifications" for several.
    static func subject(_ messages: [Notification]) -> String {
        guard messages.count == 1, let message = messages.first else { return "lifeline: \(messages.count) notifications" }
        return "lifeline: " + message.text
    }

    /// "lifeline notifications 12, 13"
    private static func footer(_ messages: [Notification]) -> String {
        "lifeline notification\(messages.count == 1 ? "" : "s") " + messages.map { String($0.id) }.joined(separator: ", ")
    }

    private static func slack(_ messages: [Notification]) -> JSONValue {
        // A section holds at most 3,000 characters and a message 50 blocks: 20 lines a
        // section, and a count of the rest.
        let sections = stride(from: 0, to: min(messages.count, 960), by: 20).map { start in
            JSONValue.object([
                ("type", .string("section")),
                ("text", .object([
                    ("type", .string("mrkdwn")),
                    ("text", .string(messages[start..<min(start + 20, messages.count)].map { "• " + escapeSlack($0.text) }.joined(separator: "\n"))),
                ])),
            ])
        }
        let more = messages.count > 960
            ? [JSONValue.object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string("and \(messages.count - 960) more"))]))])]
            : []
        let context = JSONValue.object([
            ("type", .string("context")),
            ("elements", .array([.object([("type", .string("mrkdwn")), ("text", .string(escapeSlack(footer(messages))))])])),
        ])
        return .object([("text", .string(escapeSlack(subject(messages)))), ("blocks", .array(sections + more + [context]))])
    }

    /// Slack's three control characters, escaped as its formatting rules ask.
    private static func escapeSlack(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    private static func teams(_ messages: [Notification]) -> JSONValue {
        .object([
            ("@type", .string("MessageCard")), ("@context", .string("https://schema.org/extensions")),
            ("summary", .string(subject(messages))), ("title", .string(subject(messages))),
            ("sections", .array([.object([
                ("text", .string(messages.map(\.text).joined(separator: "\n\n"))),
                ("facts", .array([.object([("name", .string("ids")), ("value", .string(messages.map { String($0.id) }.joined(separator: ", ")))])])),
            ])])),
        ])
    }

    /// Headers, a blank line, the lines: what `sendmail -t` reads. Header values lose
    /// their line breaks, so a company's name can never add a header.
    private static func email(_ messages: [Notification], addresses: Addresses) -> String {
        func header(_ name: String, _ value: String?) -> String? {
            value.map { "\(name): " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        }
        let headers = [
            header("From", addresses.from), header("To", addresses.to), header("Subject", subject(messages)),
            header("X-Lifeline-Notification", messages.map { String($0.id) }.joined(separator: ", ")),
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
        ].compactMap { $0 }
        return headers.joined(separator: "\n") + "\n\n" + messages.map(\.text).joined(separator: "\n") + "\n\n" + footer(messages) + "\n"
    }
}
