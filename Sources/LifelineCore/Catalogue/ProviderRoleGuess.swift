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
        let names = Names(providers: others, families: otherFamilies)
        let prefixed = modelIDs.filter { id in
            let id = id.lowercased()
            if id.utf8.allSatisfy({ $0 < 0x80 }) { return names.carriedByASCII(Array(id.utf8)) }
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

    /// The other providers' and families' names as bytes, for ids of ASCII. Byte by
    /// byte, an ASCII id starts with a name exactly when it does character by character;
    /// making a String for each comparison and comparing characters, a catalogue's
    /// thousands of ids against every other provider took 4% of importing models.dev.
    private struct Names {
        let providers: [[UInt8]]
        let families: [[UInt8]]

        init(providers: some Sequence<String>, families: some Sequence<String>) {
            self.providers = providers.map { Array($0.utf8) }
            self.families = families.map { Array($0.utf8) }
        }

        /// `role`'s test for a lower-case id of ASCII bytes.
        func carriedByASCII(_ id: [UInt8]) -> Bool {
            id.contains(UInt8(ascii: "/"))
                || providers.contains { name in
                    id.count > name.count && id.starts(with: name)
                        && (id[name.count] == UInt8(ascii: "-") || id[name.count] == UInt8(ascii: "."))
                }
                || families.contains { name in
                    guard id.starts(with: name) else { return false }
                    guard name.count < id.count else { return true }
                    let next = id[name.count]
                    return next == UInt8(ascii: "-") || next == UInt8(ascii: ".") || next == UInt8(ascii: "_")
                        || next == UInt8(ascii: ":") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
                }
        }
    }
}
