// Build-time tool behind the EmbedFiles plugin: writes a Swift source file holding the
// exact text of each given file, so the lifeline binary carries its schema, saved
// queries and demo data and never looks for files at run time (cron starts it from any
// directory).
//
//   EmbedFilesTool OUTPUT.swift ENUM_NAME numbered|named EXTENSION DIRECTORY [ONLY_FILE]
//
// ONLY_FILE, when given, takes that one file of DIRECTORY (docs/schema.md) and no other.
// It lists DIRECTORY itself when it runs, rather than taking the file list from the
// plugin, because SwiftPM plans plugin commands again only when the manifest changes:
// the plugin names the directory as an input, so adding a file (which changes the
// directory) re-runs this tool, which then sees the new file.
//
// The output declares `enum ENUM_NAME { static let files: [(name: String, text: String)] }`
// in file-name order. `numbered` files must be named like `0002_add_views.sql` (the
// migrations); `named` files like `at-risk.sql`. Text is written as escaped string
// literals, byte for byte, so a checksum of the embedded text equals `sha256sum` of the
// file. `numbered` files also carry that checksum, `sha256`, computed here once rather
// than by every command that opens a database.
import FoundationEssentials
import Glibc
import LifelineStorage

func fail(_ message: String) -> Never {
    let line = "EmbedFilesTool: error: \(message)\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    exit(1)
}

/// A Swift string literal whose value is exactly `text`.
func swiftLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            literal += "\\u{\(String(scalar.value, radix: 16))}"
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal + "\""
}

func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

/// `NNNN_lower_case_words.sql`: the version is the number, the rest its name.
func isNumberedFileName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard bytes.count > 9, name.hasSuffix(".sql"), bytes[4] == UInt8(ascii: "_") else { return false }
    return bytes[0..<4].allSatisfy(isDigit)
        && bytes[5..<(bytes.count - 4)].allSatisfy { isDigit($0) || isLower($0) || $0 == UInt8(ascii: "_") }
}

/// `lower-case-name.ext`: what a user types to pick the file.
func isNamedFileName(_ name: String) -> Bool {
    let parts = name.split(separator: ".")
    guard parts.count == 2, let first = parts[0].utf8.first, isLower(first) || isDigit(first) else { return false }
    return parts[0].utf8.allSatisfy { isDigit($0) || isLower($0) || $0 == UInt8(ascii: "-") }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 5 || arguments.count == 6, ["numbered", "named"].contains(arguments[2]) else {
    fail("usage: EmbedFilesTool OUTPUT.swift ENUM_NAME numbered|named EXTENSION DIRECTORY [ONLY_FILE]")
}
let onlyFile = arguments.count == 6 ? arguments[5] : nil
let (outputPath, enumName, mode, fileExtension, directory) = (arguments[0], arguments[1], arguments[2], arguments[3], arguments[4])
let fileName = { (path: String) in String(path.split(separator: "/").last ?? Substring(path)) }
let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    .filter { $0.hasSuffix("." + fileExtension) && (onlyFile == nil || $0 == onlyFile) }
    .sorted()
let inputPaths = names.map { directory + "/" + $0 }

var entries: [String] = []
for path in inputPaths {
    let name = fileName(path)
    if mode == "numbered" && !isNumberedFileName(name) {
        fail("\(path): expected a name like 0002_add_views.sql (four digits, '_', lower-case words)")
    }
    if mode == "named" && !isNamedFileName(name) {
        fail("\(path): expected a name like at-risk.sql (lower-case letters, digits and '-')")
    }
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(validating: data, as: UTF8.self) else { fail("\(path) is not valid UTF-8") }
    let checksum = mode == "numbered" ? ", sha256: \"\(SHA256.hexDigest(of: text.utf8))\"" : ""
    entries.append("        (name: \(swiftLiteral(name)), text: \(swiftLiteral(text))\(checksum)),")
}
let entryType = mode == "numbered" ? "(name: String, text: String, sha256: String)" : "(name: String, text: String)"

let source = """
    // Generated at build time by EmbedFilesTool from \(inputPaths.count) file(s). Do not edit.

    enum \(enumName) {
        static let files: [\(entryType)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    fail("cannot write \(outputPath): \(error)")
}
