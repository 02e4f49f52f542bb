import Testing
@testable import Lifeline
import LifelineCore
import LifelineStorage

/// The storage layer's errors as the domain explains them: the CLI knows only
/// `LifelineError`, and picks the exit code from its kind.
@Suite("Storage errors in lifeline's words")
struct StorageErrorTests {
    @Test("each SQLite failure gets the kind its exit code follows", arguments: [
        (5, LifelineError.Kind.busy, "the database is busy (another lifeline or sqlite3 is writing); try again: m"),
        (14, .missingInput, "m"),
        (26, .badData, "not a usable lifeline database: m"),
        (10, .ioFailure, "input/output failure: m"),
        (13, .ioFailure, "input/output failure: m"),
        (20, .badData, "the database holds a value lifeline cannot read: m; 'lifeline doctor' lists every such value"),
        (2067, .badData, "refused by the database: m"),
        (1, .software, "SQLite error 1 (SQL logic error): m"),
    ] as [(Int32, LifelineError.Kind, String)])
    func sqlite(code: Int32, kind: LifelineError.Kind, message: String) {
        let explained = LifelineError(explaining: SQLiteError(extendedCode: code, message: "m"))
        #expect(explained == LifelineError(kind, message))
    }

    @Test("a database from a newer lifeline is unavailable; any other refusal of the migrator is bad data")
    func migrations() {
        #expect(LifelineError(explaining: MigrationError.databaseIsNewer(databaseVersion: 9, latestKnownVersion: 6))?.kind == .unavailable)
        #expect(LifelineError(explaining: MigrationError.unknownMigration(version: 7, name: "x"))?.kind == .badData)
    }

    @Test("lifeline's own errors pass through; others are not explained")
    func others() {
        #expect(LifelineError(explaining: LifelineError(.usage, "u")) == LifelineError(.usage, "u"))
        struct Other: Error {}
        #expect(LifelineError(explaining: Other()) == nil)
    }

    @Test("only plain decimal numbers bind as numbers", arguments: [
        ("42", SQLValue.integer(42)), ("-7", .integer(-7)), ("0", .integer(0)), ("0.5", .real(0.5)), ("-12.25", .real(-12.25)),
        ("007", .text("007")), ("1e3", .text("1e3")), ("0x1f", .text("0x1f")), ("inf", .text("inf")), ("nan", .text("nan")),
        ("+5", .text("+5")), (".5", .text(".5")), ("5.", .text("5.")), ("-", .text("-")), ("", .text("")),
        ("1_000", .text("1_000")), ("99999999999999999999", .text("99999999999999999999")),
    ])
    func plainNumbers(text: String, bound: SQLValue) throws {
        #expect(try ReadOnlyPortfolio.arguments(["p": QueryParameter(text)], for: ["p"]) == ["p": bound])
        #expect(try ReadOnlyPortfolio.arguments(["p": QueryParameter(text, isText: true)], for: ["p"]) == ["p": .text(text)])
    }

    @Test("a query's parameters: typed by their look, every one needed and used")
    func queryParameters() throws {
        let bound = try ReadOnlyPortfolio.arguments(
            ["n": QueryParameter("42"), "x": QueryParameter("1.5"), "t": QueryParameter("0042a")], for: ["n", "x", "t"])
        #expect(bound == ["n": .integer(42), "x": .real(1.5), "t": .text("0042a")])
        #expect(throws: LifelineError(.usage, "the query needs --param days=VALUE")) {
            try ReadOnlyPortfolio.arguments([:], for: ["days"])
        }
        #expect(throws: LifelineError(.usage, "the query has no parameter :days")) {
            try ReadOnlyPortfolio.arguments(["days": QueryParameter("9")], for: [])
        }
        #expect(throws: LifelineError(.usage, "use named parameters (:name) with --param, not ?")) {
            try ReadOnlyPortfolio.arguments([:], for: [nil])
        }
    }
}
