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

    @Test("broken quoting is an error with its line")
    func brokenQuotes() {
        let open = #expect(throws: LifelineError.self) { try CSV.records(in: "a,b\n1,\"never closed\n") }
        #expect(open?.message == "line 2: a quoted field is never closed")
        let stray = #expect(throws: LifelineError.self) { try CSV.records(in: "a,b\"c\n") }
        #expect(stray?.message.hasPrefix("line 1: a quote inside an unquoted field") == true)
    }
}
