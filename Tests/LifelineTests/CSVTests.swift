import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("CSV reading")
struct CSVTests {
    @Test("plain, quoted, embedded commas, quotes and line breaks, CRLF")
    func records() throws {
        let text = "a,b,c\r\n1,\"two, too\",\"say \"\"hi\"\"\"\n\"multi\nline\",,x\n"
        let records = try CSV.records(in: text)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "two, too", "say \"hi\""], ["multi\nline", "", "x"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("blank lines are skipped; a last line without a newline counts")
    func blankLines() throws {
        #expect(try CSV.records(in: "a\n\nb").map(\.fields) == [["a"], ["b"]])
        #expect(try CSV.records(in: "").isEmpty)
        #expect(try CSV.records(in: "\"\"\n").map(\.fields) == [[""]])
    }

    @Test("a byte-order mark is not part of the first field; ';' and tabs separate when the header says so")
    func excel() throws {
        #expect(try CSV.records(in: "\u{FEFF}slug,tier\na,3\n").map(\.fields) == [["slug", "tier"], ["a", "3"]])
        #expect(CSV.detectedDelimiter(in: "slug;tier;depends\na;3;x,y") == ";")
        #expect(CSV.detectedDelimiter(in: "slug,tier,depends\na,3,x;y;z") == ",")
        #expect(CSV.detectedDelimiter(in: "\"a;b\",c\n") == ",", "separators inside quotes do not count")
        #expect(CSV.detectedDelimiter(in: "slug\ttier\n") == "\t")
        #expect(try CSV.records(in: "a;\"b;c\"\n1;2\n", delimiter: ";").map(\.fields) == [["a", "b;c"], ["1", "2"]])
        #expect(TextEncoding.guess([0x63, 0x61, 0x66, 0xE9]) == "Latin-1 (Windows-1252)")
        #expect(TextEncoding.guess([0x73, 0x00, 0x6C, 0x00, 0x75, 0x00]) == "UTF-16")
        #expect(TextEncoding.guess([0x00, 0x01, 0x02, 0xFF]) == "not text")
    }

    @Test("broken quoting is an error with its line")
    func brokenQuotes() {
        let open = #expect(throws: LifelineError.self) { try CSV.records(in: "a,b\n1,\"never closed\n") }
        #expect(open?.message == "line 2: a quoted field is never closed")
        let stray = #expect(throws: LifelineError.self) { try CSV.records(in: "a,b\"c\n") }
        #expect(stray?.message.hasPrefix("line 1: a quote inside an unquoted field") == true)
    }

    @Test("a field is quoted exactly when it holds a comma, a quote or any line break, ASCII or not", arguments: [
        ("plain", "plain"), ("two, too", "\"two, too\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\nb", "\"a\nb\""),
        ("a\rb", "\"a\rb\""), ("a\u{0B}b", "\"a\u{0B}b\""), ("a\u{0C}b", "\"a\u{0C}b\""), ("a\u{85}b", "\"a\u{85}b\""),
        ("a\u{2028}b", "\"a\u{2028}b\""), ("a\u{2029}b", "\"a\u{2029}b\""), ("Zéro — 🚀", "Zéro — 🚀"), ("¢ and €", "¢ and €"), ("", ""),
    ])
    func quoting(text: String, written: String) {
        #expect(CSV.field(text) == written)
    }
}
