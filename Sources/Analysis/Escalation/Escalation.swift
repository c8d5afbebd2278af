import Model

/// Who can reach a goal by escalating: for every identity, the fewest primitives it needs, found by one backward 0-1
/// breadth-first search from the goal (memberships and assumptions cost nothing, primitives one). The cost is linear
/// in the graph, whatever the number of identities; cycles are harmless, since a node's distance only ever falls.
public struct Escalation: Sendable {
    public let goal: EscalationGoal
    public let graph: EscalationGraph
    /// The goal's edges (who holds it, who can create credentials on it).
    public let goalEdges: [EscalationEdge]
    /// Every identity the search started from, sorted.
    public let identities: [String]
    /// The path of each identity that reaches the goal and does not hold it already, by IAM id; sorted.
    public let paths: [EscalationPath]
    /// Identities that hold the goal already (no primitive needed), sorted.
    public let holders: [String]

    public init(_ index: AccessIndex, goal: EscalationGoal = .accountAdministration, graph: EscalationGraph? = nil) {
        let graph = graph ?? EscalationGraph(index)
        self.goal = goal
        self.graph = graph
        goalEdges = goal.edges(graph, owner: index.account.info?.ownerIAMID)
        identities = index.subjects
        let edges = graph.edges + goalEdges
        let search = Search(edges: edges, goal: goal.node)
        var paths: [EscalationPath] = [], holders: [String] = []
        for iamID in identities {
            guard let edgeIndices = search.path(from: .identity(iamID: iamID)) else { continue }
            let path = EscalationPath(iamID: iamID, edges: edgeIndices.map { edges[$0] })
            if path.primitiveCount == 0 { holders.append(iamID) } else { paths.append(path) }
        }
        self.paths = paths
        self.holders = holders
    }

    /// The path of one identity, if it can reach the goal by escalating.
    public func path(of iamID: String) -> EscalationPath? {
        paths.first { $0.iamID == iamID }
    }

    /// The longest of the shortest paths, in primitives (0 when no identity has one).
    public var longestPath: Int { paths.map(\.primitiveCount).max() ?? 0 }

    /// The backward search: distances to the goal and each node's next edge on a shortest path.
    private struct Search {
        private let numbers: [EscalationNode: Int]
        private let next: [Int?]

        init(edges: [EscalationEdge], goal: EscalationNode) {
            var numbers: [EscalationNode: Int] = [:]
            func number(_ node: EscalationNode) -> Int {
                if let known = numbers[node] { return known }
                numbers[node] = numbers.count
                return numbers.count - 1
            }
            let goalNumber = number(goal)
            var incoming: [[Int]] = []
            var from: [Int] = []
            from.reserveCapacity(edges.count)
            for (position, edge) in edges.enumerated() {
                let source = number(edge.from), target = number(edge.to)
                from.append(source)
                if incoming.count < numbers.count { incoming += Array(repeating: [], count: numbers.count - incoming.count) }
                incoming[target].append(position)
            }
            if incoming.count < numbers.count { incoming += Array(repeating: [], count: numbers.count - incoming.count) }
            var distance = Array(repeating: Int.max, count: numbers.count)
            var next: [Int?] = Array(repeating: nil, count: numbers.count)
            distance[goalNumber] = 0
            // A deque as two stacks' worth of array with a moving head: zero-cost edges go in front.
            var front: [Int] = [goalNumber], back: [Int] = [], backHead = 0
            while true {
                let node: Int
                if let last = front.popLast() {
                    node = last
                } else if backHead < back.count {
                    node = back[backHead]
                    backHead += 1
                } else {
                    break
                }
                for position in incoming[node] {
                    let weight = edges[position].isPrimitive ? 1 : 0
                    let source = from[position]
                    guard distance[node] + weight < distance[source] else { continue }
                    distance[source] = distance[node] + weight
                    next[source] = position
                    if weight == 0 { front.append(source) } else { back.append(source) }
                }
            }
            self.numbers = numbers
            self.next = next
            self.edges = edges
            self.goal = goalNumber
        }

        private let edges: [EscalationEdge]
        private let goal: Int

        /// The edges of a shortest path from `node` to the goal, by position; nil when there is none.
        func path(from node: EscalationNode) -> [Int]? {
            guard var current = numbers[node] else { return nil }
            var positions: [Int] = []
            var seen = Set<Int>()
            while current != goal {
                guard let position = next[current], seen.insert(current).inserted else { return nil }
                positions.append(position)
                current = numbers[edges[position].to] ?? goal
            }
            return positions
        }
    }
}
