import Testing
@testable import LifelineCore

/// Model ids that end in a date, as the labs write them, and those that do not.
@Suite("Dated snapshot names")
struct DatedSnapshotNameTests {
    @Test("a dated suffix gives the base id", arguments: [
        ("gpt-3.5-turbo-0613", "gpt-3.5-turbo"), ("gpt-4-32k-0314", "gpt-4-32k"),
        ("claude-3-opus-20240229", "claude-3-opus"), ("claude-haiku-4-5-20251001", "claude-haiku-4-5"),
        ("gpt-4o-2024-08-06", "gpt-4o"), ("mistral-large-2407", "mistral-large"), ("devstral-2512", "devstral"),
    ])
    func dated(slug: String, base: String) {
        #expect(DatedSnapshotName.base(of: slug) == base)
    }

    @Test("no date, no base", arguments: [
        "gpt-4", "gpt-4o", "mistral-large-latest", "gemini-1.5-pro-002", "claude-opus-4-1", "llama-3-70b", "0613",
        "gpt-4-1399", "model-20241340", "model-1999-01-01", "model-2024-13-01", "x-2024-08", "-0613", "gpt--0613",
        "", "model-0613-", "model-061\u{FF13}", "model-0613\u{301}",
    ])
    func undated(slug: String) {
        #expect(DatedSnapshotName.base(of: slug) == nil, "\(slug)")
    }
}
