import GraphValues
/// Shrinks a view to a node budget before any layout, in steps that lose as little as possible:
/// 1. identities with exactly the same edges become one "37 users" node (no information lost but names);
/// 2. instances of one service in one resource group become one node;
/// 3. if still too large, the least connected nodes of each kind become one "N other …" node per kind.
/// The graph's notes say what was done; `--full` lifts the budget.
struct Aggregation {
    let budget: Int
    /// Nodes never merged (the focus).
    let keep: Set<String>

    func apply(to graph: GraphDraft) -> GraphDraft {
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

    private func collapseEquivalentIdentities(_ graph: GraphDraft) -> GraphDraft {
        var incidences: [String: [Incidence]] = [:]
        for node in graph.nodes where node.kind.isIdentity && !keep.contains(node.id) { incidences[node.id] = [] }
        for edge in graph.edges {
            incidences[edge.source]?.append(Incidence(outgoing: true, kind: edge.kind, other: edge.target, label: edge.label))
            incidences[edge.target]?.append(Incidence(outgoing: false, kind: edge.kind, other: edge.source, label: edge.label))
        }
        var groups: [IdentitySignature: [Node]] = [:]
        for node in graph.nodes {
            guard let incident = incidences[node.id] else { continue }
            let signature = IdentitySignature(kind: node.kind, warning: node.flags.contains(.warning),
                                              incidences: incident.sorted())
            groups[signature, default: []].append(node)
        }
        // Members keep the draft's node order (by id after `AccessMap.select`), so each aggregate is named after its
        // first member and merges are made in that member's order.
        let merges = groups.values.filter { $0.count > 1 }.sorted { $0[0].id < $1[0].id }.map { members in
            (Self.aggregate(id: "aggregate:" + members[0].id, of: members) { "\($0) \(members[0].kind.plural)" },
             members.map(\.id))
        }
        return Self.merge(graph, merges)
    }

    /// What makes identities equivalent on a map: the same kind, warning and edges.
    private struct IdentitySignature: Hashable {
        let kind: NodeKind
        let warning: Bool
        /// Sorted.
        let incidences: [Incidence]
    }

    /// One edge as seen from an identity at one of its ends.
    private struct Incidence: Hashable, Comparable {
        let outgoing: Bool
        let kind: EdgeKind
        let other: String
        let label: String

        static func < (a: Incidence, b: Incidence) -> Bool {
            (a.outgoing ? 1 : 0, a.kind.rawValue, a.other, a.label) < (b.outgoing ? 1 : 0, b.kind.rawValue, b.other, b.label)
        }
    }

    private func collapseInstancesPerService(_ graph: GraphDraft) -> GraphDraft {
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

    private func collapseLeastConnected(_ graph: GraphDraft, room budget: Int) -> GraphDraft {
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
    static func merge(_ graph: GraphDraft, _ merges: [(node: Node, members: [String])]) -> GraphDraft {
        guard !merges.isEmpty else { return graph }
        var replacement: [String: String] = [:]
        for merge in merges { for member in merge.members { replacement[member] = merge.node.id } }
        let nodes = graph.nodes.filter { replacement[$0.id] == nil } + merges.map(\.node)
        var numbering = NodeNumbering(nodes: nodes, replacement: replacement)
        var edges: [Edge] = []
        var position: [EdgeKey: Int] = [:]
        // Merged edges whose label already holds the 4 lines it may show: later edges cannot change it.
        var fullLabels = Set<Int>()
        for var edge in graph.edges {
            let key = EdgeKey(source: numbering.number(edge.source), target: numbering.number(edge.target), kind: edge.kind)
            guard key.source != key.target else { continue }
            if let index = position[key] {
                NetworkMark.merge(edge, into: &edges[index])
                guard !fullLabels.contains(index) else { continue }
                let lines = edges[index].label.split(separator: "\n").map(String.init)
                let extra = edge.label.split(separator: "\n").map(String.init).filter { !lines.contains($0) }
                edges[index].label = (lines + extra).prefix(4).joined(separator: "\n")
                if lines.count + extra.count >= 4 { fullLabels.insert(index) }
            } else {
                edge.source = numbering.ids[key.source]
                edge.target = numbering.ids[key.target]
                position[key] = edges.count
                edges.append(edge)
            }
        }
        let clusters = graph.clusters.map { cluster in
            Cluster(id: cluster.id, label: cluster.label,
                    nodeIDs: Array(Set(cluster.nodeIDs.map { replacement[$0] ?? $0 })))
        }
        return GraphDraft(nodes: nodes, edges: edges, clusters: clusters, notes: graph.notes)
    }

    /// Numbers for node ids after a merge — a member shares its aggregate's — so edges are keyed without hashing their
    /// ids again. An id no node has (an edge to a node outside the view) gets a number of its own.
    private struct NodeNumbering {
        private(set) var ids: [String]
        private var numbers: [String: Int] = [:]

        init(nodes: [Node], replacement: [String: String]) {
            ids = nodes.map(\.id)
            for (number, id) in ids.enumerated() { numbers[id] = number }
            for (member, aggregate) in replacement { numbers[member] = numbers[aggregate] }
        }

        mutating func number(_ id: String) -> Int {
            if let number = numbers[id] { return number }
            numbers[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
    }

    /// Edges with the same ends and kind are one edge after a merge.
    private struct EdgeKey: Hashable {
        let source: Int
        let target: Int
        let kind: EdgeKind
    }
}
