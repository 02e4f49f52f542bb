import FoundationEssentials
import Glibc

/// Reads a whole text file, with a one-line error a user can act on.
func readText(path: String, what: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(.missingInput, "cannot read \(what) '\(path)': \(String(cString: strerror(errno)))")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
        throw Failure(.badData, "\(what) '\(path)' is not UTF-8 text")
    }
    return text
}

/// Writes a whole text file atomically - to a temporary file beside it, then renamed -
/// so a reader never sees half a report, with a one-line error a user can act on.
func writeText(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    func failure() -> Failure {
        Failure(.ioFailure, "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    guard let file = fopen(temporary, "w") else { throw failure() }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file) == 0
    guard written == bytes.count, closed, rename(temporary, path) == 0 else {
        let error = failure()
        unlink(temporary)
        throw error
    }
}
