import LifelineStorage

/// Every row of every table, to prove a refused command changed nothing.
struct DatabaseSnapshot: Equatable {
    let tables: [String: [[SQLValue]]]

    init(path: String) throws {
        let database = try Database(path: path, configuration: .init(mode: .readOnly))
        let names = try database.fetchAll(
            sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ) { try $0.get(0) as String }
        var tables: [String: [[SQLValue]]] = [:]
        for name in names {
            tables[name] = try database.fetchAll(sql: "SELECT * FROM \"\(name)\" ORDER BY 1, 2") { $0.values }
        }
        self.tables = tables
    }

    var totalRows: Int { tables.values.reduce(0) { $0 + $1.count } }
}
