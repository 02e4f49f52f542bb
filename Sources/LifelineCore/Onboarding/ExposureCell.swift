/// An exposure as one spreadsheet cell: `capability:effect`, or
/// `capability:effect@provider1+provider2` when only those providers' releases count.
/// `company import` reads it; `export` and `company show --format csv` write it; both
/// directions live here, so they cannot drift apart.
extension Exposure {
    public var cell: String {
        capability + ":" + effect.rawValue + (providers.isEmpty ? "" : "@" + providers.joined(separator: "+"))
    }

    /// Reads a cell; the capability and providers are names still to be resolved.
    public init(cell text: String) throws {
        let (main, scope) = text.firstIndex(of: "@").map { (text[..<$0], text[text.index(after: $0)...]) } ?? (text[...], nil)
        let parts = main.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw LifelineError(
                .badData, "invalid exposure '\(Slug.printable(text))': write capability:effect or capability:effect@provider1+provider2")
        }
        let providers = scope.map { $0.split(separator: "+").map(String.init) } ?? []
        if scope != nil && providers.isEmpty {
            throw LifelineError(.badData, "invalid exposure '\(Slug.printable(text))': no provider after '@'")
        }
        self.init(capability: String(parts[0]), effect: try Effect.parse(String(parts[1])), providers: providers)
    }
}
