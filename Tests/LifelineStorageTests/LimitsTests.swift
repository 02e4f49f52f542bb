import Testing
@testable import LifelineStorage

@Suite("Parameter limit and page cache")
struct LimitsTests {
    static func cacheSize(_ database: Database) throws -> Int? {
        try database.fetchOne(sql: "PRAGMA cache_size") { try $0.get(0) as Int }
    }

    @Test("the parameter limit is SQLite's, and lowering it refuses statements with more")
    func parameterLimit() throws {
        let database = try Database(path: Database.inMemoryPath)
        #expect(database.parameterLimit >= 999)
        database.parameterLimit = 3
        #expect(database.parameterLimit == 3)
        #expect(try database.fetchOne(sql: "SELECT ? + ? + ?", arguments: [.integer(1), .integer(2), .integer(3)]) { try $0.get(0) as Int } == 6)
        #expect(throws: SQLiteError.self) { try database.prepare(sql: "SELECT ?, ?, ?, ?") }
    }

    @Test("the page cache is as asked inside the body and as it was after it")
    func pageCache() throws {
        let database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "PRAGMA cache_size = -1234")
        let inside = try database.withPageCache(kibibytes: 4096) { try Self.cacheSize(database) }
        #expect(inside == -4096)
        #expect(try Self.cacheSize(database) == -1234)
    }

    @Test("the page cache is set back when the body throws")
    func pageCacheAfterError() throws {
        struct Failure: Error {}
        let database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "PRAGMA cache_size = 500")
        #expect(throws: Failure.self) { try database.withPageCache(kibibytes: 4096) { throw Failure() } }
        #expect(try Self.cacheSize(database) == 500)
    }
}
