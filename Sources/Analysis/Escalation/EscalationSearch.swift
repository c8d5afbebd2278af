/// A backward shortest-path search over escalation edges (primitives cost 1, every other edge 0) from seed nodes that
/// each start at a given distance: a bucket queue (Dial's algorithm), linear in the links plus the largest distance.
/// Each node keeps its next link towards the seed it is closest to.
///
/// A fan-out link (one policy on every group of a target) is an edge into each member. The first member settled is
/// the nearest, so the search follows the fan-out's links once, from that member, merged by position with the
/// member's own incoming links — the order in which one edge per member would have been followed — and later members
/// skip them (they could not lower any distance). Paths come out exactly as with one edge per member.
struct EscalationSearch: Sendable {
    /// The links with their nodes numbered, each node's incoming links (compressed rows: `incoming[offsets[n]..<
    /// offsets[n + 1]]`, fan-outs numbered after the nodes), and per link what the search reads, so that its loop
    /// copies no edge.
    struct Edges: Sendable {
        /// The graph, whose links come first, then the goal's edges.
        private let graph: EscalationGraph
        private let goalEdges: [EscalationEdge]
        let from: [Int]
        /// The node a link leads to, or for a fan-out link `nodeCount` + the fan-out's index.
        let to: [Int]
        /// Whether the link is a primitive (costs 1).
        let primitive: [Bool]
        /// Whether the node is an identity: edges into it change who acts.
        let isIdentity: [Bool]
        let nodeCount: Int
        let fanOutCount: Int
        private let offsets: [Int]
        private let incoming: [Int]
        /// The fan-outs each node is a member of (compressed rows, as `incoming`).
        private let fanOutOffsets: [Int]
        private let fanOutsOfNode: [Int]
        /// The graph's nodes and numbers, then those only the goal's edges name.
        private let graphNodes: EscalationNumbering
        private let goalNodes: [EscalationNode]
        private let goalNumbers: [EscalationNode: Int]

        /// The graph's links as it numbered them, then `goalEdges`, their new nodes numbered after the graph's.
        init(_ graph: EscalationGraph, goalEdges: [EscalationEdge]) {
            let numbering = graph.numbering
            var goalNodes: [EscalationNode] = [], goalNumbers: [EscalationNode: Int] = [:]
            func number(_ node: EscalationNode) -> Int {
                if let known = numbering.numbers[node] ?? goalNumbers[node] { return known }
                goalNumbers[node] = numbering.nodes.count + goalNodes.count
                goalNodes.append(node)
                return numbering.nodes.count + goalNodes.count - 1
            }
            var from = numbering.from, to = numbering.to, primitive = numbering.primitive
            for edge in goalEdges {
                from.append(number(edge.from))
                to.append(number(edge.to))
                primitive.append(edge.isPrimitive)
            }
            let nodeCount = numbering.nodes.count + goalNodes.count
            for position in to.indices where to[position] < 0 { to[position] = nodeCount - 1 - to[position] }
            let fanOutCount = numbering.fanOutMembers.count
            let targets = nodeCount + fanOutCount
            var offsets = Array(repeating: 0, count: targets + 1)
            for target in to { offsets[target + 1] += 1 }
            for node in 0..<targets { offsets[node + 1] += offsets[node] }
            var incoming = Array(repeating: 0, count: to.count), filled = offsets
            for position in to.indices {
                incoming[filled[to[position]]] = position
                filled[to[position]] += 1
            }
            var fanOutOffsets = Array(repeating: 0, count: nodeCount + 1)
            for members in numbering.fanOutMembers { for member in members { fanOutOffsets[member + 1] += 1 } }
            for node in 0..<nodeCount { fanOutOffsets[node + 1] += fanOutOffsets[node] }
            var fanOutsOfNode = Array(repeating: 0, count: fanOutOffsets[nodeCount])
            filled = fanOutOffsets
            for (fanOut, members) in numbering.fanOutMembers.enumerated() {
                for member in members {
                    fanOutsOfNode[filled[member]] = fanOut
                    filled[member] += 1
                }
            }
            self.graph = graph
            self.goalEdges = goalEdges
            self.from = from
            self.to = to
            self.primitive = primitive
            isIdentity = numbering.isIdentity + goalNodes.map(\.isIdentity)
            self.nodeCount = nodeCount
            self.fanOutCount = fanOutCount
            self.offsets = offsets
            self.incoming = incoming
            self.fanOutOffsets = fanOutOffsets
            self.fanOutsOfNode = fanOutsOfNode
            graphNodes = numbering
            self.goalNodes = goalNodes
            self.goalNumbers = goalNumbers
        }

