/// A model's origin lab: the lab that made it, whoever lists it. The rules are those of
/// the view `v_model_origins` (migration 0018), which is what SQL users and the firsts
/// read; this is the same rule in Swift, for an import to count the new models it finds
/// none for without running the view over every model (a test holds the two equal on
/// the real catalogues).
public struct ModelOrigin: Equatable, Sendable {
    public let lab: String
    public let foundBy: FoundBy

    public enum FoundBy: String, Sendable {
        /// A lab's name starts a word of the id: `openai-gpt-4o`, `us.anthropic.claude-3`.
        case prefix
        /// The catalogue's family field, through the families.
        case family
        /// A family starts a word of the id: `gpt-4o`, `mistralai-mixtral-8x7b`.
        case name
        /// The provider, a lab.
        case provider
    }

    /// What the rules read besides the model: the labs' names (the labs among the
    /// providers and the known roles) and the families, family -> lab.
    public struct Rules: Sendable {
        let labNames: Set<String>
        let families: [String: String]
        let familyNames: Set<String>
        /// Those of three letters or more: the only ones that count past an id's second word.
        let longFamilyNames: Set<String>

        /// Lab names that are also families count as families.
        public init(labNames: Set<String>, families: [String: String]) {
            self.labNames = labNames.filter { families[$0] == nil }
            self.families = families
            familyNames = Set(families.keys)
            longFamilyNames = familyNames.filter { $0.utf8.count >= 3 }
        }
    }

    /// The origin of the model `slug` of `provider`, with the catalogue's `family` (lower
    /// case); nil when no rule finds one.
    public static func find(slug: String, family: String?, provider: String, providerIsLab: Bool, rules: Rules) -> ModelOrigin? {
        let words = candidateWords(of: slug)
        for word in words {
            if let lab = longest(prefixesOf: word.rest, endingBefore: isSeparator, in: rules.labNames) {
                return ModelOrigin(lab: lab, foundBy: .prefix)
            }
        }
        if let family, let name = longest(prefixesOf: family[...], endingBefore: { !isLetter($0) }, in: rules.familyNames) {
            return ModelOrigin(lab: rules.families[name]!, foundBy: .family)
        }
        for word in words {
            let names = word.position <= 2 ? rules.familyNames : rules.longFamilyNames
            if let name = longest(prefixesOf: word.rest, endingBefore: { !isLetter($0) }, in: names) {
                return ModelOrigin(lab: rules.families[name]!, foundBy: .name)
            }
        }
        return providerIsLab ? ModelOrigin(lab: provider, foundBy: .provider) : nil
    }

    /// The id from each word on, by position (1: the whole id; k: after the (k-1)th of
    /// '-', '.', '_'), keeping the first and those that start with a letter.
    static func candidateWords(of slug: String) -> [(position: Int, rest: Substring)] {
        var words: [(Int, Substring)] = [(1, slug[...])]
        var position = 1
        var index = slug.startIndex
        while index < slug.endIndex {
            let next = slug.index(after: index)
            if isSeparator(slug.utf8[index]) {
                position += 1
                if let first = slug[next...].utf8.first, isLetter(first) { words.append((position, slug[next...])) }
            }
            index = next
        }
        return words
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }

    /// The longest of `names` that is `text`, or starts it followed by a byte that
    /// `ends` a name. Only those prefixes are looked up - a handful per word, not every
    /// name - and a later one is a longer one.
    private static func longest(prefixesOf text: Substring, endingBefore ends: (UInt8) -> Bool, in names: Set<String>) -> String? {
        if names.contains(String(text)) { return String(text) }
        var found: String?
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            if ends(text.utf8[index]), names.contains(String(text[..<index])) { found = String(text[..<index]) }
            index = text.utf8.index(after: index)
        }
        return found
    }
}
