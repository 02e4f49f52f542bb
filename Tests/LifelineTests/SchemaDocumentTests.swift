import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

@Suite("docs/schema.md read as data")
struct SchemaDocumentTests {
    @Test("views and tables, their prose, and a column cell naming several columns")
    func parsesObjects() {
        let document = SchemaDocument(markdown: """
            # The database schema

            ## Reporting views

            ### v_one

            One row per company, as of [the latest date](engine.md): see `as_of`.
            Second line of the same paragraph.

            | column | meaning |
            |---|---|
            | company | slug |
            | cause_provider, cause_model | e.g. `openai` |

            Ordered by **status**.

            ### Saved queries

            Not an object.

            ## Tables

            ### runs, other_runs

            | column | type | meaning |
            |---|---|---|
            | id | INTEGER | key |

            ## Example queries

            ### v_not_here
            """)
        #expect(document.entries.map(\.name) == ["v_one", "runs", "other_runs"])
        let view = document.entry(named: "v_one")
        #expect(view?.kind == .view)
        #expect(view?.description == "One row per company, as of the latest date: see as_of. Second line of the same paragraph.\n\nOrdered by status.")
        #expect(view?.columns == [
            .init(name: "company", meaning: "slug"),
            .init(name: "cause_provider", meaning: "e.g. openai"),
            .init(name: "cause_model", meaning: "e.g. openai"),
        ])
        #expect(document.entry(named: "other_runs")?.kind == .table)
        #expect(document.entry(named: "other_runs")?.columns == [.init(name: "id", meaning: "key")])
        #expect(document.entry(named: "v_not_here") == nil)
    }

    @Test("a table that is not a column table, and brackets that are not links, are left as text")
    func notColumnsNotLinks() {
        let document = SchemaDocument(markdown: """
            ## Tables

            ### t

            Holds [a] bracket and [a link](x) and a [dangling](.

            | status | companies |
            |---|---|
            | alive | 3 |
            """)
        #expect(document.entry(named: "t")?.columns == [])
        #expect(document.entry(named: "t")?.description == "Holds [a] bracket and a link and a [dangling](.")
    }

    /// The page is the one description of the schema: the Datasette kit reads it, so a
    /// migration that adds a table, a view or a column must document it.
    @Test("the shipped docs/schema.md describes every table and view, and every column of every view and documented table")
    func describesTheSchema() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        let objects = try database.fetchAll(
            sql: "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ) { (try $0.get(0, as: String.self), try $0.get(1, as: String.self)) }
        let document = SchemaDocument.shipped
        #expect(objects.count > 30)
        for (name, type) in objects {
            guard let entry = document.entry(named: name) else {
                Issue.record("docs/schema.md does not describe the \(type) \(name)")
                continue
            }
            #expect(entry.kind == (type == "view" ? .view : .table), "\(name) is described among the \(type)s")
            let columns = try database.fetchAll(sql: "SELECT name FROM pragma_table_info(?)", arguments: [.text(name)]) { try $0.get(0, as: String.self) }
            let documented = entry.columns.map(\.name)
            #expect(Set(documented).subtracting(columns).isEmpty, "\(name) has no column \(Set(documented).subtracting(columns).sorted())")
            if !documented.isEmpty {
                #expect(Set(columns).subtracting(documented).isEmpty, "\(name)'s columns \(Set(columns).subtracting(documented).sorted()) are not documented")
            }
        }
        #expect(document.entries.allSatisfy { entry in objects.contains { $0.0 == entry.name } }, "every object documented exists")
    }
}
