/// Stagnation flags (rule 11) as `company list`, `company show`, the report and the
/// digest print them.
package enum StagnationPresenter {
    /// "stale-opportunities 212d, rebuild-overdue 95d", or nil without flags: the
    /// `flags` cell of `company list`.
    package static func cell(_ flags: [StagnationFlag]) -> String? {
        guard let first = flags.first else { return nil }
        // Concatenated, not interpolated and joined, which was a third of making a row.
        var cell = String(concatenating: [first.kind.rawValue, " ", String(first.days), "d"])
        for flag in flags.dropFirst() {
            cell += String(concatenating: [", ", flag.kind.rawValue, " ", String(flag.days), "d"])
        }
        return cell
    }

    /// "function-calling on openai/gpt-4 (release 1, 2023-06-13) not adopted for 212 days"
    /// or "in rebuild for 95 days since openai/gpt-4 shipped function-calling on
    /// 2023-06-13 (release 1)", with no new lifeline.
    package static func sentence(_ flag: StagnationFlag) -> String {
        switch flag.kind {
        case .staleOpportunities:
            return "\(flag.capability ?? "?") on \(flag.model) (release \(flag.releaseID), \(flag.since)) not adopted for \(days(flag.days))"
        case .rebuildOverdue:
            return "in rebuild for \(days(flag.days)) since \(flag.model) shipped \(flag.capability ?? "?") on \(flag.since) "
                + "(release \(flag.releaseID)), with no new lifeline"
        }
    }

    /// The flag as a JSON object: kind, since, days, raised_on, release_id, model, capability.
    package static func json(_ flag: StagnationFlag) -> JSONValue {
        .object([
            ("flag", .string(flag.kind.rawValue)), ("since", .string(flag.since.iso)), ("days", .integer(Int64(flag.days))),
            ("raised_on", .string(flag.raisedOn.iso)), ("release_id", .integer(flag.releaseID)),
            ("model", .string(flag.model.description)), ("capability", flag.capability.map(JSONValue.string) ?? .null),
        ])
    }

    private static func days(_ count: Int) -> String { "\(count) day\(count == 1 ? "" : "s")" }
}
