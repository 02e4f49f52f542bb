/// Several exposures of one lifeline to one capability, told apart by their provider
/// scopes (docs/engine.md, rule 4): "computer-use is an advantage threat from anthropic
/// but a necessity threat from openai". The scopes are disjoint - a provider is named
/// by at most one of them, and at most one names no provider (it counts every provider
/// the others do not name) - so that a release meets one exposure of a capability, never two.
extension Exposure {
    /// Throws, naming the capability and the provider, when two of `exposures` would
    /// count the same provider's releases. For a company's links given all at once: a
    /// spreadsheet row, `company add --expose`, a restored lifeline.
    public static func checkScopesDisjoint(_ exposures: [Exposure]) throws {
        var anyScope = Set<String>()
        var namedBy: [String: Set<String>] = [:]
        for exposure in exposures {
            if exposure.providers.isEmpty {
                guard anyScope.insert(exposure.capability).inserted else {
                    throw LifelineError(
                        .badData,
                        "\(exposure.capability) is given twice for any provider; name the providers of one of them, "
                            + "as in \(exposure.capability):advantage@anthropic")
                }
                continue
            }
            for provider in Set(exposure.providers).sorted() {
                guard namedBy[exposure.capability, default: []].insert(provider).inserted else {
                    throw LifelineError(
                        .badData,
                        "\(exposure.capability) names '\(provider)' in two exposures; a provider's releases count under one exposure of a capability")
                }
            }
        }
    }

    /// The scope in words: the providers it names; "any" for the only exposure of its
    /// capability with none; "any other" beside exposures that name providers.
    public func scopeText(among exposures: [Exposure]) -> String {
        guard providers.isEmpty else { return providers.joined(separator: ", ") }
        let siblingsNameProviders = exposures.contains { $0.capability == capability && !$0.providers.isEmpty }
        return siblingsNameProviders ? "any other" : "any"
    }
}
