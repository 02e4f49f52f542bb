import Testing
@testable import LifelineCLI
import LifelineCore

@Suite("Output formats")
struct RowWriterTests {
    static let rows: Rows = {
        var rows = Rows(columns: ["slug", "name", "amount", "note"])
        rows.append([.text("papertalk"), .text("PaperTalk, Inc."), .integer(1_500_000), .null])
        rows.append([.text("deckly"), .text("Say \"hi\"\tnow"), .number(2.5), .text("two\nlines | pipe \\ slash")])
        return rows
    }()

    @Test("table: aligned columns, numbers to the right, no trailing blanks")
    func table() {
        let text = AlignedTableWriter().render(Self.rows)
        #expect(text == """
            slug       name              amount  note
            ---------  ---------------  -------  ------------------------
            papertalk  PaperTalk, Inc.  1500000
            deckly     Say "hi" now         2.5  two lines | pipe \\ slash
            """)
    }

    @Test("table: widths count characters, not bytes, in accented and combined text")
    func tableWidths() {
        var rows = Rows(columns: ["name", "n"])
        rows.append([.text("Zoë Café"), .integer(1)])
        rows.append([.text("Noe\u{301}l"), .integer(22)])  // e and a combining accent: one character
        rows.append([.text("plain"), .null])
        #expect(AlignedTableWriter().render(rows) == """
            name       n
            --------  --
            Zoë Café   1
            Noe\u{301}l      22
            plain
            """)
    }

    @Test("table: integers as their decimal digits, signs and extremes included, aligned as numbers; beside text, to the left")
    func tableIntegers() {
        let numbers: [Int64] = [0, 7, -7, 10, -10, 99, 100, -999_999, .max, .min]
        var rows = Rows(columns: ["n", "mixed"])
        for number in numbers { rows.append([.integer(number), number == 7 ? .text("seven") : .integer(number)]) }
        let width = String(Int64.min).count
        let lines = AlignedTableWriter().render(rows).split(separator: "\n").dropFirst(2).map(String.init)
        // The mixed column holds text, so it is aligned left (and its blanks trimmed).
        #expect(lines == numbers.map { number in
            let text = String(number)
            return String(repeating: " ", count: width - text.count) + text + "  " + (number == 7 ? "seven" : text)
        })
    }

    @Test("table: a column name with a line break or a tab stays on its line; emoji and wide text are sized in full")
    func tableHeaderOnOneLine() {
        var rows = Rows(columns: ["first\nsecond", "e\tf"])
        rows.append([.text("👩‍👩‍👧 family"), .text("日本語")])
        rows.append([.text("x"), .null])
        #expect(AlignedTableWriter().render(rows) == """
            first second  e f
            ------------  ---
            👩‍👩‍👧 family      日本語
            x
            """)
    }

    @Test("table in pieces: whole lines each, no longer than asked unless a line is; joined, the rendered table and a newline")
    func tableInPieces() {
        var rows = Rows(columns: ["name", "n"])
        for index in 0..<50 {
            rows.append([.text(index % 7 == 0 ? "Zoë Café \(index)" : "company-\(index)"), index % 5 == 0 ? .null : .integer(Int64(index))])
        }
        rows.append([.text("  "), .null])  // a line of blanks, trimmed to nothing
        let whole = AlignedTableWriter().render(rows) + "\n"
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let longestLine = lines.map { $0.utf8.count + 1 }.max()!
        for pieceSize in [1, 40, 200, 1 << 16] {
            var pieces: [String] = []
            AlignedTableWriter().write(rows, pieceSize: pieceSize) { pieces.append($0) }
            #expect(pieces.joined() == whole)
            // A line's newline opens the next piece, so that no piece ends inside a line.
            #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix("\n") })
            #expect(pieces.allSatisfy { $0.utf8.count <= max(pieceSize, longestLine) })
            // The smallest pieces hold a line each; the default holds this table whole.
            #expect(pieces.count == (pieceSize == 1 ? lines.count : pieceSize >= whole.utf8.count ? 1 : pieces.count))
            #expect(pieceSize >= whole.utf8.count || pieces.count > 1)
        }
        let empty = Rows(columns: ["name"])
        var pieces: [String] = []
        AlignedTableWriter().write(empty, pieceSize: 1) { pieces.append($0) }
        #expect(pieces == ["name", "\n----\n"])
    }

    @Test("csv: RFC 4180 quoting; NULL is an empty cell")
    func csv() {
        #expect(CSVRowWriter().render(Self.rows) == """
            slug,name,amount,note
            papertalk,"PaperTalk, Inc.",1500000,
            deckly,"Say ""hi""\tnow",2.5,"two
            lines | pipe \\ slash"
            """)
    }

    @Test("tsv: tabs, newlines and backslashes escaped so every row is one line")
    func tsv() {
        #expect(TSVRowWriter().render(Self.rows) == """
            slug\tname\tamount\tnote
            papertalk\tPaperTalk, Inc.\t1500000\t
            deckly\tSay "hi"\\tnow\t2.5\ttwo\\nlines | pipe \\\\ slash
            """)
    }

    @Test("tsv: a carriage return, CRLF and non-ASCII text in one field", arguments: [
        ("a\rb", "a\\rb"), ("a\r\nb", "a\\nb"), ("Zoë — 🚀", "Zoë — 🚀"), ("back\\slash\ttab", "back\\\\slash\\ttab"), ("", ""),
    ])
    func tsvField(text: String, written: String) {
        #expect(TSVRowWriter.field(text) == written)
    }

    @Test("markdown: pipes escaped, line breaks as <br>, numbers right-aligned")
    func markdown() {
        #expect(MarkdownRowWriter().render(Self.rows) == """
            | slug | name | amount | note |
            | --- | --- | ---: | --- |
            | papertalk | PaperTalk, Inc. | 1500000 |  |
            | deckly | Say "hi"\tnow | 2.5 | two<br>lines \\| pipe \\ slash |
            """)
    }

    @Test("json: typed values, null, escapes, non-ASCII kept; [] for no rows")
    func json() {
        #expect(JSONRowWriter(linePerRow: false).render(Self.rows) == """
            [
              {"slug":"papertalk","name":"PaperTalk, Inc.","amount":1500000,"note":null},
              {"slug":"deckly","name":"Say \\"hi\\"\\tnow","amount":2.5,"note":"two\\nlines | pipe \\\\ slash"}
            ]
            """)
        #expect(JSONRowWriter(linePerRow: false).render(Rows(columns: ["a"])) == "[]")
        #expect(JSONValue.string("مرحبا 🚀\u{1}").serialized() == "\"مرحبا 🚀\\u0001\"")
        #expect(JSONValue.number(.infinity).serialized() == "null")
    }

    @Test("jsonl: one object per line, nothing for no rows")
    func jsonLines() {
        let lines = JSONRowWriter(linePerRow: true).render(Self.rows).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"slug":"papertalk","name":"PaperTalk, Inc.","amount":1500000,"note":null}"#)
        #expect(JSONRowWriter(linePerRow: true).render(Rows(columns: ["a"])) == "")
    }
}
