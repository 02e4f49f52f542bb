/// What a file that is not UTF-8 probably is, so that the message says how to fix it: a
/// spreadsheet saved by an old Excel is Windows-1252 (Latin-1), and "Unicode text" is
/// UTF-16.
public enum TextEncoding {
    /// "UTF-16", "Latin-1 (Windows-1252)" or "not text", for bytes that are not UTF-8.
    public static func guess(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        // UTF-16 without a mark: every other byte of ASCII text is zero.
        if bytes.count >= 4 && bytes.prefix(64).enumerated().allSatisfy({ $0.offset % 2 == 1 || $0.element != 0 })
            && bytes.prefix(64).enumerated().contains(where: { $0.offset % 2 == 1 && $0.element == 0 }) {
            return "UTF-16"
        }
        // Control bytes other than tab and line ends are in no text encoding.
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return "not text" }
        return "Latin-1 (Windows-1252)"
    }

    /// The one-line refusal of a file that is not UTF-8, with how to fix it.
    public static func refusal(of what: String, bytes: [UInt8]) -> String {
        let guess = guess(bytes)
        if guess == "not text" { return "\(what) is not UTF-8 text" }
        return "\(what) is not UTF-8 text: it looks like \(guess); save it as CSV UTF-8 (or convert it: iconv -f \(guess == "UTF-16" ? "UTF-16" : "WINDOWS-1252") -t UTF-8)"
    }
}
