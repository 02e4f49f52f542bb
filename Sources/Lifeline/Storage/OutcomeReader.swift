import LifelineCore
import LifelineStorage

/// Reads a recorded outcome from a result that has the assessments table's outcome
/// columns (`Portfolio.outcomeColumns(of:)`), by their names: found on the first row,
/// then read by position, as a nightly run reads 100,000 of them.
///
/// Every value is read strictly (see StoredValues.swift): a threat's cause must have its
/// model and date, and the cause's kind, the status and the effect must be known ones.
final class OutcomeReader {
    static let columns = [
        "status", "tier_months", "lifeline_start", "natural_end", "lifeline_end", "runway_end", "cause_kind",
        "cause_release_id", "cause_model", "cause_capability", "cause_effect", "cause_released_on",
    ]

    /// Where each column stands in the result.
    private struct Positions {
        let status, tierMonths, lifelineStart, naturalEnd, lifelineEnd, runwayEnd: Int
        let causeKind, causeReleaseID, causeModel, causeCapability, causeEffect, causeReleasedOn: Int

        init(_ row: Row) throws {
            status = try row.index(ofColumn: "status")
            tierMonths = try row.index(ofColumn: "tier_months")
            lifelineStart = try row.index(ofColumn: "lifeline_start")
            naturalEnd = try row.index(ofColumn: "natural_end")
            lifelineEnd = try row.index(ofColumn: "lifeline_end")
            runwayEnd = try row.index(ofColumn: "runway_end")
            causeKind = try row.index(ofColumn: "cause_kind")
            causeReleaseID = try row.index(ofColumn: "cause_release_id")
            causeModel = try row.index(ofColumn: "cause_model")
            causeCapability = try row.index(ofColumn: "cause_capability")
            causeEffect = try row.index(ofColumn: "cause_effect")
            causeReleasedOn = try row.index(ofColumn: "cause_released_on")
        }
    }

    private var positions: Positions?

    func outcome(from row: Row) throws -> Assessment.Outcome {
        let at = try positions ?? Positions(row)
        positions = at
        let cause: Assessment.Cause
        switch try row.get(at.causeKind) as Assessment.Cause.Kind {
        case .tier:
            cause = .tier
        case .closed:
            cause = .closed
        case .threat, .retirement:
            cause = .threat(Threat(
                // NULL once the release is removed: the cause is kept by value.
                releaseID: try row.get(at.causeReleaseID) as Int64? ?? 0,
                model: try Self.modelReference(row, at.causeModel),
                releasedOn: try row.get(at.causeReleasedOn), capability: try row.get(at.causeCapability),
                effect: try row.get(at.causeEffect)))
        }
        return Assessment.Outcome(
            status: try row.get(at.status), tierMonths: try row.get(at.tierMonths), lifelineStart: try row.get(at.lifelineStart),
            naturalEnd: try row.get(at.naturalEnd), lifelineEnd: try row.get(at.lifelineEnd), runwayEnd: try row.get(at.runwayEnd),
            cause: cause)
    }

    /// `provider/model` as this program stores it: split, not validated again. Split on
    /// the column's bytes (a scorecard reads every assessment's cause: searching the text
    /// by Character, then copying both halves out of a whole string, was a tenth of it).
    private static func modelReference(_ row: Row, _ column: Int) throws -> ModelReference {
        let split = row.withTextBytes(at: Int32(column)) { bytes -> ModelReference? in
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
            return ModelReference(
                provider: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self),
                model: String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self))
        }
        if let reference = split ?? nil { return reference }
        let text: String = try row.get(column)
        throw row.unknownValue(Int32(column), text, expected: "a model as provider/model")
    }
}
