import Testing
@testable import LifelineStorage

@Suite("A twin connection reading the same snapshot")
struct TwinTests {
    let directory: TemporaryDirectory
    let path: String
    let database: Database
    /// Another process's connection, committing when a test says.
    let writer: Database

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("twin.db")
        database = try Database(path: path)
        try database.execute(sql: "CREATE TABLE t (n INTEGER)")
        try database.execute(sql: "INSERT INTO t VALUES (1)")
        writer = try Database(path: path)
    }

    func count(_ connection: Database) throws -> Int {
        try connection.fetchOne(sql: "SELECT count(*) FROM t") { try $0.get(0) as Int } ?? -1
    }

    @Test("data_version changes with another connection's commit, not with this one's own")
    func dataVersion() throws {
        let first = try database.dataVersion()
        try database.execute(sql: "INSERT INTO t VALUES (2)")
        #expect(try database.dataVersion() == first)
        try writer.execute(sql: "INSERT INTO t VALUES (3)")
        #expect(try database.dataVersion() != first)
    }

    @Test("the twin and this connection read one snapshot, whatever is committed meanwhile")
    func sameSnapshot() throws {
        let counts = try database.readingWithTwin { twin -> (mine: Int, twins: Int) in
            let twin = try #require(twin)
            try writer.execute(sql: "INSERT INTO t VALUES (2)")
            return (try count(database), try count(twin))
        }
        #expect(counts.mine == 1 && counts.twins == 1)
        #expect(try count(database) == 2, "the next read sees the commit")
        #expect(database.isInAutocommit)
    }

    @Test("a commit between the two snapshots leaves no twin, and this connection reads the newer one")
    func commitInBetween() throws {
        let (hadTwin, mine) = try database.readingWithTwin(betweenSnapshots: {
            try writer.execute(sql: "INSERT INTO t VALUES (2)")
        }) { twin in (twin != nil, try count(database)) }
        #expect(!hadTwin)
        #expect(mine == 2)
    }

    @Test("the twin refuses writes")
    func twinReadsOnly() throws {
        try database.readingWithTwin { twin in
            let twin = try #require(twin)
            let error = #expect(throws: SQLiteError.self) { try twin.execute(sql: "INSERT INTO t VALUES (2)") }
            #expect(error?.primaryCode == 8)  // SQLITE_READONLY
        }
        #expect(try count(database) == 1)
    }

    @Test("a database in memory has no twin: another connection would open another database")
    func inMemory() throws {
        let memory = try Database(path: Database.inMemoryPath)
        #expect(try memory.readingWithTwin { $0 == nil })
    }

    @Test("an error in the body ends both transactions and is rethrown")
    func bodyThrows() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) { try database.readingWithTwin { _ in throw Boom() } }
        #expect(database.isInAutocommit)
        try writer.execute(sql: "INSERT INTO t VALUES (2)")
        #expect(try writer.fetchOne(sql: "PRAGMA wal_checkpoint(TRUNCATE)") { try $0.get(0) as Int } == 0, "no reader left behind blocks a checkpoint")
    }
}
