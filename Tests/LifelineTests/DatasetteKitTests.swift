import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

@Suite("The Datasette kit")
struct DatasetteKitTests {
    let kit: DatasetteKit
    let signedIn: DatasetteKit

    init() throws {
        let directory = NSTemporaryDirectory() + "lifeline-kit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/team.portfolio.db"
        _ = try PortfolioDatabase.open(path: path, create: true)
        let portfolio = try PortfolioDatabase.openReadOnly(path: path)
        kit = try portfolio.datasetteKit()
        signedIn = try portfolio.datasetteKit(logins: ["alice", "bob-2"])
        let refused = #expect(throws: LifelineError.self) { try portfolio.datasetteKit(logins: ["Alice Smith"]) }
        #expect(refused?.kind == .badData)
        #expect(refused?.message.contains("invalid login slug 'Alice Smith'") == true)
    }

    var database: JSONValue? { kit.metadata["databases"]?[kit.databaseName] }

    func table(_ name: String) -> JSONValue? { database?["tables"]?[name] }

    @Test("named as Datasette names the file: without its last extension")
    func name() {
        #expect(kit.databaseName == "team.portfolio")
        #expect(kit.metadata["title"] == .string("lifeline: team.portfolio"))
    }

    @Test("views and tables are described from docs/schema.md, columns included")
    func described() {
        let view = table("v_company_lifeline")
        guard case .string(let description)? = view?["description"] else {
            Issue.record("v_company_lifeline has no description")
            return
        }
        #expect(description.hasPrefix("One row per company"))
        #expect(view?["columns"]?["days_remaining"] == .string(SchemaDocument.shipped.entry(named: "v_company_lifeline")?.columns.first { $0.name == "days_remaining" }?.meaning ?? ""))
        #expect(table("releases")?["columns"]?["released_on"] != nil)
    }

    @Test("facets on status, tier, sector and provider where a table has them")
    func facets() {
        #expect(table("v_company_lifeline")?["facets"] == .array(["status", "tier_months", "sector", "cause_provider"].map(JSONValue.string)))
        #expect(table("companies")?["facets"] == .array(["tier_months", "sector"].map(JSONValue.string)))
        #expect(table("v_release_impact")?["facets"] == .array(["status", "provider"].map(JSONValue.string)))
        #expect(table("v_exposure_matrix")?["facets"] == nil)
    }

    @Test("lifeline's and Litestream's bookkeeping is hidden, the rest is not")
    func hidden() {
        for name in ["schema_migrations", "assessment_state", "runs_in_progress", "notifications", "_litestream"] {
            #expect(table(name)?["hidden"] == .bool(true), "\(name) is hidden")
        }
        #expect(table("companies")?["hidden"] == nil)
        #expect(table("assessments")?["hidden"] == nil)
    }

    @Test("every saved query is a canned query, its :params named as form fields")
    func queries() {
        guard case .object(let queries)? = database?["queries"] else {
            Issue.record("no queries")
            return
        }
        #expect(queries.map(\.0) == SavedQuery.all.map(\.name))
        let endingWithin = database?["queries"]?["ending-within"]
        #expect(endingWithin?["params"] == .array([.string("days")]))
        #expect(endingWithin?["sql"] == .string(try! SavedQuery.named("ending-within").sql))
        #expect(database?["queries"]?["at-risk"]?["params"] == .array([]))
    }

    @Test("serve.sh serves the file read-only, never immutable, with the settings; a path is one word whatever it holds")
    func serveScript() {
        let script = kit.serveScript(databasePath: "/srv/it's here/team.portfolio.db")
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains(#"serve '/srv/it'\''s here/team.portfolio.db' \"#))
        #expect(script.contains("--setting sql_time_limit_ms \(DatasetteKit.sqlTimeLimitMilliseconds)"))
        #expect(!script.contains("--immutable \\") && !script.contains(" -i "))
        #expect(script.contains("--host \"${HOST:-127.0.0.1}\""))
    }
}

extension DatasetteKitTests {
    @Test("without --login anyone who reaches the server reads; with it only the logins, checked against hashes in the environment")
    func logins() {
        #expect(kit.metadata["allow"] == nil && kit.metadata["plugins"] == nil && kit.configuration["allow"] == nil)
        let allow: JSONValue = .object([("id", .array([.string("alice"), .string("bob-2")]))])
        let plugins: JSONValue = .object([("datasette-auth-passwords", .object([
            ("alice_password_hash", .object([("$env", .string("LIFELINE_PASSWORD_HASH_ALICE"))])),
            ("bob-2_password_hash", .object([("$env", .string("LIFELINE_PASSWORD_HASH_BOB_2"))])),
        ]))])
        for document in [signedIn.metadata, signedIn.configuration] {
            #expect(document["allow"] == allow)
            #expect(document["plugins"] == plugins)
        }
        #expect(DatasetteKit.passwordHashVariable(for: "c.d_e-9") == "LIFELINE_PASSWORD_HASH_C_D_E_9")
    }

    @Test("datasette.yaml, for Datasette 1.0: the settings and the same canned queries, as JSON behind a comment")
    func configuration() throws {
        #expect(kit.configuration["databases"]?[kit.databaseName]?["queries"] == kit.metadata["databases"]?[kit.databaseName]?["queries"])
        #expect(kit.configuration["settings"]?["sql_time_limit_ms"] == .integer(Int64(DatasetteKit.sqlTimeLimitMilliseconds)))
        let lines = kit.configurationText.split(separator: "\n", maxSplits: 1)
        #expect(lines.first?.hasPrefix("# ") == true)
        #expect(try JSONValue.parse(Array(lines[1].utf8)).serialized() == kit.configuration.serialized())
    }
}
