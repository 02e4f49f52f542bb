import LifelineCore

/// The saved queries of `docs/queries/*.sql`, built into the binary: `lifeline sql
/// --saved at-risk` runs `docs/queries/at-risk.sql`.
public struct SavedQuery: Equatable, Sendable {
    /// The file name without `.sql`.
    public let name: String
    /// The first line of the file, a `-- ` comment saying what the query answers.
    public let description: String
    public let sql: String

    /// Every saved query, by name.
    public static let all: [SavedQuery] = EmbeddedQueries.files.map { file in
        let firstLine = file.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return SavedQuery(
            name: String(file.name.dropLast(4)),
            description: firstLine.hasPrefix("--") ? String(firstLine.dropFirst(2).drop { $0 == " " }) : "",
            sql: file.text)
    }

    /// The saved query called `name`, or an error naming the closest one.
    public static func named(_ name: String) throws -> SavedQuery {
        if let query = all.first(where: { $0.name == name }) { return query }
        throw LifelineError(
            .badData,
            "no saved query '\(Slug.printable(name))'" + Suggestion.hint(for: name, among: all.map(\.name), listCommand: "lifeline sql --list"))
    }
}
