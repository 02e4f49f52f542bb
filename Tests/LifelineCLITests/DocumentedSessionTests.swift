import Foundation
import Testing

/// The example sessions in docs/ are run as written, and where a doc shows a command's
/// output, the real output must match it: the docs cannot drift from the code.
@Suite("Documented sessions")
struct DocumentedSessionTests {
    struct Step {
        let command: String
        let expectedOutput: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `$ ` commands of every ```console block in `file`, each with the output the
    /// doc shows under it (possibly none). A trailing `\` continues a command.
    static func steps(in file: String) throws -> [Step] {
        let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
        var steps: [Step] = []
        var inConsole = false
        var command: String?
        var output: [String] = []
        var continuing = false
        func finish() {
            if let command { steps.append(Step(command: command, expectedOutput: output.joined(separator: "\n"))) }
            command = nil
            output = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if inConsole { finish() }
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            if continuing, let current = command {
                command = current + " " + line.trimmingCharacters(in: .whitespaces)
                continuing = line.hasSuffix("\\")
            } else if line.hasPrefix("$ ") {
                finish()
                command = String(line.dropFirst(2))
                continuing = line.hasSuffix("\\")
            } else if !line.isEmpty {
                output.append(line)
            }
            if let current = command, continuing || current.hasSuffix("\\") {
                command = String(current.dropLast()).trimmingCharacters(in: .whitespaces)
            }
        }
        return steps
    }

    @Test("docs/cli.md: every command runs and every shown output is the real one")
    func cliSession() throws {
        let scratch = try Scratch()
        let steps = try Self.steps(in: "docs/cli.md")
        #expect(steps.count > 40)
        let binaryDirectory = URL(fileURLWithPath: LifelineProcess.binaryPath).deletingLastPathComponent().path
        var exports: [String] = []
        for step in steps {
            if step.command.hasPrefix("export ") {
                exports.append(step.command)
                continue
            }
            let script = (exports + [step.command]).joined(separator: "\n")
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", script + " 2>&1"]
            shell.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
            shell.environment = ["PATH": binaryDirectory + ":/usr/bin:/bin", "LIFELINE_TODAY": "2023-12-01", "LANG": "C.UTF-8"]
            let pipe = Pipe()
            shell.standardOutput = pipe
            try shell.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            if !step.expectedOutput.isEmpty {
                let actual = output.split(separator: "\n").map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
                let expected = step.expectedOutput.split(separator: "\n").map(String.init)
                #expect(actual == expected, "$ \(step.command)")
            } else {
                #expect(shell.terminationStatus == 0, "$ \(step.command): \(output)")
            }
        }
    }
}
