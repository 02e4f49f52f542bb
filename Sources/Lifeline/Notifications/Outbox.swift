import LifelineCore
import LifelineStorage

/// The notifications outbox (migration 0024): what a reassessment found, written in the
/// transaction that found it, for `lifeline notify` to deliver later. A backtest and a
/// dry run write nothing here - their callers do not call it.
public struct Outbox: PortfolioPart {
    let portfolio: Portfolio

    /// Writes a notification for each company whose status `report` changed (a company
    /// new to the portfolio has no status to change from) and for each of its events,
    /// inside the caller's transaction.
    func record(_ report: ReassessmentReport) throws {
        var rows: [(kind: String, company: String?, payload: JSONValue)] = []
        for change in report.changes {
            guard let previous = change.previous, previous.status != change.current.status else { continue }
            rows.append((
                "status-changed", change.current.company,
                Self.payload(
                    kind: "status-changed", company: change.current.company, text: AssessmentPresenter.line(change),
                    member: ("change", AssessmentJSON.change(change)))))
        }
        for event in report.events {
            rows.append((
                event.kind.rawValue, event.company,
                Self.payload(
                    kind: event.kind.rawValue, company: event.company, text: EventPresenter.line(event),
                    member: ("event", EventPresenter.json(event)))))
        }
        try insert(rows)
    }

    /// Inserts `rows`, created now, in the caller's transaction.
    func insert(_ rows: [(kind: String, company: String?, payload: JSONValue)]) throws {
        guard !rows.isEmpty else { return }
        let createdAt = try database.fetchOne(sql: "SELECT \(Portfolio.nowSQL)") { try $0.get(0) as String } ?? ""
        try database.insertRows(
            into: "notifications", columns: ["created_at", "kind", "company", "payload"], count: rows.count, rowsPerStatement: 500
        ) { offset, values in
            let row = rows[offset]
            values += [.text(createdAt), .text(row.kind), row.company.map(SQLValue.text) ?? .null, .text(row.payload.serialized())]
        }
    }

    /// `{"kind":...,"company":...,"text":...,"change"|"event":{...}}`.
    private static func payload(kind: String, company: String, text: String, member: (String, JSONValue)) -> JSONValue {
        .object([("kind", .string(kind)), ("company", .string(company)), ("text", .string(text)), member])
    }
}
