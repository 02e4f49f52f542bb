import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("The JSON parser")
struct JSONValueTests {
    func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test("pretty JSON: a member or element a line, two spaces a level, empty ones kept short; it parses back")
    func pretty() throws {
        let value: JSONValue = .object([
            ("a", .array([.integer(1), .string("x\"y")])), ("b", .object([])), ("c", .array([])), ("d", .object([("e", .null)])),
        ])
        #expect(value.prettySerialized() == """
            {
              "a": [
                1,
                "x\\"y"
              ],
              "b": {},
              "c": [],
              "d": {
                "e": null
              }
            }
            """)
        #expect(try parse(value.prettySerialized()) == parse(value.serialized()))
        #expect(JSONValue.string("s").prettySerialized() == "\"s\"")
    }

    @Test("documents parse to the values they hold")
    func values() throws {
        #expect(try parse(#"{"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}}"#) == .object([
            ("a", .array([.number(1), .number(-2500), .bool(true), .bool(false), .null])),
            ("b", .object([("c", .string("d"))])),
        ]))
        #expect(try parse("  \"x\"  ") == .string("x"))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{}") == .object([]))
        #expect(try parse("0") == .number(0))
    }

    @Test("integers, read without text, are the numbers the general conversion gives", arguments: [
        "0", "-0", "7", "-7", "10", "200000", "1048576", "999999999999999", "-999999999999999",
        "1000000000000000", "9007199254740993", "12345678901234567890", "0.5", "1e3", "-0.0", "1E2", "3.0",
    ])
    func numbers(text: String) throws {
        let parsed = try parse(text)
        let expected = Double(text)!
        #expect(parsed == .number(expected))
        if case .number(let number) = parsed { #expect(number.sign == expected.sign, "the sign of \(text)") }
    }

    @Test("literals must be whole", arguments: ["tru", "fals", "nul", "nulL", "True", "[true1]", "[nullx]"])
    func literals(text: String) throws {
        #expect(throws: LifelineError.self) { try parse(text) }
    }

    @Test("escapes, Unicode and surrogate pairs")
    func strings() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude80""#) == .string("a\"b\\c/d\n\té🚀"))
        #expect(try parse("\"مرحبا 🚀\"") == .string("مرحبا 🚀"))
        // Runs of plain and non-ASCII text on either side of escapes.
        #expect(try parse(#"{"café\u0041": "\tcafé\nü", "x": "plain"}"#) == .object([("caféA", .string("\tcafé\nü")), ("x", .string("plain"))]))
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test("errors say where", arguments: [
        ("", "line 1, column 1: the document ends too early"),
        ("{\"a\": 1,}", "line 1, column 9: expected a member name in quotes"),
        ("{\n  \"a\" 1\n}", "line 2, column 7: expected ':' after a member name"),
        ("[1 2]", "expected ',' or ']' in an array"),
        ("[1, 2", "expected ',' or ']' in an array"),
        ("\"open", "a string is never closed"),
        ("tru", "expected a value"),
        ("01", "unexpected text after the document"),
        ("1.", "a malformed number"),
        ("-", "a malformed number"),
        ("1e999", "a number out of range"),
        ("\"\\x\"", "an unknown escape in a string"),
        ("\"\\ud800\"", "a lone surrogate"),
        ("\"tab\there\"", "a control character inside a string"),
        ("{} {}", "unexpected text after the document"),
        ("NaN", "expected a value"),
    ])
    func errors(text: String, message: String) {
        let error = #expect(throws: LifelineError.self) { try parse(text) }
        #expect(error?.kind == .badData)
        #expect(error?.message.hasPrefix("not valid JSON at ") == true)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test("invalid UTF-8 and absurd nesting are refused")
    func limits() {
        #expect(throws: LifelineError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        // A stray continuation byte within ASCII, and bad UTF-8 after an escape.
        #expect(throws: LifelineError.self) { try JSONValue.parse([0x22, 0x61, 0x80, 0x62, 0x22]) }
        #expect(throws: LifelineError.self) { try JSONValue.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = #expect(throws: LifelineError.self) { try parse(deep) }
        #expect(error?.message.contains("nested deeper than 64 levels") == true)
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try parse(deepest) }
    }

    @Test("what lifeline writes reads back as the same document", arguments: [
        #"{"a":[1,2.5,-3e-7,true,null],"b":{"c":"tab\tquote\"slash\\ control\u0001 é 🚀"},"a":"again"}"#,
        "[]", "{}", #""""#, "0",
    ])
    func roundTrip(text: String) throws {
        let document = try JSONValue.parse(Array(text.utf8))
        #expect(try JSONValue.parse(Array(document.serialized().utf8)) == document)
    }

    @Test("integers written as integers, never in floating point")
    func integers() {
        #expect(JSONValue.array([.integer(Int64.max), .number(1500000), .number(99.5)]).serialized() == "[9223372036854775807,1500000,99.5]")
    }
}
