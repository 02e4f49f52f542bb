import LifelineCore
import LifelineStorage

/// A column whose values the domain reads as one of its types (see StoredValues.swift),
/// and the values it may hold. `lifeline doctor` checks every one, so that a value edited
/// by hand with the schema's checks off is found before a command stops on it. The
/// allowed values come from the Swift types themselves: one list, not two.
struct StoredValueCheck {
    enum Allowed {
        /// One of these values (text or integers, as stored).
        case oneOf([SQLValue], description: String)
        /// A date lifeline reads: `YYYY-MM-DD`, a real day, in `CivilDate.supportedYears`.
        case date
        /// A time lifeline records: `YYYY-MM-DDTHH:MM:SS.SSSZ`, UTC (migration 0012).
        case timestamp
    }

    let table: String
    let column: String
    let allowed: Allowed

    /// Every such column of the schema.
    static let all: [StoredValueCheck] = {
        func cases<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> Allowed where T.RawValue == String {
            .oneOf(T.allCases.map { .text($0.rawValue) }, description: T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let tiers = Allowed.oneOf(
            Company.Tier.allCases.map { .integer(Int64($0.months)) },
            description: Company.Tier.allCases.map { String($0.months) }.joined(separator: ", "))
        let enumerations: [(String, String, Allowed)] = [
            ("models", "kind", cases(Model.Kind.self)), ("releases", "kind", cases(Release.Kind.self)),
            ("companies", "tier_months", tiers), ("exposures", "effect", cases(Effect.self)),
            ("assessments", "status", cases(LifelineStatus.self)), ("assessments", "tier_months", tiers),
            ("assessments", "cause_kind", cases(Assessment.Cause.Kind.self)), ("assessments", "cause_effect", cases(Effect.self)),
            ("companies", "lifeline_began", cases(LifelineRecord.Beginning.self)),
            ("earlier_lifelines", "tier_months", tiers), ("earlier_lifelines", "began", cases(LifelineRecord.Beginning.self)),
            ("earlier_lifeline_exposures", "effect", cases(Effect.self)), ("closures", "reason", cases(ClosingReason.self)),
            ("providers", "role", cases(Provider.Role.self)),
        ]
        let dates = [
            ("releases", "released_on"), ("releases", "announced_on"), ("companies", "lifeline_start"),
            ("investments", "invested_on"), ("reassessment_runs", "as_of"), ("assessments", "as_of"),
            ("assessments", "lifeline_start"), ("assessments", "natural_end"), ("assessments", "lifeline_end"),
            ("assessments", "runway_end"), ("assessments", "cause_released_on"), ("earlier_lifelines", "starts_on"),
            ("closures", "closed_on"), ("dismissals", "until"), ("assessment_state", "current_since"),
            ("assessment_state", "latest_as_of"),
        ]
        let timestamps = [
            ("providers", "created_at"), ("models", "created_at"), ("capabilities", "created_at"), ("companies", "created_at"),
            ("releases", "logged_at"), ("dismissals", "recorded_at"), ("earlier_lifelines", "superseded_at"),
            ("closures", "recorded_at"), ("reassessment_runs", "started_at"), ("reassessment_runs", "finished_at"),
        ]
        return enumerations.map { StoredValueCheck(table: $0.0, column: $0.1, allowed: $0.2) }
            + dates.map { StoredValueCheck(table: $0.0, column: $0.1, allowed: .date) }
            + timestamps.map { StoredValueCheck(table: $0.0, column: $0.1, allowed: .timestamp) }
    }()

    /// What is wrong with the column, or nil: how many rows hold a value it may not,
    /// the first of them, and what is expected.
    func problem(in database: Database) throws -> String? {
        let wrong: String
        let arguments: [SQLValue]
        let expected: String
        switch allowed {
        case .oneOf(let values, let description):
            wrong = "\(column) NOT IN (\(values.map { _ in "?" }.joined(separator: ", ")))"
            arguments = values
            expected = "one of \(description)"
        case .date:
            wrong = "(typeof(\(column)) != 'text' OR date(\(column), '+0 days') IS NOT \(column) OR \(column) NOT BETWEEN ? AND ?)"
            arguments = [.text("\(CivilDate.supportedYears.lowerBound)-01-01"), .text("\(CivilDate.supportedYears.upperBound)-12-31")]
            expected = "a date (YYYY-MM-DD)"
        case .timestamp:
            wrong = "strftime('%Y-%m-%dT%H:%M:%fZ', \(column)) IS NOT \(column)"
            arguments = []
            expected = "a UTC time such as 2024-06-01T06:15:02.118Z"
        }
        let found = try database.fetchOne(
            sql: "SELECT count(*), min(substr(quote(\(column)), 1, 60)) FROM \(table) WHERE \(column) IS NOT NULL AND \(wrong)",
            arguments: arguments
        ) { (count: try $0.get(0) as Int, example: try $0.get(1) as String?) }
        guard let found, found.count > 0, let example = found.example else { return nil }
        let rows = found.count == 1 ? "1 row holds" : "\(found.count) rows hold"
        return "\(table).\(column): \(rows) a value lifeline does not know (such as \(Slug.printable(example))); expected \(expected)"
    }
}
