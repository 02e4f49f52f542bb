import LifelineCore

/// Adoptions as `company show` and `history` list them.
enum AdoptionPresenter {
    static func rows(_ adoptions: [Adoption]) -> Rows {
        var rows = Rows(columns: ["capability", "adopted_on", "release_id", "model", "released_on", "lag_days", "note"])
        for adoption in adoptions {
            rows.append([
                .text(adoption.capability), .text(adoption.adoptedOn.iso),
                .integer(adoption.release.id), .text(adoption.release.model.description), .text(adoption.release.releasedOn.iso),
                .integer(Int64(adoption.lagDays)), OutputValue(adoption.note),
            ])
        }
        return rows
    }

    /// "release 12 (openai/gpt-4-0613, 2023-06-13)".
    static func releaseText(_ adoption: Adoption) -> String {
        "release \(adoption.release.id) (\(adoption.release.model), \(adoption.release.releasedOn))"
    }

    /// "37 days after it shipped".
    static func lagText(_ adoption: Adoption) -> String {
        adoption.lagDays == 0 ? "the day it shipped" : "\(adoption.lagDays) day\(adoption.lagDays == 1 ? "" : "s") after it shipped"
    }
}
