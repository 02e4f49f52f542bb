/// A model family (`gpt`, `claude-sonnet`, `qwen3.6`): what models.dev's `family` field
/// names and `model_families` maps to the lab that makes it (`lifeline family map`).
public enum ModelFamily {
    /// Lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit, up
    /// to 64 characters: what the catalogues use, and nothing a shell or CSV must quote.
    public static func isValid(_ family: String) -> Bool {
        guard let first = family.unicodeScalars.first, family.unicodeScalars.count <= 64,
            ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return family.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
    }
}
