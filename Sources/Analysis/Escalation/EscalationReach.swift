/// Each identity's shortest path to a goal found by one search, and whether it holds the goal already.
struct EscalationReach: Sendable {
    /// Per identity: its shortest path, if it reaches the goal and does not hold it.
    var paths: [EscalationPath?]
    var holds: [Bool]
}

extension EscalationReach {
    /// The paths one search finds.
    /// - Parameters:
    ///   - halves: for account administration, the searches to each half of it, which a path that ends where both
    ///     halves are collected follows on.
    init(_ search: EscalationSearch, goals: [Int], halves: [EscalationSearch], starts: [Int?], identities: [String]) {
        paths = Array(repeating: nil, count: identities.count)
        holds = Array(repeating: false, count: identities.count)
        for (position, start) in starts.enumerated() {
            guard let start, let distance = search.distance(start) else { continue }
            if distance == 0 { holds[position] = true; continue }
            paths[position] = Self.path(search, from: start, goals: goals, halves: halves, iamID: identities[position])
        }
    }

    /// The shortest path from `start` as `search` found it.
    static func path(_ search: EscalationSearch, from start: Int, goals: [Int], halves: [EscalationSearch],
                     iamID: String) -> EscalationPath? {
        guard let (steps, end) = search.path(from: start) else { return nil }
        var all = steps
        if !goals.contains(end) {
            // The path ends where the two halves are collected: both branches follow.
            let branches = halves.compactMap { $0.path(from: end)?.edges }
            guard branches.count == 2 else { return nil }
            all += branches.joined()
        }
        return EscalationPath(iamID: iamID, edges: all)
    }
}
