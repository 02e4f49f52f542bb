import Foundation
import Testing
@testable import LifelineCore

@Suite("Reading document and attachment fields by modality")
struct ModalityRuleTests {
    static func read(_ flags: Set<String>, inputs: [String]?) -> (flags: Set<String>, rules: Set<ModalityRule>) {
        var flags = flags
        let rules = ModalityRule.apply(to: &flags, inputs: inputs)
        return (flags, rules)
    }

    @Test("a document input is file-upload; an attachment beside it adds nothing")
    func documents() {
        let read = Self.read(["attachment", "input:pdf", "input:image"], inputs: ["text", "image", "pdf"])
        #expect(read.flags == ["input:pdf", "input:image"])
        #expect(read.rules == [.documents])
        #expect(Self.read(["supports_pdf_input", "supports_vision"], inputs: nil) == (["supports_pdf_input", "supports_vision"], [.documents]))
    }

    @Test("an attachment of images or audio is what those inputs map to, not file-upload")
    func attachmentsOfMedia() {
        #expect(Self.read(["attachment", "input:image"], inputs: ["text", "image", "video"]) == (["input:image"], [.attachmentIsImages]))
        #expect(Self.read(["attachment", "input:audio"], inputs: ["text", "audio"]) == (["input:audio"], [.attachmentIsAudio]))
        #expect(Self.read(["attachment", "input:image", "input:audio"], inputs: ["audio", "image"]).rules == [.attachmentIsImages])
    }

    @Test("an attachment on a model that takes no documents, images or audio is ignored", arguments: [
        ["text"], ["video"], ["text", "video"], nil,
    ] as [[String]?])
    func attachmentIgnored(inputs: [String]?) {
        #expect(Self.read(["attachment", "tool_call"], inputs: inputs) == (["tool_call"], [.attachmentIgnored]))
    }

    @Test("an image generator ships no file-upload, whatever its fields say")
    func imageOutput() {
        let poe = Self.read(["attachment", "input:pdf", "input:image", "output:image"], inputs: ["text", "image", "pdf"])
        #expect(poe.flags == ["input:image", "output:image"])
        #expect(poe.rules == [.imageOutput])
        #expect(Self.read(["supports_pdf_input", "mode:image_generation"], inputs: nil) == (["mode:image_generation"], [.imageOutput]))
        // An image generator that takes images keeps vision: only documents are withheld.
        #expect(Self.read(["attachment", "input:image", "output:image"], inputs: ["text", "image"]) == (["input:image", "output:image"], [.attachmentIsImages]))
    }

    @Test("a model with neither field is left alone")
    func untouched() {
        #expect(Self.read(["tool_call", "input:image"], inputs: ["text", "image"]) == (["tool_call", "input:image"], []))
    }
}

/// The counts docs/import.md gives for each rule, pinned on the real catalogues in
/// ../shared/fixtures when they are present, and on the samples in Tests/Fixtures always.
@Suite("Modality rules on the catalogues")
struct ModalityRuleCountTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let shared = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")
    static let realModelsDev = shared.appendingPathComponent("models-dev-api.json").path
    static let realLiteLLM = shared.appendingPathComponent("litellm-model-prices.json").path

    static func counts(_ path: String, liteLLM: Bool) throws -> [ModalityRule: Int] {
        let document = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let catalogue = liteLLM
            ? try LiteLLMCatalogue.read(document, fileName: "catalogue.json")
            : try ModelsDevCatalogue.read(document, fileName: "catalogue.json")
        var counts: [ModalityRule: Int] = [:]
        for model in catalogue.models {
            for rule in model.modalityRules { counts[rule, default: 0] += 1 }
        }
        return counts
    }

    @Test("on the samples")
    func samples() throws {
        #expect(try Self.counts(Self.fixtures.appendingPathComponent("models-dev-sample.json").path, liteLLM: false) == [
            .documents: 50, .attachmentIsImages: 46, .attachmentIgnored: 1, .imageOutput: 1,
        ])
        #expect(try Self.counts(Self.fixtures.appendingPathComponent("litellm-sample.json").path, liteLLM: true) == [.documents: 13])
    }

    @Test("on the real catalogues (docs/import.md's table)",
          .enabled(if: FileManager.default.fileExists(atPath: realModelsDev) && FileManager.default.fileExists(atPath: realLiteLLM),
                   "skipped: ../shared/fixtures/models-dev-api.json or litellm-model-prices.json is absent"))
    func realCatalogues() throws {
        #expect(try Self.counts(Self.realModelsDev, liteLLM: false) == [
            .documents: 974, .attachmentIsImages: 1431, .attachmentIsAudio: 7, .attachmentIgnored: 109, .imageOutput: 17,
        ])
        #expect(try Self.counts(Self.realLiteLLM, liteLLM: true) == [.documents: 587, .imageOutput: 56])
    }
}
