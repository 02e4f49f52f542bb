import Testing
@testable import Lifeline
@testable import LifelineCore

@Suite("Reading model catalogues")
struct CatalogueReaderTests {
    static func modelsDev(_ model: String, strict: Bool = false) throws -> Catalogue {
        let text = #"{"openai": {"id": "openai", "name": "OpenAI", "models": {"gpt-x": "# + model + "}}}"
        return try ModelsDevCatalogue.read(try JSONValue.parse(Array(text.utf8)), fileName: "api.json", strict: strict)
    }

    @Test("models.dev: flags, modalities and a long context become alias keys")
    func modelsDevFlags() throws {
        let catalogue = try Self.modelsDev("""
            {"id": "gpt-x", "name": "GPT X", "release_date": "2024-05-13", "last_updated": "2024-08-06",
             "attachment": true, "tool_call": true, "reasoning": false, "temperature": true,
             "limit": {"context": 128000, "output": 16384},
             "modalities": {"input": ["text", "image", "audio"], "output": ["text"]}}
            """)
        let model = try #require(catalogue.models.first)
        #expect(model.flags == ["tool_call", "temperature", "input:image", "input:audio", "context:100k"])
        #expect(model.modalityRules == [.attachmentIsImages])
        #expect(model.releaseDate == .day(CivilDate(iso: "2024-05-13")!))
        #expect(model.lastUpdated == CivilDate(iso: "2024-08-06"))
        #expect(model.name == "GPT X")
        #expect(model.path == "$.openai.models.gpt-x")
        #expect(catalogue.source == "import: models.dev api.json")
    }

    @Test("models.dev quirks: month-only dates, the 1970 placeholder, missing fields")
    func quirks() throws {
        #expect(try Self.modelsDev(#"{"release_date": "2024-05"}"#).models[0].releaseDate == .month(CivilDate(iso: "2024-05-01")!))
        #expect(try Self.modelsDev(#"{"release_date": "1970-01-01"}"#).models[0].releaseDate == .unknown)
        #expect(try Self.modelsDev(#"{}"#).models[0].releaseDate == .unknown)
        #expect(try Self.modelsDev(#"{"limit": {"context": 99999}}"#).models[0].flags.isEmpty)
    }

    @Test("an impossible date is reported and worked around, or refused with --strict")
    func impossibleDates() throws {
        let lenient = try Self.modelsDev(#"{"release_date": "2025-25-11"}"#)
        #expect(lenient.models[0].releaseDate == .unknown)
        #expect(lenient.problems == ["$.openai.models.gpt-x.release_date: '2025-25-11' is not a date (YYYY-MM-DD or YYYY-MM)"])
        let error = #expect(throws: LifelineError.self) { try Self.modelsDev(#"{"release_date": "2023-02-30"}"#, strict: true) }
        #expect(error?.message.hasPrefix("$.openai.models.gpt-x.release_date: '2023-02-30' is not a date") == true)
    }

    @Test("wrong shapes fail with the JSON path of the first problem", arguments: [
        (#"{"tool_call": "yes"}"#, "$.openai.models.gpt-x.tool_call: expected true or false, found a string"),
        (#"{"release_date": 20240513}"#, "$.openai.models.gpt-x.release_date: expected a string, found a number"),
        (#"{"modalities": {"input": "image"}}"#, "$.openai.models.gpt-x.modalities.input: expected an array, found a string"),
        (#"{"modalities": {"input": ["text", 7]}}"#, "$.openai.models.gpt-x.modalities.input[1]: expected a string, found a number"),
        (#"{"limit": {"context": -5}}"#, "$.openai.models.gpt-x.limit.context: -5 is not a context size"),
        (#"{"name": ["x"]}"#, "$.openai.models.gpt-x.name: expected a string, found an array"),
        (#"[1, 2]"#, "$.openai.models.gpt-x: expected an object, found an array"),
    ])
    func wrongShapes(model: String, message: String) {
        let error = #expect(throws: LifelineError.self) { try Self.modelsDev(model) }
        #expect(error?.message == message)
    }

    @Test("models.dev: a provider without models, or a root that is not an object, fails")
    func wrongRoots() {
        let noModels = #expect(throws: LifelineError.self) {
            try ModelsDevCatalogue.read(try JSONValue.parse(Array(#"{"openai": {"name": "OpenAI"}}"#.utf8)), fileName: "x")
        }
        #expect(noModels?.message == "$.openai: has no 'models'")
        let array = #expect(throws: LifelineError.self) { try ModelsDevCatalogue.read(.array([]), fileName: "x") }
        #expect(array?.message == "$: expected an object, found an array")
    }

    @Test("LiteLLM: provider prefixes, supports_* flags, modes, deprecations; sample_spec skipped")
    func liteLLM() throws {
        let text = """
            {"sample_spec": {"litellm_provider": "x"},
             "azure/gpt-4o": {"litellm_provider": "azure", "mode": "chat", "max_input_tokens": 128000,
                              "supports_vision": true, "supports_function_calling": false, "deprecation_date": "2027-04-14"},
             "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation"},
             "claude-latest": {"mode": "chat"},
             "bad": {"litellm_provider": "openai", "deprecation_date": "soon"}}
            """
        let catalogue = try LiteLLMCatalogue.read(try JSONValue.parse(Array(text.utf8)), fileName: "prices.json")
        #expect(catalogue.models.map(\.modelID) == ["gpt-4o", "dall-e-3", "bad"])
        #expect(catalogue.models[0].providerID == "azure")
        #expect(catalogue.models[0].flags == ["supports_vision", "context:100k"])
        #expect(catalogue.models[0].deprecation == CivilDate(iso: "2027-04-14"))
        #expect(catalogue.models[1].flags == ["mode:image_generation"])
        #expect(catalogue.models[2].deprecation == nil)
        #expect(catalogue.problems.count == 2)
        #expect(throws: LifelineError.self) {
            try LiteLLMCatalogue.read(try JSONValue.parse(Array(text.utf8)), fileName: "prices.json", strict: true)
        }
    }
}
