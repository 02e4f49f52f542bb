/// Writing JSON without Foundation (it costs start-up time on Linux): compact, members in
/// their order, non-ASCII text as is (not `\u`-escaped).
extension JSONValue {
    /// Compact JSON text.
    public func serialized() -> String {
        var text = ""
        write(to: &text)
        return text
    }

    /// JSON text for people to read and diff: one member or element a line, indented by
    /// two spaces a level; empty arrays and objects stay `[]` and `{}`.
    public func prettySerialized() -> String {
        var text = ""
        writePretty(to: &text, indent: "")
        return text
    }

    private func writePretty(to text: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += index > 0 ? ",\n" + inner : inner
                element.writePretty(to: &text, indent: inner)
            }
            text += "\n" + indent + "]"
        case .object(let members) where !members.isEmpty:
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                text += index > 0 ? ",\n" + inner : inner
                Self.writeString(key, to: &text)
                text += ": "
                value.writePretty(to: &text, indent: inner)
            }
            text += "\n" + indent + "}"
        default:
            write(to: &text)
        }
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .number(let number): text += number.isFinite ? OutputNumber.text(number) : "null"
        case .string(let string): Self.writeString(string, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += "," }
                Self.writeString(key, to: &text)
                text += ":"
                value.write(to: &text)
            }
            text += "}"
        }
    }

    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        // Most strings need no escape: append them whole rather than a scalar at a time.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
