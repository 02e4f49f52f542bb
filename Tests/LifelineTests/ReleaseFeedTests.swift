import Testing
@testable import LifelineCore

/// Reading release feeds (issue 20): the history's columns or an export's, CSV or JSON
/// lines, every problem with its FILE:LINE and field.
@Suite("Reading release feeds")
struct ReleaseFeedTests {
    static let header = "date,provider,model_or_product,kind,capability,announced,source\n"

    @Test("the history's columns: capabilities split on ';', an announcement kept only when earlier, the basis history")
    func historyRows() throws {
        let reading = ReleaseFeed.read(Self.header + """
            2023-07-06,openai,chatgpt,capability,file-upload;code-execution,,https://help.openai.com/notes
            2023-10-19,openai,chatgpt,capability,image-generation,2023-09-20,https://openai.com/blog/dall-e-3
            2023-11-01,microsoft,m365-copilot,launch,office-integration,2023-11-01,https://example.com/copilot
            """, fileName: "history.csv")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows.map(\.location) == ["history.csv:2", "history.csv:3", "history.csv:4"])
        #expect(reading.rows[0].capabilities == ["file-upload", "code-execution"])
        #expect(reading.rows[1].announcedOn == CivilDate(iso: "2023-09-20"))
        #expect(reading.rows[2].announcedOn == nil)
        #expect(reading.rows.allSatisfy { $0.dateBasis == .history })
    }

    @Test("Excel's files: a byte-order mark and ';' separators")
    func excel() {
        let reading = ReleaseFeed.read("\u{FEFF}" + Self.header.replacing(",", with: ";") + "2024-01-01;acme;a-1;launch;;;https://acme.example\n", fileName: "f.csv")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows.first?.model == ModelReference(provider: "acme", model: "a-1"))
    }

    @Test("an export's releases.csv: the model as PROVIDER/MODEL, a catalogue's basis and source kept, a person's made history")
    func exportRows() {
        let reading = ReleaseFeed.read("""
            id,model,kind,released_on,announced_on,capabilities,note,source,logged_at,date_basis
            7,openai/gpt-4o,launch,2024-05-13,,vision;function-calling,,import: models.dev api.json,2026-01-01T00:00:00.000Z,catalogue-release-date
            8,openai/gpt-4o,capability,2024-06-01,,voice,a note,https://example.com/v,2026-01-01T00:00:00.000Z,logged
            9,openai/gpt-4o,retirement,2026-06-01,2026-01-01,,,import: LiteLLM prices.json,2026-01-01T00:00:00.000Z,
            """, fileName: "releases.csv")
        #expect(reading.problems.isEmpty)
        #expect(reading.rows.map(\.dateBasis) == [.catalogueReleaseDate, .history, .catalogueDeprecationDate])
        #expect(reading.rows[0].source == "import: models.dev api.json")
        #expect(reading.rows[1].note == "a note")
    }

    @Test("JSON lines with the same fields, capabilities as a list or a string")
    func jsonLines() {
        let reading = ReleaseFeed.read("""
            {"date": "2024-01-01", "provider": "acme", "model_or_product": "a-1", "kind": "capability", "capability": ["vision", "voice"], "source": "https://acme.example/1"}

            {"date": "2024-01-02", "provider": "acme", "model_or_product": "a-1", "kind": "capability", "capability": "memory", "source": "https://acme.example/2"}
            {"date": "2024-01-03", "provider": "acme", "model": "a-1"}
            [1]
            """, fileName: "feed.jsonl")
        #expect(reading.rows.map(\.capabilities) == [["vision", "voice"], ["memory"]])
        #expect(reading.problems == [
            "feed.jsonl:4: the column 'model' is an export's and 'date' the release history's; a feed has one set or the other",
            "feed.jsonl:5: expected an object",
        ])
    }

    @Test("bad rows: each problem with its line and field, the good rows still read", arguments: [
        ("2023-02-30,openai,chatgpt,launch,,,https://e.com/a", "f.csv:2: date: '2023-02-30' is not a date (YYYY-MM-DD)"),
        (",openai,chatgpt,launch,,,https://e.com/a", "f.csv:2: date: missing"),
        ("2023-01-01,Open AI,chatgpt,launch,,,https://e.com/a", "f.csv:2: provider: 'Open AI' is not a slug"),
        ("2023-01-01,openai,chatgpt,shipped,,,https://e.com/a", "f.csv:2: kind: 'shipped' is not launch, capability or retirement"),
        ("2023-01-01,openai,chatgpt,capability,,,https://e.com/a", "f.csv:2: capability: a capability release ships at least one"),
        ("2023-01-01,openai,chatgpt,retirement,vision,,https://e.com/a", "f.csv:2: capability: a retirement ships no capabilities"),
        ("2023-01-01,openai,chatgpt,launch,,2023-02-01,https://e.com/a", "f.csv:2: announced: 2023-02-01 is after the release (2023-01-01)"),
        ("2023-01-01,openai,chatgpt,launch,,,not a url", "f.csv:2: source: invalid source 'not a url': use a full address such as https://example.com"),
        ("2023-01-01,openai,chatgpt,launch,,,https://e.com/a,extra", "f.csv:2: 8 cells for 7 columns"),
    ])
    func badRows(row: String, problem: String) {
        let reading = ReleaseFeed.read(Self.header + row + "\n2023-01-02,openai,chatgpt,launch,,,https://e.com/b\n", fileName: "f.csv")
        #expect(reading.problems == [problem])
        #expect(reading.rows.count == 1)
    }

    @Test("columns: unknown ones with a suggestion, a mix of the two sets, a repeated one, an empty file")
    func columns() {
        #expect(ReleaseFeed.read("date,provider,model_or_product,kind,capabilty\n", fileName: "f.csv").problems.first?
            .hasPrefix("f.csv:1: unknown column 'capabilty' (did you mean 'capability'?)") == true)
        #expect(ReleaseFeed.read("date,model,kind\n", fileName: "f.csv").problems
            == ["f.csv:1: the column 'model' is an export's and 'date' the release history's; a feed has one set or the other"])
        #expect(ReleaseFeed.read("date,date,kind\n", fileName: "f.csv").problems == ["f.csv:1: the column 'date' appears twice"])
        #expect(ReleaseFeed.read("", fileName: "f.csv").problems == ["f.csv: the file is empty"])
    }

    @Test("publishing: a source each, known capabilities, no row twice, date order - every problem")
    func publishing() {
        let reading = ReleaseFeed.read(Self.header + """
            2024-01-02,acme,a-1,capability,vision,,https://acme.example/1
            2024-01-01,acme,a-1,capability,visoin,,
            2024-01-02,acme,a-1,capability,vision,,https://acme.example/1
            """, fileName: "f.csv")
        #expect(ReleaseFeed.publishingProblems(of: reading.rows, knownCapabilities: ["vision"]) == [
            "f.csv:3: source: missing; every row needs the public page that dates it",
            "f.csv:3: capability: unknown capability 'visoin' (did you mean 'vision'?)",
            "f.csv:3: date: 2024-01-01 comes before the row above (2024-01-02); keep the feed in date order",
            "f.csv:4: the same release as f.csv:2",
        ])
    }
}
