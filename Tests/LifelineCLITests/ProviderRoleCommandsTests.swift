import Foundation
import LifelineStorage
import Testing

/// Provider roles end to end: `provider add --role`, `provider edit`, `provider list`,
/// and the catalogue import's guesses for providers lifeline does not know.
@Suite("Provider roles, end to end")
struct ProviderRoleCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        for command in [
            ["init"], ["provider", "add", "openai"], ["model", "add", "openai/gpt-4o"],
            ["company", "add", "pdfchat", "--tier", "12", "--since", "2024-01-01", "--expose", "file-upload:necessity"],
        ] {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
    }

    func run(_ arguments: [String], input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(
            arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file("p.db"), "LIFELINE_TODAY": "2024-12-01"], input: input)
    }

    /// A models.dev file with one provider lifeline does not know, listing other labs' models.
    static let catalogue = """
        {"gatewayz": {"id": "gatewayz", "name": "Gatewayz", "models": {
          "openai/gpt-4o-mini": {"id": "openai/gpt-4o-mini", "name": "GPT-4o mini", "release_date": "2024-07-18",
            "attachment": true, "modalities": {"input": ["text", "image", "pdf"], "output": ["text"]}},
          "claude-3-haiku": {"id": "claude-3-haiku", "name": "Claude 3 Haiku", "release_date": "2024-03-07",
            "attachment": true, "modalities": {"input": ["text", "image", "pdf"], "output": ["text"]}}}}}
        """

    @Test("an import guesses an unknown provider a host and says so; its listings then end nothing until it is made a lab")
    func importGuess() throws {
        let imported = try run(["import", "models-dev", "-"], input: Self.catalogue)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("""
            Guessed the role of 1 new provider from their model ids: host gatewayz; \
            correct one with 'lifeline provider edit SLUG --role lab|host'.
            """), "\(imported.stdout)")
        #expect(!imported.stdout.contains("pdfchat:"), "no status change from a host's listing")
        #expect(try run(["provider", "list", "--format", "csv"]).stdout == "provider,name,role,models\ngatewayz,Gatewayz,host,2\nopenai,openai,lab,1\n")
        #expect(try run(["release", "list", "--touching", "--format", "csv"]).stdout.split(separator: "\n").count == 1, "a header, no release")
        #expect(try run(["release", "list", "--source", "import", "--format", "csv"]).stdout.split(separator: "\n").count == 3)
        let exported = try run(["export", "--out", "out"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(String(decoding: try scratch.bytes("out/providers.csv"), as: UTF8.self) == "slug,name,role\ngatewayz,Gatewayz,host\nopenai,openai,lab\n")
        let edited = try run(["provider", "edit", "gatewayz", "--role", "lab"])
        #expect(edited.stdout.hasPrefix("gatewayz is now a lab.\npdfchat: alive -> replaced (gatewayz/claude-3-haiku shipped file-upload on 2024-03-07;"), "\(edited.stdout)")
    }

    @Test("provider add takes --role; a wrong role or provider is refused with nothing written", arguments: [
        (["provider", "add", "gw", "--role", "reseller"], Int32(64), "the value 'reseller' is invalid for '--role <role>'"),
        (["provider", "edit", "opnai", "--role", "host"], 65, "unknown provider 'opnai'; did you mean 'openai'?"),
        (["provider", "edit", "openai"], 64, "missing expected argument '--role <role>'"),
        (["release", "list", "--limit", "0"], 64, "--limit must be at least 1, not 0"),
        (["release", "list", "--source", "typed"], 64, "the value 'typed' is invalid for '--source <source>'"),
    ])
    func refused(arguments: [String], status: Int32, message: String) throws {
        #expect(try run(["provider", "add", "relay", "--role", "host"]).stdout == "Added provider relay (relay, host).\n")
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let result = try run(arguments)
        #expect(result.status == status)
        #expect(result.stderrLines.first?.hasPrefix("lifeline: error: \(message)") == true, "\(result.stderr)")
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }
}
