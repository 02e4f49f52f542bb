// Build-time tool behind the EmbedSQL plugin: writes a Swift source file that holds the
// exact text of each given SQL file, so the lifeline binary carries its schema and
// never looks for files at run time (cron starts it from any directory).
//
//   EmbedSQLTool OUTPUT.swift ENUM_NAME FILE.sql...
//
// The output declares `enum ENUM_NAME { static let files: [(name: String, sql: String)] }`
// in file-name order. Text is written as escaped string literals, byte for byte, so a
// checksum of the embedded text equals `sha256sum` of the file.
import FoundationEssentials
import Glibc

func fail(_ message: String) -> Never {
    let line = "EmbedSQLTool: error: \(message)\n"
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

/// `NNNN_lower_case_words.sql`: the version is the number, the rest its name.
func isNumberedSQLFileName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard bytes.count > 9, name.hasSuffix(".sql"), bytes[4] == UInt8(ascii: "_") else { return false }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let isWordByte = { (byte: UInt8) in isDigit(byte) || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) }
    return bytes[0..<4].allSatisfy(isDigit) && bytes[5..<(bytes.count - 4)].allSatisfy(isWordByte)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else { fail("usage: EmbedSQLTool OUTPUT.swift ENUM_NAME FILE.sql...") }
let outputPath = arguments[arguments.startIndex]
let enumName = arguments[arguments.startIndex + 1]
let inputPaths = arguments.dropFirst(2).sorted { $0.split(separator: "/").last! < $1.split(separator: "/").last! }

var entries: [String] = []
for path in inputPaths {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(validating: data, as: UTF8.self) else { fail("\(path) is not valid UTF-8") }
    let fileName = String(path.split(separator: "/").last!)
    guard isNumberedSQLFileName(fileName) else {
        fail("\(path): expected a name like 0002_add_views.sql (four digits, '_', lower-case words)")
    }
    entries.append("        (name: \(swiftLiteral(fileName)), sql: \(swiftLiteral(text))),")
}

let source = """
    // Generated at build time by EmbedSQLTool from \(inputPaths.count) SQL file(s). Do not edit.

    enum \(enumName) {
        static let files: [(name: String, sql: String)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    fail("cannot write \(outputPath): \(error)")
}
