/// How well a name answers what a user typed, case-insensitively: the whole name, a prefix of it, or a prefix of one
/// of its words ("Sofia" → "Sofia Alvarez", "alv" → "Sofia Alvarez", "data" → "data-eng"). A lookup takes the best
/// tier that has candidates, so an exact name always wins over a prefix.
enum NameMatch: Int, Comparable {
    case exact = 0
    case prefix = 1
    case wordPrefix = 2

    /// The tier in which `name` answers `query` (already lower-cased), or `nil` when it does not.
    init?(query: String, name: String) {
        let name = name.lowercased()
        guard !query.isEmpty else { return nil }
        if name == query {
            self = .exact
        } else if name.hasPrefix(query) {
            self = .prefix
        } else if name.split(whereSeparator: Self.isSeparator).contains(where: { $0.hasPrefix(query) }) {
            self = .wordPrefix
        } else {
            return nil
        }
    }

    /// The best tier among `names` in which one of them answers `query`.
    static func best(query: String, names: [String]) -> NameMatch? {
        names.compactMap { NameMatch(query: query, name: $0) }.min()
    }

    static func < (a: NameMatch, b: NameMatch) -> Bool { a.rawValue < b.rawValue }

    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || "-_.@/:".contains(character)
    }

    /// The candidates in the best tier that has any: `names` gives each candidate's names (a user's name and email).
    static func candidates<T>(_ items: [T], query: String, names: (T) -> [String]) -> [T] {
        let lower = query.lowercased()
        var best: NameMatch?
        var found: [T] = []
        for item in items {
            guard let match = Self.best(query: lower, names: names(item)) else { continue }
            if let current = best, current < match { continue }
            if best != match {
                best = match
                found = []
            }
            found.append(item)
        }
        return found
    }
}
