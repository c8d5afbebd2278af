/// A backward shortest-path search over escalation edges (primitives cost 1, every other edge 0) from seed nodes that
/// each start at a given distance: a bucket queue (Dial's algorithm), linear in the edges plus the largest distance.
/// Each node keeps its next edge towards the seed it is closest to.
struct EscalationSearch {
    /// The edges with their nodes numbered, each node's incoming edges (compressed rows: `incoming[offsets[n]..<
    /// offsets[n + 1]]`), and per edge what the search reads, so that its loop copies no edge.
    struct Edges {
        let edges: [EscalationEdge]
        let from: [Int]
        let to: [Int]
        /// Whether the edge is a primitive (costs 1).
        let primitive: [Bool]
        /// Whether the edge keeps the acting identity (it does not lead into an identity).
        let keepsIdentity: [Bool]
        private let offsets: [Int]
        private let incoming: [Int]
        private let numbers: [EscalationNode: Int]

        init(_ edges: [EscalationEdge]) {
            var numbers: [EscalationNode: Int] = [:]
            func number(_ node: EscalationNode) -> Int {
                if let known = numbers[node] { return known }
                numbers[node] = numbers.count
                return numbers.count - 1
            }
            var from: [Int] = [], to: [Int] = [], primitive: [Bool] = [], keepsIdentity: [Bool] = []
            from.reserveCapacity(edges.count)
            to.reserveCapacity(edges.count)
            primitive.reserveCapacity(edges.count)
            keepsIdentity.reserveCapacity(edges.count)
            for edge in edges {
                from.append(number(edge.from))
                to.append(number(edge.to))
                primitive.append(edge.isPrimitive)
                if case .identity = edge.to { keepsIdentity.append(false) } else { keepsIdentity.append(true) }
            }
            var offsets = Array(repeating: 0, count: numbers.count + 1)
            for target in to { offsets[target + 1] += 1 }
            for node in 0..<numbers.count { offsets[node + 1] += offsets[node] }
            var incoming = Array(repeating: 0, count: edges.count), filled = offsets
            for position in edges.indices {
                incoming[filled[to[position]]] = position
                filled[to[position]] += 1
            }
            self.edges = edges
            self.from = from
            self.to = to
            self.primitive = primitive
            self.keepsIdentity = keepsIdentity
            self.offsets = offsets
            self.incoming = incoming
            self.numbers = numbers
        }

        var nodeCount: Int { offsets.count - 1 }

        /// The node's number; nil when no edge touches it.
        func number(_ node: EscalationNode) -> Int? { numbers[node] }

        /// The positions of the edges into `node`.
        func into(_ node: Int) -> ArraySlice<Int> { incoming[offsets[node]..<offsets[node + 1]] }
    }

    private let edges: Edges
    private let distances: [Int]
    private let next: [Int]

    /// Searches backward from `seeds`; with `keepingIdentity`, only along edges that keep the acting identity.
    init(_ edges: Edges, seeds: [(node: Int, distance: Int)], keepingIdentity: Bool = false) {
        var distances = Array(repeating: Int.max, count: edges.nodeCount)
        var next = Array(repeating: -1, count: edges.nodeCount)
        var buckets: [[Int]] = []
        func push(_ node: Int, _ distance: Int) {
            while buckets.count <= distance { buckets.append([]) }
            buckets[distance].append(node)
        }
        for (node, distance) in seeds where distance < distances[node] {
            distances[node] = distance
            push(node, distance)
        }
        var settled = Array(repeating: false, count: edges.nodeCount)
        var distance = 0
        while distance < buckets.count {
            var position = 0
            // Zero-cost edges append to the bucket being read.
            while position < buckets[distance].count {
                let node = buckets[distance][position]
                position += 1
                guard !settled[node], distances[node] == distance else { continue }
                settled[node] = true
                for edge in edges.into(node) where !keepingIdentity || edges.keepsIdentity[edge] {
                    let source = edges.from[edge]
                    let reached = distance + (edges.primitive[edge] ? 1 : 0)
                    guard reached < distances[source] else { continue }
                    distances[source] = reached
                    next[source] = edge
                    push(source, reached)
                }
            }
            buckets[distance] = []
            distance += 1
        }
        self.edges = edges
        self.distances = distances
        self.next = next
    }

    /// The node's distance to the nearest seed; nil when it reaches none.
    func distance(_ node: Int) -> Int? {
        distances[node] == .max ? nil : distances[node]
    }

    /// The edges (by position) from `node` to the seed it is closest to, and that seed; nil when it reaches none.
    func path(from node: Int) -> (positions: [Int], end: Int)? {
        guard distances[node] != .max else { return nil }
        var current = node, positions: [Int] = []
        // A path is never longer than the number of nodes; a longer one would be a cycle (impossible: distances
        // only fall along next edges), so stop there rather than loop.
        while next[current] >= 0, positions.count <= edges.nodeCount {
            positions.append(next[current])
            current = edges.to[next[current]]
        }
        return next[current] >= 0 ? nil : (positions, current)
    }
}
