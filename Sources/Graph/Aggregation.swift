/// Shrinks a view to a node budget before any layout, in steps that lose as little as possible:
/// 1. identities with exactly the same edges become one "37 users" node (no information lost but names);
/// 2. instances of one service in one resource group become one node;
/// 3. if still too large, the least connected nodes of each kind become one "N other …" node per kind.
/// The graph's notes say what was done; `--full` lifts the budget.
struct Aggregation {
    let budget: Int
    /// Nodes never merged (the focus).
    let keep: Set<String>

    func apply(to graph: AccessGraph) -> AccessGraph {
        let before = graph.nodes.count
        var result = collapseEquivalentIdentities(graph)
        if result.nodes.count > budget { result = collapseInstancesPerService(result) }
        if result.nodes.count > budget { result = collapseLeastConnected(result, room: budget) }
        // Layout cost grows with edges too: a dense view is shrunk further until it also fits the edge budget.
        var room = budget
        while result.edges.count > edgeBudget, room > 20 {
            room = room * 3 / 4
            result = collapseLeastConnected(result, room: room)
        }
        result.notes.append("aggregated to fit the \(budget)-node budget: \(before) nodes shown as \(result.nodes.count) "
                            + "(--full shows every node)")
        return result
    }

    /// At most this many edges: twice the node budget keeps a dot layout within seconds.
    var edgeBudget: Int { budget * 2 }

    private func collapseEquivalentIdentities(_ graph: AccessGraph) -> AccessGraph {
        var incident: [String: [String]] = [:]
        for edge in graph.edges {
            incident[edge.source, default: []].append("out|\(edge.kind.rawValue)|\(edge.target)|\(edge.label)")
            incident[edge.target, default: []].append("in|\(edge.kind.rawValue)|\(edge.source)|\(edge.label)")
        }
        var groups: [String: [Node]] = [:]
        for node in graph.nodes where node.kind.isIdentity && !keep.contains(node.id) {
            let signature = node.kind.rawValue + "#" + (node.flags.contains(.warning) ? "w" : "") + "#"
                + (incident[node.id] ?? []).sorted().joined(separator: "\n")
            groups[signature, default: []].append(node)
        }
        let merges = groups.values.filter { $0.count > 1 }.map { members in
            (Self.aggregate(id: "aggregate:" + members[0].id, of: members) { "\($0) \(members[0].kind.plural)" },
             members.map(\.id))
        }
        return Self.merge(graph, merges)
    }

    private func collapseInstancesPerService(_ graph: AccessGraph) -> AccessGraph {
        var groups: [String: [Node]] = [:]
        for node in graph.nodes where node.kind == .serviceInstance && !keep.contains(node.id) {
            groups["\(node.attributes["service"] ?? "?")|\(node.attributes["resource_group"] ?? "")", default: []].append(node)
        }
        let merges = groups.sorted { $0.key < $1.key }.filter { $0.value.count > 1 }.map { key, members in
            var node = Self.aggregate(id: "aggregate:service_instance:" + key, of: members) {
                "\($0) \(members[0].attributes["service"] ?? "") instances"
            }
            node.attributes["service"] = members[0].attributes["service"]
            node.attributes["resource_group"] = members[0].attributes["resource_group"]
            return (node, members.map(\.id))
        }
        return Self.merge(graph, merges)
    }

    private func collapseLeastConnected(_ graph: AccessGraph, room budget: Int) -> AccessGraph {
        var degree: [String: Int] = [:]
        for edge in graph.edges {
            degree[edge.source, default: 0] += 1
            degree[edge.target, default: 0] += 1
        }
        let candidates = graph.nodes.filter { !keep.contains($0.id) }
        let kinds = Set(candidates.map(\.kind)).count
        let room = max(0, budget - (graph.nodes.count - candidates.count) - kinds)
        // Degrees are looked up once per node, not twice per comparison.
        let ranked = candidates.map { (node: $0, degree: degree[$0.id] ?? 0) }
            .sorted { ($0.degree, $1.node.id) > ($1.degree, $0.node.id) }.map(\.node)
        let dropped = Dictionary(grouping: ranked.dropFirst(room), by: \.kind)
        let merges = dropped.sorted { $0.key < $1.key }.filter { $0.value.count > 1 }.map { kind, members in
            (Self.aggregate(id: "aggregate:other:" + kind.rawValue, of: members) { "\($0) other \(kind.plural)" },
             members.map(\.id))
        }
        return Self.merge(graph, merges)
    }

    /// The node standing for `members`; its count includes the members of aggregates among them.
    private static func aggregate(id: String, of members: [Node], label: (Int) -> String) -> Node {
        let count = members.reduce(0) { $0 + (Int($1.attributes["count"] ?? "") ?? 1) }
        return Node(id: id, kind: members[0].kind, label: label(count),
                    attributes: ["members": sample(members), "count": String(count)], flags: .aggregate)
    }

    /// A few member labels for the tooltip of an aggregate node.
    private static func sample(_ members: [Node]) -> String {
        let names = members.map(\.label).sorted()
        return names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", … (\(names.count) in all)" : "")
    }

    /// Replaces each group of nodes by its aggregate node; edges are re-pointed, and edges that now share their ends
    /// and kind are merged (labels joined).
    static func merge(_ graph: AccessGraph, _ merges: [(node: Node, members: [String])]) -> AccessGraph {
        guard !merges.isEmpty else { return graph }
        var replacement: [String: String] = [:]
        for merge in merges { for member in merge.members { replacement[member] = merge.node.id } }
        let nodes = graph.nodes.filter { replacement[$0.id] == nil } + merges.map(\.node)
        var edges: [EdgeKey: Edge] = [:]
        var order: [EdgeKey] = []
        for edge in graph.edges {
            var edge = edge
            edge.source = replacement[edge.source] ?? edge.source
            edge.target = replacement[edge.target] ?? edge.target
            guard edge.source != edge.target else { continue }
            let key = EdgeKey(source: edge.source, target: edge.target, kind: edge.kind)
            if var existing = edges[key] {
                let lines = existing.label.split(separator: "\n").map(String.init)
                let extra = edge.label.split(separator: "\n").map(String.init).filter { !lines.contains($0) }
                existing.label = (lines + extra).prefix(4).joined(separator: "\n")
                existing.flags.formUnion(edge.flags)
                edges[key] = existing
            } else {
                edges[key] = edge
                order.append(key)
            }
        }
        let clusters = graph.clusters.map { cluster in
            Cluster(id: cluster.id, label: cluster.label,
                    nodeIDs: Array(Set(cluster.nodeIDs.map { replacement[$0] ?? $0 })))
        }
        return AccessGraph(title: graph.title, notes: graph.notes, nodes: nodes, edges: order.compactMap { edges[$0] },
                           clusters: clusters)
    }

    /// Edges with the same ends and kind are one edge after a merge.
    private struct EdgeKey: Hashable {
        let source: String
        let target: String
        let kind: EdgeKind
    }
}
