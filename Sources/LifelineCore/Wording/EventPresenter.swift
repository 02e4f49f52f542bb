/// The digest's events (`ReassessmentEvent`) in words and in JSON: what `reassess`
/// prints beside the changes, and what the notifications outbox keeps.
package enum EventPresenter {
    /// "papertalk: runway-ended on 2023-10-06 (release 2: openai/chatgpt file-upload); now replaced (...)",
    /// or "deckly: stagnating on 2023-09-12 (stale-opportunities: function-calling on ... not adopted for 91 days); now alive (...)"
    package static func line(_ event: ReassessmentEvent) -> String {
        if let flag = event.flag {
            return "\(event.company): \(event.kind.rawValue) on \(event.on) (\(flag.kind.rawValue): \(StagnationPresenter.sentence(flag))); "
                + "now \(event.assessment.status.rawValue) (\(AssessmentPresenter.reason(event.assessment)))"
        }
        let release = (event.releaseID.map { "release \($0): " } ?? "") + "\(event.model)"
            + (event.capabilities.isEmpty ? " retirement" : " " + event.capabilities.joined(separator: ", "))
        let now = "now \(event.assessment.status.rawValue) (\(AssessmentPresenter.reason(event.assessment)))"
        return "\(event.company): \(event.kind.rawValue) on \(event.on) (\(release)); \(now)"
    }

    package static func json(_ event: ReassessmentEvent) -> JSONValue {
        .object([
            ("kind", .string(event.kind.rawValue)), ("company", .string(event.company)), ("on", .string(event.on.iso)),
            ("release_id", event.releaseID.map(JSONValue.integer) ?? .null), ("model", .string(event.model.description)),
            ("capabilities", .array(event.capabilities.map(JSONValue.string))),
            ("assessment", AssessmentJSON.assessment(event.assessment)),
        ] + (event.flag.map { [("flag", StagnationPresenter.json($0))] } ?? []))
    }
}
