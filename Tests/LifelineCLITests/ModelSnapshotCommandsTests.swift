import Foundation
import LifelineStorage
import Testing

/// Model snapshots end to end: `model add --snapshot-of`, `model edit`, `model list`,
/// the catalogue import's guesses, and export and restore.
@Suite("Model snapshots, end to end")
struct ModelSnapshotCommandsTests {
    let scratch: Scratch
    static let sample = OnboardingCommandsTests.repository.appendingPathComponent("Tests/Fixtures/models-dev-sample.json").path

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String = "p.db") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": "2025-06-01"])
    }

    @discardableResult
    func ok(_ arguments: [String], db: String = "p.db") throws -> String {
        let result = try run(arguments, db: db)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    @Test("a catalogue import records dated ids of recorded models as their snapshots, says which, and changes nothing recorded")
    func importGuesses() throws {
        try ok(["init"])
        try ok(["provider", "add", "openai"])
        try ok(["model", "add", "openai/gpt-4o-2024-05-13"])
        let imported = try ok(["import", "models-dev", Self.sample])
        let line = try #require(imported.split(separator: "\n").first { $0.hasPrefix("Recorded ") })
        #expect(line.contains(" as dated snapshots of recorded ones (anthropic/claude-haiku-4-5-20251001 of anthropic/claude-haiku-4-5, "))
        #expect(line.hasSuffix("; undo a wrong one with 'lifeline model edit MODEL --no-snapshot-of'."))
        let openai = try ok(["model", "list", "--provider", "openai", "--format", "csv"])
        #expect(openai.contains("\nopenai/gpt-4o-2024-08-06,openai,GPT-4o (2024-08-06),api,openai/gpt-4o\n"), "\(openai)")
        #expect(openai.contains("\nopenai/gpt-4o-2024-05-13,openai,gpt-4o-2024-05-13,api,\n"), "a model recorded before stays as it was")
        #expect(try ok(["import", "models-dev", Self.sample]).hasPrefix("Nothing new in models.dev"))
        try ok(["model", "edit", "openai/gpt-4o-2024-08-06", "--no-snapshot-of"])
        #expect(try ok(["model", "list", "--provider", "openai", "--format", "csv"]).contains("\nopenai/gpt-4o-2024-08-06,openai,GPT-4o (2024-08-06),api,\n"))
    }

    @Test("model add and edit: what they say, and what is refused with nothing written", arguments: [
        (["model", "edit", "openai/gpt-4-0613"], Int32(64), "give --snapshot-of PROVIDER/MODEL or --no-snapshot-of"),
        (["model", "edit", "openai/gpt-4-0613", "--snapshot-of", "openai/gpt-4", "--no-snapshot-of"], 64, "give --snapshot-of PROVIDER/MODEL or --no-snapshot-of"),
        (["model", "edit", "openai/gpt-4", "--snapshot-of", "openai/gpt-4-0613"], 65, "'openai/gpt-4' has snapshots of its own (openai/gpt-4-0613)"),
        (["model", "add", "openai/gpt-4-0314", "--snapshot-of", "openai/gpt4"], 65, "unknown model 'openai/gpt4'; did you mean 'openai/gpt-4'?"),
    ])
    func addAndEdit(arguments: [String], status: Int32, message: String) throws {
        try ok(["init"])
        try ok(["provider", "add", "openai"])
        try ok(["model", "add", "openai/gpt-4"])
        #expect(try ok(["model", "add", "openai/gpt-4-0613", "--snapshot-of", "openai/gpt-4"])
            == "Added model openai/gpt-4-0613 (gpt-4-0613, api, a snapshot of openai/gpt-4).\n")
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let refused = try run(arguments)
        #expect(refused.status == status)
        #expect(refused.stderrLines.first?.hasPrefix("lifeline: error: \(message)") == true, "\(refused.stderr)")
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }

    @Test("export writes each base before its snapshots, and restore gives the same models back")
    func exportAndRestore() throws {
        try ok(["init"], db: "a.db")
        try ok(["provider", "add", "openai"], db: "a.db")
        try ok(["model", "add", "openai/zeta"], db: "a.db")
        try ok(["model", "add", "openai/alpha", "--snapshot-of", "openai/zeta"], db: "a.db")
        try ok(["model", "add", "openai/beta"], db: "a.db")
        try ok(["export", "--out", "out"], db: "a.db")
        let models = String(decoding: try scratch.bytes("out/models.csv"), as: UTF8.self)
        #expect(models == "model,name,kind,snapshot_of,family\nopenai/beta,beta,api,,\nopenai/zeta,zeta,api,,\nopenai/alpha,alpha,api,openai/zeta,\n")
        try ok(["restore", "out"], db: "b.db")
        #expect(try ok(["model", "list"], db: "b.db") == ok(["model", "list"], db: "a.db"))
    }
}
