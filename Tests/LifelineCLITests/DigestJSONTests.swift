import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
@testable import LifelineCLI

/// `reassess --format json` writes its digest a change at a time, so that a first run
/// over a whole portfolio does not hold it twice in memory.
@Suite("The reassessment digest in JSON")
struct DigestJSONTests {
    static let asOf = CivilDate(iso: "2026-01-15")!

    static func change(_ index: Int) -> AssessmentChange {
        let threat = Threat(
            releaseID: Int64(index), model: ModelReference(provider: "openai", model: "gpt-\(index)"),
            releasedOn: CivilDate(iso: "2025-12-01")!, capability: "file-upload", effect: .necessity)
        let outcome = Assessment.Outcome(
            status: index.isMultiple(of: 2) ? .replaced : .alive, tierMonths: 6, lifelineStart: CivilDate(iso: "2025-06-01")!,
            naturalEnd: CivilDate(iso: "2025-12-01")!, lifelineEnd: CivilDate(iso: "2025-12-01")!,
            runwayEnd: CivilDate(iso: "2026-06-01")!, cause: index.isMultiple(of: 3) ? .tier : .threat(threat))
        let current = Assessment(
            companyID: Int64(index), company: "company-\(index)", asOf: asOf, outcome: outcome, opportunities: [],
            threats: [], dismissedThreats: [])
        return AssessmentChange(previous: nil, current: current)
    }

    static func report(changes: Int) -> ReassessmentReport {
        ReassessmentReport(
            runID: 7, trigger: "reassess", asOf: asOf, warnDays: 30, stallDays: 90, companiesAssessed: 5_000, companiesComputed: changes,
            changes: (0..<changes).map(change))
    }

    /// The pieces `writeJSON` hands out, and the document they make.
    static func written(_ report: ReassessmentReport) throws -> (pieces: [String], document: [String: Any]) {
        var pieces: [String] = []
        DigestPresenter.writeJSON(report) { pieces.append($0) }
        let text = pieces.joined()
        #expect(text.hasSuffix("}\n"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (pieces, document)
    }

    @Test("many changes: one document, written in pieces of about 64 KiB, every change in order")
    func manyChanges() throws {
        let (pieces, document) = try Self.written(Self.report(changes: 2_000))
        #expect(pieces.count > 4)
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < 1 << 17 })
        #expect(document["run_id"] as? Int == 7)
        #expect(document["as_of"] as? String == "2026-01-15")
        #expect(document["companies_assessed"] as? Int == 5_000)
        #expect(document["companies_computed"] as? Int == 2_000)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.map { $0["company"] as? String } == (0..<2_000).map { "company-\($0)" })
        #expect(changes[1]["cause_model"] as? String == "openai/gpt-1")
        #expect(changes[3]["cause_kind"] as? String == "tier")
        #expect(changes[1]["previous_status"] is NSNull)
    }

    @Test("no changes: an empty list, in one piece")
    func noChanges() throws {
        let (pieces, document) = try Self.written(Self.report(changes: 0))
        #expect(pieces.count == 1)
        #expect(pieces[0].contains(#","changes":[],"events":[]}"#))
        #expect((document["changes"] as? [Any])?.isEmpty == true)
    }

    /// The `events` of a digest printed as JSON.
    static func events(of text: String) throws -> [[String: Any]]? {
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return document?["events"] as? [[String: Any]]
    }

    @Test("events follow the changes, each with its kind, company, date, release and assessment")
    func events() throws {
        var report = Self.report(changes: 2)
        let event = ReassessmentEvent(
            kind: .runwayEnded, company: "company-1", on: CivilDate(iso: "2026-01-10")!, releaseID: 3,
            model: ModelReference(provider: "openai", model: "gpt-1"), capabilities: ["file-upload"],
            assessment: Self.change(1).current)
        report = report.with(events: [event], since: CivilDate(iso: "2026-01-01")!)
        let (_, document) = try Self.written(report)
        #expect(document["events_since"] as? String == "2026-01-01")
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events[0]["kind"] as? String == "runway-ended")
        #expect(events[0]["company"] as? String == "company-1")
        #expect(events[0]["on"] as? String == "2026-01-10")
        #expect(events[0]["release_id"] as? Int == 3)
        #expect(events[0]["capabilities"] as? [String] == ["file-upload"])
        #expect((events[0]["assessment"] as? [String: Any])?["status"] as? String == Self.change(1).current.status.rawValue)
    }
}
