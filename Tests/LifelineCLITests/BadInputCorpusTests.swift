import Foundation
import LifelineStorage
import Testing

/// Every writing command fed a corpus of bad values: each must be refused with exit 64
/// or 65, say why (one line for bad data), and leave the database unchanged row for row.
@Suite("Bad input corpus")
struct BadInputCorpusTests {
    static let longText = String(repeating: "x", count: 10_000)
    static let injection = "'); DROP TABLE companies;--"

    static let badDates = ["2023-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-1-1", "tomorrow", "2023-02-28T00:00", "0000-01-01", "99999-01-01", "", injection]
    static let badSlugs = ["", "Bad Slug", "-lead", "UPPER", "a/b", "ünï", longText, injection, "tab\there"]
    static let badNames = ["", "   ", longText, "tab\there", "bell\u{7}", "line\nbreak"]
    static let badAmounts = ["--amount=-5", "--amount=abc", "--amount=1.2.3", "--amount=1e6", "--amount=0.001", "--amount=99999999999999", "--amount=", "--amount=\(injection)"]
    static let badTiers = ["5", "0", "three", "--tier=-3", "", "12.0"]
    static let badEffects = ["fatal", "", "ADVANTAGE", injection]
    static let unknownCompanies = ["papertak", "nobody", injection]
    static let unknownModels = ["openai/gpt4", "opnai/gpt-4", "gpt-4", injection]
    static let unknownCapabilities = ["file-uplod", "teleportation", injection]
    static let badURLs = ["openai.com", "ftp://x.org", "javascript:alert(1)", "https://a b.com", injection]
    static let badNotes = [longText + longText, "bell\u{7}"]
    static let badRunways = ["-1", "121", "three", "1.5"]

    /// Every command with one bad value in one place.
    static let cases: [[String]] = {
        var cases: [[String]] = []
        func add(_ values: [String], _ make: (String) -> [String]) { cases += values.map(make) }
        add(badSlugs) { ["provider", "add", $0] }
        add(badNames) { ["provider", "add", "newco", "--name", $0] }
        add(badSlugs) { ["model", "add", "openai/\($0)"] }
        add(badNames) { ["model", "add", "openai/new-model", "--name", $0] }
        add(["service", "", injection]) { ["model", "add", "openai/new-model", "--kind", $0] }
        add(badSlugs) { ["capability", "add", $0, "--name", "New"] }
        add(badNames) { ["capability", "add", "new-cap", "--name", $0] }
        add(unknownCapabilities) { ["capability", "alias", $0, "newalias"] }
        add(["Bad Alias", "", injection, "agents", "tool_call"]) { ["capability", "alias", "vision", $0] }
        add(badSlugs) { ["company", "add", $0, "--tier", "3", "--since", "2024-01-01"] }
        add(badNames) { ["company", "add", "newco", "--tier", "3", "--since", "2024-01-01", "--name", $0] }
        add(badTiers) { $0.hasPrefix("--") ? ["company", "add", "newco", $0, "--since", "2024-01-01"] : ["company", "add", "newco", "--tier", $0, "--since", "2024-01-01"] }
        add(badDates) { ["company", "add", "newco", "--tier", "3", "--since", $0] }
        add(badRunways) { ["company", "add", "newco", "--tier", "3", "--since", "2024-01-01", "--runway=\($0)"] }
        add(badURLs) { ["company", "add", "newco", "--tier", "3", "--since", "2024-01-01", "--website", $0] }
        add(badNotes) { ["company", "add", "newco", "--tier", "3", "--since", "2024-01-01", "--notes", $0] }
        add(unknownCompanies) { ["company", "edit", $0, "--tier", "6"] }
        add(badTiers.filter { !$0.hasPrefix("--") }) { ["company", "edit", "papertalk", "--tier", $0] }
        add(badDates) { ["company", "edit", "papertalk", "--since", $0] }
        add(badNames) { ["company", "edit", "papertalk", "--name", $0] }
        add(unknownCompanies) { ["company", "remove", $0, "--yes"] }
        add(unknownModels) { ["company", "depend", "papertalk", $0] }
        add(unknownCompanies) { ["company", "depend", $0, "openai/gpt-4"] }
        add(unknownModels) { ["company", "undepend", "papertalk", $0] }
        add(unknownCapabilities) { ["company", "expose", "papertalk", $0, "--effect", "advantage"] }
        add(badEffects) { ["company", "expose", "papertalk", "vision", "--effect", $0] }
        add(["googel", injection, ""]) { ["company", "expose", "papertalk", "vision", "--effect", "advantage", "--provider", $0] }
        add(unknownCapabilities) { ["company", "unexpose", "papertalk", $0] }
        add(badAmounts) { ["company", "invest", "papertalk", "--on", "2024-01-01", $0] }
        add(badDates) { ["company", "invest", "papertalk", "--amount", "1M", "--on", $0] }
        add(badNames.filter { !$0.isEmpty }) { ["company", "invest", "papertalk", "--amount", "1M", "--on", "2024-01-01", "--round", $0] }
        add(badDates) { ["company", "rebuild", "papertalk", "--on", $0] }
        add(["2023-04-10", "2022-01-01"]) { ["company", "rebuild", "papertalk", "--on", $0] }
        add(unknownModels) { ["release", "log", $0, "--on", "2024-01-01", "--capability", "vision"] }
        add(badDates) { ["release", "log", "openai/chatgpt", "--on", $0, "--capability", "vision"] }
        add(badDates.filter { !$0.isEmpty } + ["2024-02-01"]) { ["release", "log", "openai/chatgpt", "--on", "2024-01-01", "--capability", "vision", "--announced", $0] }
        add(unknownCapabilities) { ["release", "log", "openai/chatgpt", "--on", "2024-01-01", "--capability", $0] }
        add(["rumour", "", injection]) { ["release", "log", "openai/chatgpt", "--on", "2024-01-01", "--kind", $0] }
        add(badURLs) { ["release", "log", "openai/chatgpt", "--on", "2024-01-01", "--capability", "vision", "--source", $0] }
        add(badNotes) { ["release", "log", "openai/chatgpt", "--on", "2024-01-01", "--capability", "vision", "--note", $0] }
        add(["999", "0", "-1", "one", injection]) { ["release", "remove", $0, "--yes"] }
        add(unknownCompanies) { ["dismiss", $0, "1", "--reason", "x"] }
        add(["999", "one", injection]) { ["dismiss", "papertalk", $0, "--reason", "x"] }
        add(["", "bell\u{7}", longText]) { ["dismiss", "papertalk", "1", "--reason", $0] }
        add(badDates + ["2024-06-01", "2020-01-01"]) { ["dismiss", "papertalk", "1", "--reason", "x", "--until", $0] }
        add(["999", injection]) { ["undismiss", "papertalk", $0] }
        add(badDates + ["2099-01-01"]) { ["reassess", "--as-of", $0] }
        add(["-1", "99999", "many"]) { ["reassess", "--warn-days=\($0)"] }
        return cases
    }()

