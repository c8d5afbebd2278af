import Model

/// Who can reach a goal by escalating: for every identity, the fewest primitives it needs, found by backward
/// searches from the goal (memberships and assumptions cost nothing, primitives one). The cost is linear in the graph,
/// whatever the number of identities; cycles are harmless, since a node's distance only ever falls.
///
/// Account administration may be split in halves (Administrator on all IAM-enabled services from one group, Manager
/// from another): an identity holds it when it holds both halves at once. Two extra searches give every node's
/// distance to each half *without changing identity* (joining groups and assigning oneself access keep the identity;
/// using a service ID's key or a trusted profile changes it); a node that can collect both halves starts the main
/// search at the sum, so the main search finds the cheapest place to combine them.
package struct Escalation: Sendable {
    package let goal: EscalationGoal
    package let graph: EscalationGraph
    /// The goal's edges (who holds it or half of it, who can create credentials on it).
    package let goalEdges: [EscalationEdge]
    /// Every identity the search started from, sorted.
    package let identities: [String]
    /// The path of each identity that reaches the goal and does not hold it already, by IAM id; sorted. For
    /// `sensitiveAdministration`, the path to the nearest target the identity does not administer yet (it may hold
    /// others).
    package let paths: [EscalationPath]
    /// Identities that hold the goal already (no primitive needed), sorted; for `sensitiveAdministration`, those
    /// that administer at least one target.
    package let holders: [String]

    package init(_ index: AccessIndex, goal: EscalationGoal = .accountAdministration, graph: EscalationGraph? = nil) {
        let graph = graph ?? EscalationGraph(index)
        self.goal = goal
        self.graph = graph
        goalEdges = goal.edges(graph, index: index)
        let identities = graph.identities
        self.identities = identities
        let edges = EscalationSearch.Edges(graph, goalEdges: goalEdges)
        let goals = goal.nodes(in: index.account).compactMap(edges.number)
        let starts = identities.map { edges.number(.identity(iamID: $0)) }
        let reach: EscalationReach
        switch goal {
        case .accountAdministration:
            // Distances to each half keeping one identity: edges into an identity change who acts.
            let halves = [EscalationNode.AdministrationPart.administrator, .manager].map { part in
                EscalationSearch(edges, seeds: edges.number(.administrationPart(part)).map { [($0, 0)] } ?? [],
                                 keepingIdentity: true)
            }
            var seeds = goals.map { (node: $0, distance: 0) }
            for node in 0..<edges.nodeCount {
                guard let first = halves[0].distance(node), let second = halves[1].distance(node) else { continue }
                seeds.append((node, first + second))
            }
            reach = EscalationReach(EscalationSearch(edges, seeds: seeds), goals: goals, halves: halves, starts: starts,
                                    identities: identities)
        case .instance:
            reach = EscalationReach(EscalationSearch(edges, seeds: goals.map { ($0, 0) }), goals: goals, halves: [],
                                    starts: starts, identities: identities)
        case .sensitiveAdministration:
            // Each target is its own goal, so that administering one does not hide a path to another: one pass finds
            // every identity's nearest target, then each chosen target's own search gives the paths to it.
            reach = Self.nearestTargets(edges, goals: goals, starts: starts, identities: identities)
        }
        let holds = reach.holds
        holders = identities.indices.filter { holds[$0] }.map { identities[$0] }
        paths = reach.paths.compactMap { $0 }
    }

    /// The paths of every identity to the nearest sensitive target it does not administer yet (ties to the earlier
    /// target), each as that target's own search finds it.
    private static func nearestTargets(_ edges: EscalationSearch.Edges, goals: [Int], starts: [Int?],
                                       identities: [String]) -> EscalationReach {
        let nearest = NearestTargets(edges, goals: goals, starts: starts)
        var reach = EscalationReach(paths: Array(repeating: nil, count: identities.count), holds: nearest.holds)
        var chosen: [Int: [Int]] = [:]
        for (position, target) in nearest.nearest.enumerated() {
            if let target { chosen[target.goal, default: []].append(position) }
        }
        for (goal, positions) in chosen {
            let search = EscalationSearch(edges, seeds: [(goals[goal], 0)])
            for position in positions {
                guard let start = starts[position] else { continue }
                reach.paths[position] = EscalationReach.path(search, from: start, goals: goals, halves: [],
                                                             iamID: identities[position])
            }
        }
        return reach
    }

    /// The path of one identity, if it can reach the goal by escalating.
    package func path(of iamID: String) -> EscalationPath? {
        paths.first { $0.iamID == iamID }
    }

    /// The longest of the shortest paths, in primitives (0 when no identity has one).
    package var longestPath: Int { paths.map(\.primitiveCount).max() ?? 0 }
}
