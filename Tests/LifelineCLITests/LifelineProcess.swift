import Foundation

/// Runs the built `lifeline` binary, as a user's shell would, and captures what it did.
struct LifelineProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Standard error's lines (a failure must say itself in exactly one).
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The binary under test: `$LIFELINE_BIN`, else the `lifeline` that SwiftPM built
    /// next to this test bundle.
    static let binaryPath: String = {
        if let path = ProcessInfo.processInfo.environment["LIFELINE_BIN"] { return path }
        let testBundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBundle.deletingLastPathComponent().appendingPathComponent("lifeline").path
    }()

    /// Runs `lifeline arguments...` in `directory` with a clean environment (plus
    /// `environment`), feeding `input` on stdin.
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var fullEnvironment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        fullEnvironment.merge(environment) { $1 }
        process.environment = fullEnvironment
        // Output goes to files, not pipes: a large output can never block the child.
        let capture = try Scratch()
        FileManager.default.createFile(atPath: capture.file("stdout"), contents: nil)
        FileManager.default.createFile(atPath: capture.file("stderr"), contents: nil)
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.file("stdout")))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.file("stderr")))
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        let outputData = try capture.bytes("stdout")
        let errorData = try capture.bytes("stderr")
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}

/// A fresh directory for one test, removed afterwards.
final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lifeline-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(name))) }
}
