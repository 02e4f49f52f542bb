/// A catalogue provider's role, guessed from its model ids when lifeline does not know
/// it: a host re-lists other labs' models (`openai/gpt-4o` on openrouter,
/// `anthropic.claude-3-haiku` on a cloud, `gpt-4o` on a gateway), a lab lists its own.
public enum ProviderRoleGuess {
    /// `host` when more than half of `modelIDs` are another's: carrying a `/`, another
    /// provider's slug followed by `-` or `.`, or the name of a family another lab makes
    /// (`families`: family -> lab, `gpt` -> openai); `lab` otherwise. Names of its own
    /// are its own: alibaba-cn's `qwen-plus` is alibaba's family.
    public static func role(
        of provider: String, modelIDs: [String], otherProviders: Set<String>, families: [String: String]
    ) -> Provider.Role {
        func isOwn(_ name: String) -> Bool { name == provider || provider.hasPrefix(name) }
        let others = otherProviders.filter { $0.count >= 3 && !isOwn($0) }
        let otherFamilies = families.filter { !isOwn($0.value) }.keys
        let prefixed = modelIDs.filter { id in
            let id = id.lowercased()
            return id.contains("/") || others.contains { id.hasPrefix($0 + "-") || id.hasPrefix($0 + ".") }
                || otherFamilies.contains { family in id.hasPrefix(family) && continuesAfter(family, in: id) }
        }
        return prefixed.count * 2 > modelIDs.count ? .host : .lab
    }

    /// `gpt` starts `gpt-4o` and `o3` is `o3`, but `command` does not start `commander`.
    private static func continuesAfter(_ family: String, in id: String) -> Bool {
        guard let next = id.dropFirst(family.count).first else { return true }
        return next == "-" || next == "." || next == "_" || next == ":" || next.isNumber
    }
}
