/// A company that ships models: OpenAI, Anthropic, Google, Microsoft, ...
public struct Provider: Equatable, Sendable {
    public let slug: String
    public let name: String
    public let role: Role
    /// How many models the database records for it.
    public let modelCount: Int

    package init(slug: String, name: String, role: Role = .lab, modelCount: Int) {
        self.slug = slug
        self.name = name
        self.role = role
        self.modelCount = modelCount
    }

    /// A `lab` makes models; a `host` serves other labs' models (openrouter, azure), and
    /// its listings threaten a company only through an exposure that names it.
    public enum Role: String, CaseIterable, Sendable {
        case lab
        case host
    }
}

/// A model API (`openai/gpt-4-0613`) or a product (`microsoft/m365-copilot`).
public struct Model: Equatable, Sendable {
    public let reference: ModelReference
    public let name: String
    public let kind: Kind
    /// The model it is a dated snapshot of (`openai/gpt-3.5-turbo` for
    /// `openai/gpt-3.5-turbo-0613`): its dependents see what the snapshot ships.
    public let snapshotOf: ModelReference?

    package init(reference: ModelReference, name: String, kind: Kind, snapshotOf: ModelReference? = nil) {
        self.reference = reference
        self.name = name
        self.kind = kind
        self.snapshotOf = snapshotOf
    }

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

    package init(slug: String, name: String, description: String?, aliases: [String]) {
        self.slug = slug
        self.name = name
        self.description = description
        self.aliases = aliases
    }
}
