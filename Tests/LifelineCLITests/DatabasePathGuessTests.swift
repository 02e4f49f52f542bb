import Testing
@testable import LifelineCLI

/// The database path guessed from the command line before the parser reads it, for the
/// warm-up (`GlobalOptions.warmUp`).
@Suite("The database path, guessed ahead of the parser")
struct DatabasePathGuessTests {
    @Test("the last --db before a --, spelled either way", arguments: [
        (["release", "log", "openai/gpt-4", "--db", "a.db"], "a.db"),
        (["--db=b.db", "company", "list"], "b.db"),
        (["company", "list", "--db", "a.db", "--db=c.db"], "c.db"),
        (["sql", "--db", "a.db", "--", "--db", "not-this.db"], "a.db"),
        (["company", "add", "x", "--db"], nil),
        (["company", "list"], nil),
    ] as [([String], String?)])
    func guessed(arguments: [String], path: String?) {
        #expect(GlobalOptions.databasePath(guessedFrom: arguments[...]) == GlobalOptions.databasePath(given: path))
    }
}
