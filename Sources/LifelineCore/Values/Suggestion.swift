/// "Did you mean ...?": the closest known name to a mistyped one.
public enum Suggestion {
    /// The known name closest to `input`, or nil when none is close enough to help.
    ///
    /// Ranked by edit distance (insertions, deletions, substitutions and swaps of
    /// neighbours), then by the longer shared prefix, then alphabetically, so the answer
    /// does not depend on the order of `candidates`. A name that starts with the input
    /// (`function-call` for `function-calling`) counts as close.
    public static func closest(to input: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(input.lowercased().unicodeScalars)
        var best: (name: String, distance: Int, prefix: Int)?
        for candidate in candidates {
            let known = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(typed, known)
            let prefix = zip(typed, known).prefix { $0 == $1 }.count
            let isExtension = typed.count >= 3 && prefix == typed.count
            guard distance <= maximumDistance(for: typed.count) || isExtension else { continue }
            let rank = (isExtension ? 0 : distance, -prefix, candidate)
            if let current = best {
                let currentIsExtension = typed.count >= 3 && current.prefix == typed.count
                let currentRank = (currentIsExtension ? 0 : current.distance, -current.prefix, current.name)
                guard rank < currentRank else { continue }
            }
            best = (candidate, distance, prefix)
        }
        return best?.name
    }

    /// The phrase to end an "unknown ..." message with.
    public static func hint(for input: String, among candidates: some Sequence<String>, listCommand: String) -> String {
        if let match = closest(to: input, among: candidates) { return "; did you mean '\(match)'?" }
        return "; '\(listCommand)' lists them"
    }

    /// Short names tolerate fewer edits: one in four characters, at least one, at most three.
    static func maximumDistance(for length: Int) -> Int {
        min(3, max(1, length / 4 + (length >= 3 ? 1 : 0)))
    }

    /// Optimal string alignment distance (Damerau-Levenshtein without repeated edits).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
