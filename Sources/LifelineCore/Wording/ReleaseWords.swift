/// A release in one phrase: what the CLI prints and what a notification says.
package enum ReleaseWords {
    /// "openai/chatgpt capability file-upload on 2023-07-06"
    package static func summary(_ release: Release) -> String {
        var text = "\(release.model) \(release.kind.rawValue)"
        if !release.capabilities.isEmpty { text += " " + release.capabilities.joined(separator: ", ") }
        return text + " on \(release.releasedOn)"
    }
}
