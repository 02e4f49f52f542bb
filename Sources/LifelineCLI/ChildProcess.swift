import Glibc

/// Runs a user's shell command (`notify --exec`) with a message on its standard input,
/// as git runs its hooks: `/bin/sh -c COMMAND`, in its own process group so that a
/// timeout stops whatever it started. Its output goes to a temporary file, whose end is
/// kept as the error when it fails. No Foundation: `posix_spawn` from the C library.
enum ChildProcess {
    struct Outcome {
        /// The exit status, or nil when it was killed (by the timeout, or a signal).
        let exitStatus: Int32?
        let timedOut: Bool
        /// The last bytes it wrote, standard output and error together.
        let outputTail: String

        var succeeded: Bool { exitStatus == 0 }

        /// What went wrong, in one line: for `notify --list` and the message's last error.
        var failure: String {
            let said = outputTail.split(whereSeparator: \.isNewline).last.map { ": " + $0 } ?? ""
            if timedOut { return "no exit within the timeout" + said }
            return exitStatus.map { "exit \($0)" + said } ?? "killed by a signal" + said
        }
    }

    static func run(_ command: String, input: String, environment: [String: String], timeoutSeconds: Int) throws -> Outcome {
        let inputPath = try temporaryFile(holding: input)
        defer { unlink(inputPath) }
        let outputPath = try temporaryFile(holding: "")
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group; no signal blocked, and SIGPIPE at its default, whatever
        // this process inherited or set: a shell command expects a fresh start.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") { variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]) }
            entry += 1
        }
        variables.merge(environment) { $1 }
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let pairs: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + pairs).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, pairs)
        guard spawned == 0 else {
            throw Failure(.unavailable, "cannot run '\(command)': \(String(cString: strerror(spawned)))")
        }
        let deadline = monotonicSeconds() + Double(timeoutSeconds)
        var status: Int32 = 0
        var timedOut = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if monotonicSeconds() >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import: the low seven bits are
        // the signal that ended it (0: it exited), the next eight the exit status.
        let exitStatus = !timedOut && status & 0x7f == 0 ? (status >> 8) & 0xff : nil
        return Outcome(exitStatus: exitStatus, timedOut: timedOut, outputTail: tail(of: outputPath))
    }

    /// A new file under $TMPDIR (else /tmp) holding `text`; its path.
    private static func temporaryFile(holding text: String) throws -> String {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/lifeline-notify-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw Failure(.ioFailure, "cannot create a file in \(directory): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure(.ioFailure, "cannot write a file in \(directory): \(String(cString: strerror(errno)))") }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The last 500 bytes of the file, as text.
    private static func tail(of path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        fseek(file, 0, SEEK_END)
        let size = ftell(file)
        let start = max(0, size - 500)
        fseek(file, start, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: size - start)
        let read = fread(&bytes, 1, bytes.count, file)
        let text = String(decoding: bytes.prefix(read), as: UTF8.self)
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
