/// What removing a company would remove with it.
public struct CompanyRemoval: Equatable, Sendable {
    public let slug: String
    public let investments: Int
    public let dependencies: Int
    public let exposures: Int

    package init(slug: String, investments: Int, dependencies: Int, exposures: Int) {
        self.slug = slug
        self.investments = investments
        self.dependencies = dependencies
        self.exposures = exposures
    }

    /// "2 investments, 1 dependency and 3 exposures", or nil when there is nothing.
    public var dependentsDescription: String? {
        let parts = [(investments, "investment"), (dependencies, "dependency"), (exposures, "exposure")]
            .filter { $0.0 > 0 }
            .map { count, noun in "\(count) \(count == 1 ? noun : noun == "dependency" ? "dependencies" : noun + "s")" }
        guard let last = parts.last else { return nil }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
