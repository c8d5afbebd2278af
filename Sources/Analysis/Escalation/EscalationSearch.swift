/// A backward shortest-path search over escalation edges (primitives cost 1, every other edge 0) from seed nodes that
/// each start at a given distance: a bucket queue (Dial's algorithm), linear in the edges plus the largest distance.
/// Each node keeps its next edge towards the seed it is closest to.
struct EscalationSearch {
    /// The edges with their nodes numbered, and each node's incoming edges.
    struct Edges {
        let edges: [EscalationEdge]
        let from: [Int]
        let to: [Int]
        let incoming: [[Int]]
        private let numbers: [EscalationNode: Int]

        init(_ edges: [EscalationEdge]) {
            var numbers: [EscalationNode: Int] = [:]
            func number(_ node: EscalationNode) -> Int {
                if let known = numbers[node] { return known }
                numbers[node] = numbers.count
                return numbers.count - 1
            }
            var from: [Int] = [], to: [Int] = []
            from.reserveCapacity(edges.count)
            to.reserveCapacity(edges.count)
            for edge in edges {
                from.append(number(edge.from))
                to.append(number(edge.to))
            }
            var incoming = Array(repeating: [Int](), count: numbers.count)
            for position in edges.indices { incoming[to[position]].append(position) }
            self.edges = edges
            self.from = from
            self.to = to
            self.incoming = incoming
            self.numbers = numbers
        }

        var nodeCount: Int { incoming.count }

        /// The node's number; nil when no edge touches it.
        func number(_ node: EscalationNode) -> Int? { numbers[node] }
    }

    private let edges: Edges
    private let distances: [Int]
    private let next: [Int?]

    /// Searches backward from `seeds`, following only the edges `through` accepts.
    init(_ edges: Edges, seeds: [(node: Int, distance: Int)], through: (EscalationEdge) -> Bool) {
        var distances = Array(repeating: Int.max, count: edges.nodeCount)
        var next: [Int?] = Array(repeating: nil, count: edges.nodeCount)
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
                for edge in edges.incoming[node] where through(edges.edges[edge]) {
                    let source = edges.from[edge]
                    let reached = distance + (edges.edges[edge].isPrimitive ? 1 : 0)
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
        var current = node, positions: [Int] = [], seen = Set<Int>()
        while let edge = next[current] {
            guard seen.insert(current).inserted else { return nil }
            positions.append(edge)
            current = edges.to[edge]
        }
        return (positions, current)
    }
}
