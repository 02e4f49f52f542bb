import Testing
@testable import LifelineStorage

@Suite("Transactions and savepoints")
struct TransactionTests {
    struct Boom: Error {}

    let database: Database

    init() throws {
        database = try Database(path: Database.inMemoryPath)
        try database.execute(sql: "CREATE TABLE t (name TEXT NOT NULL)")
    }

    func names() throws -> [String] {
        try database.fetchAll(sql: "SELECT name FROM t ORDER BY rowid") { try $0.get(0) as String }
    }

    func insert(_ name: String) throws {
        try database.execute(sql: "INSERT INTO t (name) VALUES (?)", arguments: [.text(name)])
    }

    @Test("a committed transaction keeps its writes and returns the body's value")
    func commit() throws {
        let value = try database.transaction { try insert("a"); return 7 }
        #expect(value == 7)
        #expect(try names() == ["a"])
        #expect(database.isInAutocommit)
    }

    @Test("a throwing body leaves no trace")
    func rollback() throws {
        try insert("before")
        #expect(throws: Boom.self) {
            try database.transaction {
                try insert("a")
                try insert("b")
                throw Boom()
            }
        }
        #expect(try names() == ["before"])
        #expect(database.isInAutocommit)
    }

    @Test("a failing statement rolls back what the transaction already wrote")
    func failingStatement() throws {
        #expect(throws: SQLiteError.self) {
            try database.transaction {
                try insert("a")
                try database.execute(sql: "INSERT INTO t (name) VALUES (NULL)")
            }
        }
        #expect(try names() == [])
    }

    @Test("a failed savepoint undoes only its own writes")
    func savepointRollback() throws {
        try database.transaction {
            try insert("outer")
            #expect(throws: Boom.self) {
                try database.savepoint {
                    try insert("inner")
                    throw Boom()
                }
            }
            try insert("after")
        }
        #expect(try names() == ["outer", "after"])
    }

    @Test("nested savepoints: the inner one fails, the outer one commits")
    func nestedSavepoints() throws {
        try database.transaction {
            try database.savepoint {
                try insert("level 1")
                #expect(throws: Boom.self) {
                    try database.savepoint {
                        try insert("level 2")
                        try database.savepoint { try insert("level 3") }
                        throw Boom()
                    }
                }
            }
        }
        #expect(try names() == ["level 1"])
    }

    @Test("an outer failure undoes even released savepoints")
    func outerFailure() throws {
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.savepoint { try insert("released") }
                throw Boom()
            }
        }
        #expect(try names() == [])
    }

    @Test("a savepoint outside a transaction commits on its own")
    func standaloneSavepoint() throws {
        try database.savepoint { try insert("alone") }
        #expect(try names() == ["alone"])
        #expect(database.isInAutocommit)
    }
}