    static let files: [(name: String, bytes: [UInt8], command: [String])] = [
        ("latin1.csv", Array("slug,tier,since\ncaf".utf8) + [0xE9] + Array(",3,2024-01-01\n".utf8), ["company", "import", "latin1.csv"]),
        ("broken.json", Array("{\"openai\": {\"models\": {\"x\": {\"name\": \"".utf8) + [0xFF, 0xFE] + Array("\"}}}}".utf8), ["import", "models-dev", "broken.json"]),
        ("binary.json", [0x00, 0x01, 0x02, 0xFF], ["import", "litellm", "binary.json"]),
        ("injection.csv", Array("slug,tier,since\n\(injection),3,2024-01-01\n".utf8), ["company", "import", "injection.csv"]),
        ("q.sql", [0x53, 0x45, 0x4C, 0xFF], ["sql", "--file", "q.sql"]),
    ]

    @Test("every bad value in every writing command is refused and changes nothing")
    func corpus() throws {
        let scratch = try Scratch()
        let database = scratch.file("p.db")
        let environment = ["LIFELINE_DB": database, "LIFELINE_TODAY": "2024-06-01"]
        for command in [
            ["init"], ["provider", "add", "openai"], ["model", "add", "openai/gpt-4"], ["model", "add", "openai/chatgpt"],
            ["company", "add", "papertalk", "--tier", "3", "--since", "2023-04-10"],
            ["company", "depend", "papertalk", "openai/gpt-4"], ["company", "expose", "papertalk", "file-upload", "--effect", "necessity"],
            ["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"],
        ] {
            #expect(try LifelineProcess.run(command, in: scratch.path, environment: environment).status == 0, "\(command)")
        }
        for file in Self.files { FileManager.default.createFile(atPath: scratch.file(file.name), contents: Data(file.bytes)) }
        let before = try DatabaseSnapshot(path: database)
        var refused = 0
        for arguments in Self.cases + Self.files.map(\.command) {
            let result = try LifelineProcess.run(arguments, in: scratch.path, environment: environment)
            let shown = arguments.map { $0.count > 40 ? String($0.prefix(20)) + "..." : $0 }.joined(separator: " ")
            #expect(result.status == 64 || result.status == 65, "lifeline \(shown): exit \(result.status) \(result.stderr.prefix(200))")
            if result.status == 65 {
                #expect(result.stderrLines.count == 1, "lifeline \(shown): \(result.stderr.prefix(300))")
                #expect(result.stderr.hasPrefix("lifeline: error: "))
            } else {
                #expect(!result.stderr.isEmpty)
            }
            #expect(result.stdout.isEmpty, "lifeline \(shown) printed \(result.stdout.prefix(200))")
            if result.status == 64 || result.status == 65 { refused += 1 }
        }
        #expect(try DatabaseSnapshot(path: database) == before)
        #expect(refused == Self.cases.count + Self.files.count)
        // docs/reliability.md states this number: change both together.
        #expect(Self.cases.count + Self.files.count == 276, "the corpus has \(Self.cases.count + Self.files.count) cases")
    }
}
