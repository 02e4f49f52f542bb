import Glibc

/// Where the CLI writes: results to stdout, errors and progress to stderr.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func output(_ text: String) {
        print(text)
    }

    /// Writes `text` to standard output as it is: long output in pieces.
    static func outputWithoutNewline(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes `text` as one line to standard error, immediately.
    static func error(_ text: String) {
        writeAll(text.replacingNewlines() + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` to standard error as it is (for progress lines that redraw).
    static func rawError(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    /// Writes every byte of `text` to `descriptor`, retrying short writes.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// True when standard error is a terminal: only then is progress worth showing.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

extension String {
    /// The text on one line: error messages must stay one line for scripts and cron.
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