        /// The node's number; nil when no link touches it.
        func number(_ node: EscalationNode) -> Int? { graphNodes.numbers[node] ?? goalNumbers[node] }

        /// The node with this number.
        func node(_ number: Int) -> EscalationNode {
            number < graphNodes.nodes.count ? graphNodes.nodes[number] : goalNodes[number - graphNodes.nodes.count]
        }

        /// The positions of the links into `target` (a node, or `nodeCount` + a fan-out's index).
        func into(_ target: Int) -> ArraySlice<Int> { incoming[offsets[target]..<offsets[target + 1]] }

        /// The fan-outs `node` is a member of.
        func fanOuts(of node: Int) -> ArraySlice<Int> { fanOutsOfNode[fanOutOffsets[node]..<fanOutOffsets[node + 1]] }

        /// The edge the link at `position` makes into `node` (a fan-out link's member).
        func edge(_ position: Int, to node: Int) -> EscalationEdge {
            let links = graphNodes.from.count
            guard position < links else { return goalEdges[position - links] }
            let link = graph.link(position)
            return link.fanOut == nil ? link.edge : link.edge.to(self.node(node))
        }
    }

    private let edges: Edges
    private let distances: [Int]
    private let next: [Int]
    /// The member each fan-out was followed from (the nearest), or -1.
    private let fanOutMember: [Int]

    /// Searches backward from `seeds`; with `keepingIdentity`, only along edges that keep the acting identity (do not
    /// lead into an identity).
    init(_ edges: Edges, seeds: [(node: Int, distance: Int)], keepingIdentity: Bool = false) {
        var distances = Array(repeating: Int.max, count: edges.nodeCount)
        var next = Array(repeating: -1, count: edges.nodeCount)
        var fanOutMember = Array(repeating: -1, count: edges.fanOutCount)
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
        var merged: [Int] = []
        var distance = 0
        func relax(_ link: Int) {
            let source = edges.from[link]
            let reached = distance + (edges.primitive[link] ? 1 : 0)
            guard reached < distances[source] else { return }
            distances[source] = reached
            next[source] = link
            push(source, reached)
        }
        while distance < buckets.count {
            var position = 0
            // Zero-cost edges append to the bucket being read.
            while position < buckets[distance].count {
                let node = buckets[distance][position]
                position += 1
                guard !settled[node], distances[node] == distance else { continue }
                settled[node] = true
                if keepingIdentity && edges.isIdentity[node] { continue }
                guard edges.fanOuts(of: node).contains(where: { fanOutMember[$0] < 0 }) else {
                    for link in edges.into(node) { relax(link) }
                    continue
                }
                merged.removeAll(keepingCapacity: true)
                merged += edges.into(node)
                for fanOut in edges.fanOuts(of: node) where fanOutMember[fanOut] < 0 {
                    fanOutMember[fanOut] = node
                    merged += edges.into(edges.nodeCount + fanOut)
                }
                merged.sort()
                for link in merged { relax(link) }
            }
            buckets[distance] = []
            distance += 1
        }
        self.edges = edges
        self.distances = distances
        self.next = next
        self.fanOutMember = fanOutMember
    }

    /// The node's distance to the nearest seed; nil when it reaches none.
    func distance(_ node: Int) -> Int? {
        distances[node] == .max ? nil : distances[node]
    }

    /// The edges from `node` to the seed it is closest to, and that seed; nil when it reaches none.
    func path(from node: Int) -> (edges: [EscalationEdge], end: Int)? {
        guard distances[node] != .max else { return nil }
        var current = node, path: [EscalationEdge] = []
        // A path is never longer than the number of nodes; a longer one would be a cycle (impossible: distances
        // only fall along next edges), so stop there rather than loop.
        while next[current] >= 0, path.count <= edges.nodeCount {
            let link = next[current], target = edges.to[link]
            let reached = target < edges.nodeCount ? target : fanOutMember[target - edges.nodeCount]
            path.append(edges.edge(link, to: reached))
            current = reached
        }
        return next[current] >= 0 ? nil : (path, current)
    }
}
