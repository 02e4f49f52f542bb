import Lifeline
import LifelineCore

/// Releases as rows and as JSON, the same in `release log`, `list` and `show`.
enum ReleasePresenter {
    static let columns = ["id", "released_on", "date_basis", "announced_on", "model", "kind", "capabilities", "source", "note"]

    static func row(_ release: Release) -> [OutputValue] {
        [
            .integer(release.id), .text(release.releasedOn.iso), .text(release.dateBasis.rawValue), OutputValue(release.announcedOn?.iso),
            .text(release.model.description), .text(release.kind.rawValue),
            .text(release.capabilities.joined(separator: " ")), OutputValue(release.source), OutputValue(release.note),
        ]
    }

    static func rows(_ releases: [Release]) -> Rows {
        var rows = Rows(columns: columns)
        for release in releases { rows.append(row(release)) }
        return rows
    }

    static func json(_ release: Release) -> JSONValue {
        .object([
            ("id", .integer(release.id)), ("provider", .string(release.model.provider)),
            ("model", .string(release.model.description)), ("kind", .string(release.kind.rawValue)),
            ("released_on", .string(release.releasedOn.iso)), ("date_basis", .string(release.dateBasis.rawValue)),
            ("announced_on", JSONValue(release.announcedOn?.iso)),
            ("capabilities", .array(release.capabilities.map(JSONValue.string))), ("note", JSONValue(release.note)),
            ("source", JSONValue(release.source)), ("logged_at", .string(release.loggedAt)),
        ])
    }

    /// The release with the assessment changes logging it caused.
    static func json(_ release: Release, changes: [AssessmentChange]) -> JSONValue {
        guard case .object(var members) = json(release) else { return json(release) }
        members.append(("changes", .array(changes.map(AssessmentJSON.change))))
        return .object(members)
    }


    /// One release in `format`: JSON as an object; other formats as a one-row table.
    static func render(_ release: Release, as format: OutputFormat) -> String {
        switch format {
        case .json, .jsonl: json(release).serialized()
        default: format.writer.render(rows([release]))
        }
    }
}
