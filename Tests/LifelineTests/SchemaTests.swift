import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// The schema refuses bad data even when it is written by hand with `sqlite3`.
@Suite("Schema constraints")
struct SchemaTests {
    let database: Database

    init() throws {
        database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        try database.executeScript(sql: """
            INSERT INTO providers (id, slug, name) VALUES (1, 'openai', 'OpenAI');
            INSERT INTO models (id, provider_id, slug, name) VALUES (1, 1, 'gpt-4', 'GPT-4');
            INSERT INTO companies (id, slug, name, tier_months, lifeline_start) VALUES (1, 'papertalk', 'PaperTalk', 3, '2023-01-15');
            INSERT INTO releases (id, model_id, kind, released_on) VALUES (1, 1, 'retirement', '2024-01-04');
            INSERT INTO releases (id, model_id, kind, released_on) VALUES (2, 1, 'capability', '2023-06-13');
            """)
    }

    @Test("every file in Migrations/ is embedded, numbered 1, 2, 3, ...")
    func everyMigrationIsEmbedded() throws {
        let migrationsDirectory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: migrationsDirectory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Schema.embeddedFileNames == files)
        #expect(Schema.migrations.count == files.count)
        #expect(Schema.migrations.map(\.version) == Array(1...files.count))
        for migration in Schema.migrations {
            let file = files[migration.version - 1]
            let text = try String(contentsOf: migrationsDirectory.appendingPathComponent(file), encoding: .utf8)
            #expect(migration.sql == text, "\(file) is embedded byte for byte")
        }
    }

    @Test("each embedded migration's checksum, computed at build time, is the SHA-256 of its text")
    func embeddedChecksums() {
        for migration in Schema.migrations {
            let computed = Migration(version: migration.version, name: migration.name, sql: migration.sql)
            #expect(migration.checksum == computed.checksum, "migration \(migration.version)")
        }
        // And the value `sha256sum Migrations/0001_initial_schema.sql` printed when it shipped.
        #expect(Schema.migrations.first?.checksum == "21348f25b7bdd8e0c0e4456c37099dec6eaf6ae325817af3975093a07f0afec9")
    }

    /// While the assessments are current, commands that compute check the foreign keys
    /// of `Portfolio.referencesAlwaysChecked` only (`Portfolio.requireTrust`): that is sound
    /// only if every other write by hand that can leave a reference dangling forgets the
    /// state. A new table, or a trigger dropped, fails here.
    @Test("every reference the trust check skips while the assessments are current is watched by a trigger")
    func watchedReferences() throws {
        let triggers = try database.fetchAll(sql: """
            SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%SET current_since = NULL%'
            """) { (table: try $0.get(0) as String, sql: try $0.get(1) as String) }
        /// Whether a trigger forgets the state when `column` of `table` changes by `event`.
        func watched(_ table: String, _ event: String, column: String? = nil) -> Bool {
            triggers.contains { trigger in
                guard trigger.table == table, let after = trigger.sql.range(of: "AFTER \(event)") else { return false }
                // " OF a, b ON table ..." names the columns it watches; " ON table ..." all.
                let clause = trigger.sql[after.upperBound...]
                guard let column, clause.hasPrefix(" OF "), let on = clause.range(of: " ON ") else { return true }
                return clause[clause.index(clause.startIndex, offsetBy: 4)..<on.lowerBound]
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(column)
            }
        }
        let tables = try database.fetchAll(sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
            try $0.get(0) as String
        }
        var checked = 0
        for table in tables where table != "assessments" && !Portfolio.referencesAlwaysChecked.contains(table) {
            let keys = try database.fetchAll(sql: #"SELECT "table", "from", coalesce("to", 'id') FROM pragma_foreign_key_list(?)"#, arguments: [.text(table)]) {
                (parent: try $0.get(0) as String, column: try $0.get(1) as String, parentColumn: try $0.get(2) as String)
            }
            for key in keys {
                checked += 1
                #expect(watched(table, "INSERT") && watched(table, "DELETE"), "\(table): inserts and deletions")
                #expect(watched(table, "UPDATE", column: key.column), "\(table).\(key.column): updates")
                #expect(watched(key.parent, "DELETE"), "\(table) -> \(key.parent): deletions of the parent")
                #expect(watched(key.parent, "UPDATE", column: key.parentColumn), "\(table) -> \(key.parent).\(key.parentColumn): updates of the parent")
            }
        }
        #expect(checked >= 11, "the tables the computation reads have foreign keys to check")
        for table in Portfolio.referencesAlwaysChecked {
            #expect(try database.fetchOne(sql: "SELECT count(*) FROM pragma_foreign_key_list(?)", arguments: [.text(table)]) { try $0.get(0) as Int } ?? 0 > 0,
                    "\(table) has foreign keys to check")
        }
    }

    @Test("the capability catalogue is seeded, each with a description")
    func seededCapabilities() throws {
        let slugs = try database.fetchAll(sql: "SELECT slug FROM capabilities WHERE description IS NOT NULL") {
            try $0.get(0) as String
        }
        for expected in ["chat-assistant", "file-upload", "function-calling", "fine-tuning", "vision",
                         "long-context", "structured-output", "code-execution", "web-browsing", "agents",
                         "reasoning", "image-generation", "voice", "office-integration"] {
            #expect(slugs.contains(expected))
        }
    }

    @Test("rows that break the rules are refused", arguments: [
        // Dates: real calendar dates in ISO form only.
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 3, '2023-02-30')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 3, '2023-02-29')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 3, '2023-2-3')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 3, '2023-01-01T00:00')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 3, 'yesterday')",
        "INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-13-01', 100)",
        "INSERT INTO releases (model_id, kind, released_on) VALUES (1, 'launch', '2023-04-31')",
        "INSERT INTO releases (model_id, kind, released_on, announced_on) VALUES (1, 'launch', '2023-04-01', '2023-05-01')",
        // Tiers, effects, kinds, amounts.
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 5, '2023-01-01')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('c', 'C', 'six', '2023-01-01')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start, runway_months) VALUES ('c', 'C', 6, '2023-01-01', -1)",
        "INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-01-01', -1)",
        "INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-01-01', 10.5)",
        "INSERT INTO exposures (company_id, capability_id, effect) VALUES (1, 1, 'fatal')",
        "INSERT INTO releases (model_id, kind, released_on) VALUES (1, 'rumour', '2023-01-01')",
        "INSERT INTO models (provider_id, slug, name, kind) VALUES (1, 'm', 'M', 'service')",
        // Slugs and names.
        "INSERT INTO providers (slug, name) VALUES ('Open AI', 'x')",
        "INSERT INTO providers (slug, name) VALUES ('-openai', 'x')",
        "INSERT INTO providers (slug, name) VALUES ('', 'x')",
        "INSERT INTO providers (slug, name) VALUES ('openai', 'duplicate')",
        "INSERT INTO providers (slug, name) VALUES ('p', '')",
        "INSERT INTO providers (slug, name) VALUES ('p', 'line' || char(10) || 'break')",
        "INSERT INTO providers (slug, name) VALUES ('p', NULL)",
        "INSERT INTO models (provider_id, slug, name) VALUES (1, 'gpt-4', 'again')",
        // Dangling references.
        "INSERT INTO models (provider_id, slug, name) VALUES (99, 'm', 'M')",
        "INSERT INTO dependencies (company_id, model_id) VALUES (1, 99)",
        "INSERT INTO dependencies (company_id, model_id) VALUES (99, 1)",
        "INSERT INTO exposures (company_id, capability_id, effect) VALUES (1, 999, 'advantage')",
        "INSERT INTO release_capabilities (release_id, capability_id) VALUES (99, 1)",
        "INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (42, '2023-01-01', 1)",
        "DELETE FROM models WHERE id = 1",
        "DELETE FROM providers WHERE id = 1",
        // A retirement ships nothing.
        "INSERT INTO release_capabilities (release_id, capability_id) VALUES (1, 1)",
    ])
    func refused(sql: String) throws {
        let before = try database.fetchOne(sql: "SELECT total_changes()") { try $0.get(0) as Int }
        let error = #expect(throws: SQLiteError.self) { try database.execute(sql: sql) }
        #expect(error?.isConstraintViolation == true, "\(String(describing: error))")
        let after = try database.fetchOne(sql: "SELECT total_changes()") { try $0.get(0) as Int }
        #expect(before == after)
    }

    @Test("a capability release cannot turn into a retirement while it ships capabilities")
    func retirementUpdate() throws {
        try database.execute(sql: "INSERT INTO release_capabilities (release_id, capability_id) VALUES (2, 1)")
        let error = #expect(throws: SQLiteError.self) {
            try database.execute(sql: "UPDATE releases SET kind = 'retirement' WHERE id = 2")
        }
        #expect(error?.message == "a retirement release ships no capabilities")
    }

    @Test("good rows are accepted", arguments: [
        "INSERT INTO companies (slug, name, tier_months, lifeline_start) VALUES ('leap', 'Leap Day', 12, '2024-02-29')",
        "INSERT INTO companies (slug, name, tier_months, lifeline_start, runway_months) VALUES ('zero.runway_1', 'Zéro — ساعة 🚀', 6, '2023-01-01', 0)",
        "INSERT INTO investments (company_id, invested_on, round, amount_cents) VALUES (1, '2023-01-01', 'Seed', 0)",
        "INSERT INTO releases (model_id, kind, released_on, announced_on) VALUES (1, 'launch', '2023-04-01', '2023-03-01')",
        "INSERT INTO exposures (company_id, capability_id, effect) VALUES (1, 2, 'necessity')",
        "INSERT INTO models (provider_id, slug, name, kind) VALUES (1, 'chatgpt', 'ChatGPT', 'product')",
    ])
    func accepted(sql: String) throws {
        try database.execute(sql: sql)
        #expect(database.changes == 1)
    }

    @Test("removing a company removes what belongs to it, and nothing else")
    func companyCascade() throws {
        try database.executeScript(sql: """
            INSERT INTO investments (company_id, invested_on, amount_cents) VALUES (1, '2023-01-01', 100);
            INSERT INTO dependencies (company_id, model_id) VALUES (1, 1);
            INSERT INTO exposures (id, company_id, capability_id, effect) VALUES (1, 1, 2, 'necessity');
            INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (1, 1);
            DELETE FROM companies WHERE id = 1;
            """)
        for table in ["investments", "dependencies", "exposures", "exposure_providers"] {
            #expect(try database.fetchOne(sql: "SELECT count(*) FROM \(table)") { try $0.get(0) as Int } == 0, "\(table)")
        }
        #expect(try database.fetchOne(sql: "SELECT count(*) FROM models") { try $0.get(0) as Int } == 1)
        #expect(try database.fetchAll(sql: "PRAGMA foreign_key_check") { _ in () }.isEmpty)
    }
}
