import Foundation
import Testing

/// Every command's usage errors are one line, `lifeline: error: ...`, then a second line
/// naming its help, with exit 64 - never the argument parser's multi-line error and
/// usage text.
@Suite("Usage errors on one line")
struct UsageErrorsTests {
    /// Every command that runs (no subcommands of its own), found from the help pages:
    /// `["company", "add"]`, `["sql"]`, ...
    static let commands: [[String]] = {
        var found: [[String]] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let help = (try? LifelineProcess.run(path + ["--help"], in: "/tmp", environment: [:]).stdout) ?? ""
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else {
                found.append(path)
                continue
            }
            for line in lines[(start + 1)...] {
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else {
                    if line.isEmpty { break } else { continue }
                }
                let name = String(line.dropFirst(2).split(separator: " ").first ?? "")
                if !name.isEmpty && name != "help" { pending.append(path + [name]) }
            }
        }
        return found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }()

    @Test("an unknown option, for every command: one line, the help to see, exit 64")
    func unknownOption() throws {
        #expect(Self.commands.count > 30, "\(Self.commands)")
        let scratch = try Scratch()
        for command in Self.commands {
            let result = try LifelineProcess.run(command + ["--no-such-option"], in: scratch.path, environment: [:])
            #expect(result.status == 64, "\(command)")
            // The parser names the first thing wrong: the unknown option, or what the
            // command needs before it.
            #expect(result.stderrLines.count == 2, "\(command): \(result.stderr)")
            #expect(result.stderrLines.first?.hasPrefix("lifeline: error: ") == true, "\(command): \(result.stderr)")
            if [["company", "list"], ["reassess"], ["report"], ["doctor"], ["release", "list"]].contains(command) {
                #expect(result.stderrLines.first == "lifeline: error: unknown option '--no-such-option'", "\(command)")
            }
            #expect(result.stderrLines.last == Substring("see 'lifeline \(command.joined(separator: " ")) --help'"), "\(command)")
        }
    }

    @Test("a missing argument or option value, for every command that takes one: one line, the help to see, exit 64")
    func missingArgument() throws {
        let scratch = try Scratch()
        var refused = 0
        for command in Self.commands {
            // Without arguments: a command that needs one says so in one line.
            let bare = try LifelineProcess.run(command, in: scratch.path, environment: ["LIFELINE_DB": scratch.file("none.db")])
            #expect(!bare.stderr.contains("Usage:") && !bare.stderr.contains("Error:"), "\(command): \(bare.stderr)")
            #expect(bare.stderrLines.count <= 2, "\(command): \(bare.stderr)")
            if bare.status == 64 {
                refused += 1
                #expect(bare.stderrLines.first?.hasPrefix("lifeline: error: ") == true, "\(command)")
                #expect(bare.stderrLines.last == Substring("see 'lifeline \(command.joined(separator: " ")) --help'"), "\(command)")
            }
        }
        #expect(refused > 15)
        let missingValue = try LifelineProcess.run(["company", "add", "x", "--since"], in: scratch.path, environment: [:])
        #expect(missingValue.status == 64)
        #expect(missingValue.stderrLines == ["lifeline: error: missing value for '--since <date>'", "see 'lifeline company add --help'"])
    }
}

/// Every example in every command's help can be pasted into a shell as it is printed.
@Suite("Help that can be pasted")
struct PastableHelpTests {
    @Test("every example is one line of at most 80 columns, or broken with a backslash")
    func examples() throws {
        var examples = 0
        for command in UsageErrorsTests.commands + [[]] {
            let help = try LifelineProcess.run(command + ["--help"], in: "/tmp", environment: ["COLUMNS": "80"]).stdout
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Example") }) else { continue }
            var continuing = false
            for line in lines[(start + 1)...] {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.hasSuffix(":") && !text.hasPrefix("lifeline") { break }
                #expect(line.count <= 80, "\(command): '\(line)' is wider than 80 columns")
                #expect(continuing || text.hasPrefix("lifeline ") || text.hasPrefix("echo ") || text.hasPrefix("#"),
                        "\(command): '\(line)' continues an example without a backslash")
                continuing = text.hasSuffix("\\")
                examples += 1
            }
        }
        #expect(examples > 40)
    }
}
