import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("Slugs, model references and text fields")
struct SlugAndTextTests {
    @Test("valid slugs", arguments: ["openai", "gpt-4-0613", "claude-3.5_sonnet", "0x", "a"])
    func validSlugs(slug: String) throws {
        #expect(try Slug.validate(slug, kind: "provider") == slug)
    }

    @Test("invalid slugs are refused, with a valid suggestion", arguments: [
        ("Open AI", "open-ai"), ("-openai", "openai"), ("open/ai", "open-ai"), ("ÜberAI", "berai"),
        ("chat pdf!", "chat-pdf"), ("'); DROP TABLE companies;--", "drop-table-companies"),
    ])
    func invalidSlugs(slug: String, suggestion: String) {
        let error = #expect(throws: LifelineError.self) { try Slug.validate(slug, kind: "company") }
        #expect(error?.message.contains("(e.g. '\(suggestion)')") == true, "\(error?.message ?? "")")
        #expect(Slug.suggested(from: slug) == suggestion)
    }

    @Test("slugs suggested from ASCII a byte at a time are those suggested through Unicode")
    func asciiSuggestions() {
        var random = ReassessmentPropertyTests.SeededGenerator(state: 11)
        let alphabet = Array("aZz09 -._/:!'\"\t\u{7}AbC.-_")
        for length in 0..<400 {
            let text = String((0..<(length % 24)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(Slug.suggested(fromASCII: text.utf8) == Slug.suggested(fromUnicode: text), "\(text.debugDescription)")
        }
        #expect(Slug.suggested(from: "Qwen/QwQ-32B") == "qwen-qwq-32b")
        #expect(Slug.suggested(from: "amazon.nova-lite-v1:0") == "amazon.nova-lite-v1-0")
        #expect(Slug.suggested(from: "\u{212A}elvin") == "kelvin", "not ASCII: lower-cased as Unicode")
    }

    @Test("empty, overlong and control-character slugs are refused")
    func edgeSlugs() {
        #expect(throws: LifelineError.self) { try Slug.validate("", kind: "company") }
        #expect(throws: LifelineError.self) { try Slug.validate(String(repeating: "a", count: 65), kind: "company") }
        let control = #expect(throws: LifelineError.self) { try Slug.validate("a\u{7}b", kind: "company") }
        #expect(control?.message.contains("a\\u{7}b") == true)
    }

    @Test("model references are PROVIDER/MODEL", arguments: ["openai/gpt-4", "microsoft/m365-copilot"])
    func modelReferences(text: String) throws {
        #expect(try ModelReference(parsing: text).description == text)
    }

    @Test("malformed model references are refused", arguments: ["gpt-4", "openai/", "/gpt-4", "a/b/c", "OpenAI/gpt-4", "openai/GPT 4", ""])
    func badModelReferences(text: String) {
        #expect(throws: LifelineError.self) { try ModelReference(parsing: text) }
    }

    @Test("names keep any Unicode, refuse control characters, emptiness and excess")
    func names() throws {
        #expect(try TextField.name("Zéro — ساعة 🚀", of: "company") == "Zéro — ساعة 🚀")
        #expect(try TextField.name("'); DROP TABLE companies;--", of: "company") == "'); DROP TABLE companies;--")
        #expect(throws: LifelineError.self) { try TextField.name("", of: "company") }
        #expect(throws: LifelineError.self) { try TextField.name("   ", of: "company") }
        #expect(throws: LifelineError.self) { try TextField.name("two\nlines", of: "company") }
        #expect(throws: LifelineError.self) { try TextField.name(String(repeating: "x", count: 201), of: "company") }
        #expect(try TextField.notes("line one\nline two\tindented") == "line one\nline two\tindented")
        #expect(throws: LifelineError.self) { try TextField.notes("bell\u{7}") }
        #expect(throws: LifelineError.self) { try TextField.notes(String(repeating: "x", count: 10_001)) }
    }

    @Test("one-line text that would display as something else is refused, naming the character", arguments: [
        ("Deck\u{202E}txt.exe", "U+202E"), ("Zero\u{200B}width", "U+200B"), ("Join\u{2060}ed", "U+2060"),
        ("Two\u{2028}lines", "U+2028"), ("Para\u{2029}graph", "U+2029"), ("\u{FEFF}Marked", "U+FEFF"),
        ("Isolate\u{2066}d", "U+2066"),
    ])
    func invisibleCharacters(text: String, code: String) {
        let error = #expect(throws: LifelineError.self) { try TextField.name(text, of: "company") }
        #expect(error?.message == "the company name contains \(code), which would make it display as something else")
    }

    @Test("a value of nothing but spaces of any kind, or invisible characters, is empty", arguments: [
        "\u{00A0}\u{00A0}", "\u{3000}", "\u{2003} \u{202F}", "\u{200B}", " \u{FEFF} ",
    ])
    func blankValues(text: String) throws {
        let error = #expect(throws: LifelineError.self) { try TextField.oneLine(text, field: "sector", maximumLength: 200) }
        #expect(error?.message == "the sector is empty")
        #expect(try TextField.name("Ünïcödé 日本 ✓", of: "company") == "Ünïcödé 日本 ✓")
    }

    @Test("recorded times are UTC to the millisecond, as SQLite writes them", arguments: [
        ("2024-06-01T06:15:02.118Z", true), ("2024-02-29T23:59:59.999Z", true), ("2024-06-01 06:15:02.118Z", false),
        ("2024-06-01T06:15:02Z", false), ("2023-02-29T00:00:00.000Z", false), ("2024-06-01T24:00:00.000Z", false),
        ("2024-06-01T06:60:00.000Z", false), ("", false), ("now", false), ("2024-06-01T06:15:02.118+01:00", false),
        ("\u{1B}[31m2024-06-01T06:15:02.1Z", false),
    ])
    func timestamps(text: String, valid: Bool) {
        if valid {
            #expect(throws: Never.self) { try TextField.timestamp(text, field: "logged_at") }
        } else {
            let error = #expect(throws: LifelineError.self) { try TextField.timestamp(text, field: "logged_at") }
            #expect(error?.message.hasSuffix("': use a UTC time such as 2024-06-01T06:15:02.118Z") == true)
            #expect(error?.message.contains("\u{1B}") == false, "escapes are shown, never printed")
        }
    }

    @Test("web addresses need http(s) and no spaces")
    func urls() throws {
        #expect(try TextField.url("https://openai.com/blog/chatgpt", field: "source") == "https://openai.com/blog/chatgpt")
        for bad in ["openai.com", "ftp://x.org", "https://", "https://a b.com", "javascript:alert(1)"] {
            #expect(throws: LifelineError.self, "\(bad)") { try TextField.url(bad, field: "source") }
        }
    }
}

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    static let capabilities = [
        "chat-assistant", "file-upload", "function-calling", "fine-tuning", "vision", "long-context",
        "structured-output", "code-execution", "web-browsing", "agents", "reasoning", "image-generation", "voice",
        "office-integration",
    ]

    @Test("typos find the intended name", arguments: [
        ("function-call", "function-calling"), ("file-uplod", "file-upload"), ("fileupload", "file-upload"),
        ("visoin", "vision"), ("agent", "agents"), ("Vision", "vision"), ("fine-tunning", "fine-tuning"),
        ("long_context", "long-context"), ("reasonning", "reasoning"),
    ])
    func typos(typed: String, expected: String) {
        #expect(Suggestion.closest(to: typed, among: Self.capabilities) == expected)
    }

    @Test("nothing close means no suggestion", arguments: ["blockchain", "x", "teleportation"])
    func noSuggestion(typed: String) {
        #expect(Suggestion.closest(to: typed, among: Self.capabilities) == nil)
    }

    @Test("the answer does not depend on the candidates' order")
    func orderIndependent() {
        let candidates = ["gpt-4", "gpt-4o", "gpt-3"]
        let forward = Suggestion.closest(to: "gpt-4x", among: candidates)
        let backward = Suggestion.closest(to: "gpt-4x", among: candidates.reversed())
        #expect(forward == backward)
        #expect(forward == "gpt-4")
    }

    @Test("edit distance counts a swap of neighbours as one edit")
    func distance() {
        let scalars = { (text: String) in Array(text.unicodeScalars) }
        #expect(Suggestion.editDistance(scalars("visoin"), scalars("vision")) == 1)
        #expect(Suggestion.editDistance(scalars(""), scalars("abc")) == 3)
        #expect(Suggestion.editDistance(scalars("kitten"), scalars("sitting")) == 3)
    }

    @Test("a note is, notes are: the message agrees with the field")
    func notesGrammar() {
        let note = #expect(throws: LifelineError.self) { try TextField.notes(String(repeating: "x", count: 10_001), field: "note") }
        #expect(note?.message == "the note is longer than 10000 characters")
        let notes = #expect(throws: LifelineError.self) { try TextField.notes(" ", field: "notes") }
        #expect(notes?.message == "the notes are empty")
        let control = #expect(throws: LifelineError.self) { try TextField.notes("a\u{7}b", field: "note") }
        #expect(control?.message == "the note contains control characters")
    }
}
