/// For every identity at once, the nearest of many goal targets it does not hold yet: one level-synchronous pass over
/// the escalation links that carries a bit set of targets per node, instead of one search per target.
///
/// Level `j` holds, per node, the targets it reaches with at most `j` primitives: level 0 is what it holds (a target
/// node itself, or through memberships, assumptions and `holds` edges, which cost nothing); level `j` adds what its
/// primitives' ends reach at level `j - 1`, closed again over the free links. An identity's answer is the first level
/// at which it reaches a target outside its level 0, and among the targets new at that level the earliest in the
/// goals' order — exactly the target that searching the targets one by one, ties to the earlier, chooses. The pass
/// costs the links × the levels × a word per 64 targets; the levels are the longest path, a handful.
struct NearestTargets {
    /// Per start: the fewest primitives to a target it does not hold and that target's position in the goals, or nil.
    let nearest: [(distance: Int, goal: Int)?]
    /// Per start: whether it holds a target already (reaches one with no primitive).
    let holds: [Bool]

    /// - Parameters:
    ///   - goals: the target nodes, in the order ties are broken.
    ///   - starts: the node each identity starts from (nil when no link touches it).
    init(_ edges: EscalationSearch.Edges, goals: [Int], starts: [Int?]) {
        let words = (goals.count + 63) / 64
        var reach = TargetSets(count: edges.nodeCount, words: words)
        for (bit, goal) in goals.enumerated() { reach.insert(bit, at: goal) }
        reach.close(over: edges)
        let held = reach
        holds = starts.map { start in start.map { !held.isEmpty($0) } ?? false }
        var nearest: [(distance: Int, goal: Int)?] = Array(repeating: nil, count: starts.count)
        var open = starts.indices.filter { starts[$0] != nil }
        var level = 0
        while !open.isEmpty {
            level += 1
            guard let next = reach.oneMorePrimitive(over: edges) else { break }
            reach = next
            open.removeAll { position in
                guard let start = starts[position], let goal = reach.first(at: start, outside: held) else { return false }
                nearest[position] = (level, goal)
                return true
            }
        }
        self.nearest = nearest
    }
}

/// A bit set of goal targets per node, `words` 64-bit words each, in one flat array.
private struct TargetSets {
    private var bits: [UInt64]
    private let words: Int

    init(count: Int, words: Int) {
        bits = Array(repeating: 0, count: count * words)
        self.words = words
    }

    mutating func insert(_ bit: Int, at node: Int) {
        bits[node * words + bit / 64] |= 1 << UInt64(bit % 64)
    }

    func isEmpty(_ node: Int) -> Bool {
        (0..<words).allSatisfy { bits[node * words + $0] == 0 }
    }

    /// The lowest target in `node`'s set that is not in `excluded`'s set of the same node.
    func first(at node: Int, outside excluded: TargetSets) -> Int? {
        for word in 0..<words {
            let fresh = bits[node * words + word] & ~excluded.bits[node * words + word]
            if fresh != 0 { return word * 64 + fresh.trailingZeroBitCount }
        }
        return nil
    }

    /// Adds `source`'s set at `other` to `node`'s; whether `node`'s set grew. `source` may be this set's own bits.
    private static func formUnion(_ bits: inout [UInt64], at node: Int, with source: UnsafeBufferPointer<UInt64>,
                                  at other: Int, words: Int) -> Bool {
        var grew = false
        for word in 0..<words {
            let old = bits[node * words + word], new = old | source[other * words + word]
            if new != old {
                bits[node * words + word] = new
                grew = true
            }
        }
        return grew
    }

    /// Closes the sets over the free links (memberships, assumptions, holds): a node reaches what the nodes it joins
    /// or assumes for free reach. Repeated until nothing grows, so cycles of assumptions are harmless.
    mutating func close(over edges: EscalationSearch.Edges) {
        let words = words
        bits.withUnsafeMutableBufferPointer { bits in
            var grew = true
            while grew {
                grew = false
                // Backwards: the goal edges come last, memberships first, so most sets are final in one round.
                for link in edges.from.indices.reversed() where !edges.primitive[link] {
                    let to = edges.to[link], from = edges.from[link]
                    guard to < edges.nodeCount else { continue }
                    for word in 0..<words {
                        let old = bits[from * words + word], new = old | bits[to * words + word]
                        if new != old {
                            bits[from * words + word] = new
                            grew = true
                        }
                    }
                }
            }
        }
    }

    /// The sets one primitive further: each node adds what the ends of its primitives reach (a fan-out link: any of
    /// the fan-out's members), then closes over the free links; nil when no set grows.
    func oneMorePrimitive(over edges: EscalationSearch.Edges) -> TargetSets? {
        var fanOuts = TargetSets(count: edges.fanOutCount, words: words)
        var next = self
        var grew = false
        bits.withUnsafeBufferPointer { bits in
            for node in 0..<edges.nodeCount where !isEmpty(node) {
                for fanOut in edges.fanOuts(of: node) {
                    _ = Self.formUnion(&fanOuts.bits, at: fanOut, with: bits, at: node, words: words)
                }
            }
            fanOuts.bits.withUnsafeBufferPointer { fanOutBits in
                for link in edges.from.indices where edges.primitive[link] {
                    let to = edges.to[link]
                    let added = to < edges.nodeCount
                        ? Self.formUnion(&next.bits, at: edges.from[link], with: bits, at: to, words: words)
                        : Self.formUnion(&next.bits, at: edges.from[link], with: fanOutBits, at: to - edges.nodeCount, words: words)
                    if added { grew = true }
                }
            }
        }
        guard grew else { return nil }
        next.close(over: edges)
        return next
    }
}
