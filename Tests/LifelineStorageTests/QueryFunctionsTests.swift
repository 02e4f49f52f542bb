import Testing
@testable import LifelineStorage

/// A user's query may call SQLite's core, date, math, JSON and aggregate functions, and
/// nothing else (`ReadOnlyAuthorizer.allowedFunctions`).
@Suite("Functions a user's query may call")
struct QueryFunctionsTests {
    let database: Database

    init() throws {
        database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (x)")
    }

    @Test("every built-in function of this SQLite is on the list, but those that reach past the query")
    func builtInsAllowed() throws {
        let builtIns = Set(try database.fetchAll(sql: "SELECT name FROM pragma_function_list WHERE builtin = 1") { try $0.get(0) as String })
        let left = builtIns.subtracting(ReadOnlyAuthorizer.allowedFunctions)
        #expect(left == ["load_extension", "sqlite_log"], "a built-in neither allowed nor refused on purpose")
        #expect(ReadOnlyAuthorizer.allowedFunctions.subtracting(builtIns).isEmpty, "allowed but not built in")
    }

    @Test("allowed functions run", arguments: [
        "SELECT abs(-1), coalesce(NULL, 2), upper('a'), round(2.5), typeof(x) FROM t",
        "SELECT date('2024-01-01', '+1 day'), julianday('2024-01-02') - julianday('2024-01-01'), strftime('%Y', 'now')",
        "SELECT sqrt(4), log10(100), pi()", "SELECT json_extract('{\"a\":1}', '$.a'), '{\"a\":1}' ->> 'a'",
        "SELECT count(*), group_concat(x), row_number() OVER () FROM t", "SELECT value FROM json_each('[1,2]')",
    ])
    func allowed(sql: String) throws {
        #expect(throws: Never.self) { _ = try database.prepareReadOnlyQuery(sql: sql) }
    }

    @Test("anything else is refused with the reason", arguments: [
        ("SELECT hex(fts3_tokenizer('simple'))", "fts3_tokenizer"), ("SELECT load_extension('x')", "load_extension"),
        ("SELECT sqlite_log(1, 'x')", "sqlite_log"), ("SELECT highlight(t, 0, '[', ']') FROM t", "highlight"),
    ])
    func refused(sql: String, name: String) throws {
        let error = #expect(throws: SQLiteError.self) { _ = try database.prepareReadOnlyQuery(sql: sql) }
        #expect(error?.message.hasPrefix("the function \(name)() is not allowed") == true, "\(error?.message ?? "")")
    }
}
