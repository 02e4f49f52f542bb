/// What `company expose` did: a new exposure, or a new effect for one with the same
/// provider scope; the providers it took over from other exposures of the capability (a
/// provider counts under one of them); and the capability's exposures now.
public struct ExposureChange: Equatable, Sendable {
    public let isNew: Bool
    public let movedProviders: [String]
    public let exposure: Exposure
    public let capabilityExposures: [Exposure]

    package init(isNew: Bool, movedProviders: [String], exposure: Exposure, capabilityExposures: [Exposure]) {
        self.isNew = isNew
        self.movedProviders = movedProviders
        self.exposure = exposure
        self.capabilityExposures = capabilityExposures
    }

    /// The exposure's scope in words: "openai, xai", "any provider", "any other provider".
    public var scopeText: String {
        exposure.providers.isEmpty ? exposure.scopeText(among: capabilityExposures) + " provider" : exposure.providers.joined(separator: ", ")
    }
}

/// Which of a company's exposures to a capability `company unexpose` removes.
public enum RemovedExposureScope: Equatable, Sendable {
    /// Every exposure to the capability.
    case all
    /// These providers, from the exposures that name them.
    case providers([String])
    /// The exposure that names no provider (any provider the others do not name).
    case anyOtherProvider
}
