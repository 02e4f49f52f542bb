/// A company that ships models: OpenAI, Anthropic, Google, Microsoft, ...
public struct Provider: Equatable, Sendable {
    public let slug: String
    public let name: String
    /// How many models the database records for it.
    public let modelCount: Int
}

/// A model API (`openai/gpt-4-0613`) or a product (`microsoft/m365-copilot`).
public struct Model: Equatable, Sendable {
    public let reference: ModelReference
    public let name: String
    public let kind: Kind

    public enum Kind: String, CaseIterable, Sendable {
        case api
        case product
    }
}

/// What a release can ship and what a company can be exposed to.
public struct Capability: Equatable, Sendable {
    public let slug: String
    public let name: String
    public let description: String?
    /// Other names that resolve to it (`tool_call` for `function-calling`), sorted.
    public let aliases: [String]
}
