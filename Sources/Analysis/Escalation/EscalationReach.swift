/// Each identity's shortest path to the nearest of some seed sets (searched one after another, each from scratch),
/// and whether it holds one of them already.
struct EscalationReach: Sendable {
    /// Per identity: its shortest path and the order of the seed set it leads to (a tie goes to the lower order).
    var best: [(path: EscalationPath, order: Int)?]
    var holds: [Bool]

    init(_ seedSets: [(order: Int, seeds: [(node: Int, distance: Int)])], edges: EscalationSearch.Edges, goals: [Int],
         halves: [EscalationSearch], starts: [Int?], identities: [String]) {
        best = Array(repeating: nil, count: identities.count)
        holds = Array(repeating: false, count: identities.count)
        for (order, seeds) in seedSets {
            let search = EscalationSearch(edges, seeds: seeds)
            for (position, start) in starts.enumerated() {
                guard let start, let distance = search.distance(start) else { continue }
                if distance == 0 { holds[position] = true; continue }
                guard distance < best[position]?.path.primitiveCount ?? .max,
                      let (steps, end) = search.path(from: start) else { continue }
                var all = steps
                if !goals.contains(end) {
                    // The path ends where the two halves are collected: both branches follow.
                    let branches = halves.compactMap { $0.path(from: end)?.edges }
                    guard branches.count == 2 else { continue }
                    all += branches.joined()
                }
                best[position] = (EscalationPath(iamID: identities[position], edges: all), order)
            }
        }
    }

    /// Takes `other`'s path where it is shorter, or as short and to an earlier seed set.
    mutating func merge(_ other: EscalationReach) {
        for position in best.indices {
            holds[position] = holds[position] || other.holds[position]
            guard let theirs = other.best[position] else { continue }
            if let ours = best[position], (ours.path.primitiveCount, ours.order) < (theirs.path.primitiveCount, theirs.order) { continue }
            best[position] = theirs
        }
    }
}
