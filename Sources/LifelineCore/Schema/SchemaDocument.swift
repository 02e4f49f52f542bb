/// docs/schema.md read as data: each view and table it describes, with what it says of
/// the object and of each column. The Datasette kit describes the database from it, so
/// a column is explained in one place, which a test holds to the schema itself.
///
/// The page's shape is the contract: a `## Reporting views` and a `## Tables` part, a
/// `### name` heading per object (`### a, b` for objects described together), prose,
/// and a table whose first header cell is `column` and whose last cell is the meaning.
/// A column cell may name several columns (`started_at, finished_at`).
public struct SchemaDocument: Sendable {
    public struct Entry: Equatable, Sendable {
        public enum Kind: Sendable { case view, table }

        public let name: String
        public let kind: Kind
        /// The prose of its part, paragraphs separated by a blank line, in plain text.
        public let description: String
        /// Each documented column and its meaning, in the page's order.
        public let columns: [Column]
    }

    public struct Column: Equatable, Sendable {
        public let name: String
        public let meaning: String
    }

    public let entries: [Entry]

    /// The object called `name`, or nil when the page does not describe it.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    public init(markdown: String) {
        var entries: [Entry] = []
        var kind: Entry.Kind?
        var section: Section?

        func close() {
            guard let finished = section else { return }
            entries += finished.names.map {
                Entry(name: $0, kind: finished.kind, description: finished.description, columns: finished.columns)
            }
            section = nil
        }

        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                close()
                switch line.dropFirst(3) {
                case "Reporting views": kind = .view
                case "Tables": kind = .table
                default: kind = nil
                }
            } else if line.hasPrefix("### ") {
                close()
                let names = line.dropFirst(4).split(separator: ",").map { $0.trimmingSpaces }
                if let kind, names.allSatisfy(Self.isObjectName) {
                    section = Section(names: names, kind: kind)
                }
            } else {
                section?.read(line)
            }
        }
        close()
        self.entries = entries
    }

    /// A table or view name as the schema spells them: lower-case words joined by `_`.
    static func isObjectName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return name.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
    }

    /// One `###` part while it is read.
    private struct Section {
        let names: [String]
        let kind: Entry.Kind
        var paragraphs: [String] = []
        var paragraph: [String] = []
        var columns: [Column] = []
        var inColumnTable = false

        var description: String {
            (paragraphs + (paragraph.isEmpty ? [] : [paragraph.joined(separator: " ")])).joined(separator: "\n\n")
        }

        mutating func read(_ line: Substring) {
            guard line.hasPrefix("|") else {
                inColumnTable = false
                let text = line.trimmingSpaces
                if text.isEmpty {
                    endParagraph()
                } else {
                    paragraph.append(SchemaDocument.plainText(text))
                }
                return
            }
            endParagraph()
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingSpaces }
            guard let first = cells.first, let last = cells.last else { return }
            if first == "column" {
                inColumnTable = true
            } else if inColumnTable, !first.allSatisfy({ $0 == "-" || $0 == ":" }) {
                let meaning = SchemaDocument.plainText(last)
                columns += first.split(separator: ",").map { Column(name: $0.trimmingSpaces, meaning: meaning) }
            }
        }

        mutating func endParagraph() {
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
    }

    /// Markdown as plain text: `[text](target)` is its text, and backticks and `**` go.
    static func plainText(_ markdown: String) -> String {
        var text = ""
        var rest = markdown[...]
        while let open = rest.firstIndex(of: "[") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "]"),
                  rest[close...].dropFirst().first == "(",
                  let end = rest[close...].firstIndex(of: ")")
            else {
                text += "["
                rest = rest[afterOpen...]
                continue
            }
            text += rest[afterOpen..<close]
            rest = rest[rest.index(after: end)...]
        }
        text += rest
        return text.replacing("**", with: "").replacing("`", with: "")
    }
}

extension Substring {
    /// Without the spaces at either end.
    fileprivate var trimmingSpaces: String {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
