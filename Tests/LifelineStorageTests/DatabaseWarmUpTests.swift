import Foundation
import Testing
@testable import LifelineStorage

@Suite("A connection opened ahead, on another thread")
struct DatabaseWarmUpTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("warm.db")
        try Self.makeDatabase(at: path, holding: 1)
    }

    static func makeDatabase(at path: String, holding value: Int) throws {
        let database = try Database(path: path)
        try database.execute(sql: "CREATE TABLE t (n INTEGER)")
        try database.execute(sql: "INSERT INTO t VALUES (?)", arguments: [.integer(Int64(value))])
    }

    static func value(_ database: Database) throws -> Int? {
        try database.fetchOne(sql: "SELECT n FROM t") { try $0.get(0) as Int }
    }

    @Test("a read-write open of the same file takes the connection over, set up as a new one")
    func takenOver() throws {
        let connection = try #require(DatabaseWarmUp(path: path).take(path: path, mode: .readWrite))
        let database = try Database(path: path, configuration: .init(mode: .readWrite), warmedUp: connection)
        #expect(try Self.value(database) == 1)
        #expect(try database.fetchOne(sql: "PRAGMA journal_mode") { try $0.get(0) as String } == "wal")
        #expect(try database.fetchOne(sql: "PRAGMA foreign_keys") { try $0.get(0) as Int } == 1)
        #expect(try database.fetchOne(sql: "PRAGMA busy_timeout") { try $0.get(0) as Int } == 5000)
        try database.execute(sql: "INSERT INTO t VALUES (2)")
        #expect(try database.fetchOne(sql: "SELECT count(*) FROM t") { try $0.get(0) as Int } == 2)
    }

    @Test("the connection is handed over once, and only to a read-write open of the path it opened")
    func handedOverOnce() throws {
        let warm = DatabaseWarmUp(path: path)
        #expect(warm.take(path: path, mode: .readWrite) != nil)
        #expect(warm.take(path: path, mode: .readWrite) == nil, "the second open opens its own")
        for (other, mode) in [(directory.file("other.db"), Database.Mode.readWrite), (path, .readOnly), (path, .readWriteCreate)] {
            #expect(DatabaseWarmUp(path: path).take(path: other, mode: mode) == nil, "\(other) \(mode)")
        }
    }

    @Test("a file replaced after the warm-up is opened anew: the connection to the old one is not handed over")
    func replacedFile() throws {
        let warm = DatabaseWarmUp(path: path)
        let replacement = directory.file("replacement.db")
        try Self.makeDatabase(at: replacement, holding: 7)
        // Time for the warm-up to open the old file (a few milliseconds) before it is replaced.
        usleep(200_000)
        #expect(rename(replacement, path) == 0)
        #expect(warm.take(path: path, mode: .readWrite) == nil)
    }

    @Test("a missing file is not created, and a file that is no database is left as it was")
    func writesNothing() throws {
        let missing = directory.file("missing.db")
        #expect(DatabaseWarmUp(path: missing).take(path: missing, mode: .readWrite) == nil)
        #expect(!FileManager.default.fileExists(atPath: missing))

        let notes = directory.file("notes.txt")
        let text = String(repeating: "not a database\n", count: 400)
        try text.write(toFile: notes, atomically: true, encoding: .utf8)
        let warm = DatabaseWarmUp(path: notes)
        #expect(warm.take(path: notes, mode: .readWrite) == nil)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: notes + "-wal"))
    }
}
