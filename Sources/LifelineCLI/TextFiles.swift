import FoundationEssentials
import Glibc
import LifelineCore

/// Refuses a directory where a file is wanted: reading one fails with the system's
/// "Inappropriate ioctl for device" (or "Is a directory"), which says nothing useful.
func refuseDirectory(_ path: String, what: String) throws {
    var status = stat()
    if path != "-", stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
        throw Failure(.missingInput, "cannot read \(what) '\(path)': it is a directory, not a file")
    }
}

/// Reads a whole text file, with a one-line error a user can act on.
func readText(path: String, what: String) throws -> String {
    try refuseDirectory(path, what: what)
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(.missingInput, "cannot read \(what) '\(path)': \(String(cString: strerror(errno)))")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
        throw Failure(.badData, TextEncoding.refusal(of: "\(what) '\(path)'", bytes: Array(data)))
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

/// The bytes of a file, or of standard input for `-`, refusing anything larger than
/// `limit` (a catalogue of thousands of models is a few MiB; a file of gigabytes is a
/// mistake, not an input).
func readBytes(path: String, what: String, limit: Int = 256 << 20) throws -> [UInt8] {
    try refuseDirectory(path, what: what)
    let file: UnsafeMutablePointer<FILE>? = path == "-" ? fdopen(dup(STDIN_FILENO), "r") : fopen(path, "r")
    guard let file else {
        throw Failure(.missingInput, "cannot read \(what) '\(path)': \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes += chunk[..<count]
        guard bytes.count <= limit else {
            throw Failure(.badData, "\(what) '\(path)' is larger than \(limit >> 20) MiB; refusing to read it")
        }
    }
    guard ferror(file) == 0 else {
        throw Failure(.ioFailure, "cannot read \(what) '\(path)': \(String(cString: strerror(errno)))")
    }
    return bytes
}
