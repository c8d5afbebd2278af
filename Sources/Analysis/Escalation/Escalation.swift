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
        goalEdges = goal.edges(graph, account: index.account)
        let identities = index.subjects
        self.identities = identities
        let edges = EscalationSearch.Edges(graph.links + goalEdges.map { EscalationLink($0) }, fanOuts: graph.fanOuts)
        let goals = goal.nodes(in: index.account).compactMap(edges.number)
        var halves: [EscalationSearch] = []
        // One search per set of seeds: account administration and an instance are one goal; each sensitive target
        // is its own, so that administering one does not hide a path to another.
        var seedSets: [[(node: Int, distance: Int)]]
        switch goal {
        case .accountAdministration:
            // Distances to each half keeping one identity: edges into an identity change who acts.
            halves = [EscalationNode.AdministrationPart.administrator, .manager].map { part in
                EscalationSearch(edges, seeds: edges.number(.administrationPart(part)).map { [($0, 0)] } ?? [],
                                 keepingIdentity: true)
            }
            var seeds = goals.map { (node: $0, distance: 0) }
            for node in 0..<edges.nodeCount {
                guard let first = halves[0].distance(node), let second = halves[1].distance(node) else { continue }
                seeds.append((node, first + second))
            }
            seedSets = [seeds]
        case .instance: seedSets = [goals.map { ($0, 0) }]
        case .sensitiveAdministration: seedSets = goals.map { [($0, 0)] }
        }
        let starts = identities.map { edges.number(.identity(iamID: $0)) }
        // The sensitive targets' searches are independent: two threads take every other one; merging keeps the
        // sequential answer (the shortest path, ties to the earlier target).
        let halfSearches = halves
        let search = { @Sendable (sets: [(order: Int, seeds: [(node: Int, distance: Int)])]) in
            EscalationReach(sets, edges: edges, goals: goals, halves: halfSearches, starts: starts, identities: identities)
        }
        let numbered = seedSets.enumerated().map { (order: $0.offset, seeds: $0.element) }
        let odd = seedSets.count > 1 ? Concurrent { search(numbered.filter { $0.order % 2 == 1 }) } : nil
        var reach = search(numbered.filter { $0.order % 2 == 0 })
        if let odd { reach.merge(odd.value) }
        let holds = reach.holds
        holders = identities.indices.filter { holds[$0] }.map { identities[$0] }
        paths = reach.best.compactMap { $0?.path }
    }

    /// The path of one identity, if it can reach the goal by escalating.
    package func path(of iamID: String) -> EscalationPath? {
        paths.first { $0.iamID == iamID }
    }

    /// The longest of the shortest paths, in primitives (0 when no identity has one).
    package var longestPath: Int { paths.map(\.primitiveCount).max() ?? 0 }
}
