import GraphValues
import Model
/// A map of what changed between two views of an account — two snapshots drawn with the same `ViewOptions` — for
/// `iamgraph diff --format svg|png|dot`.
///
/// It shows the nodes and edges only the newer view has (flag `added`) or only the older one has (`removed`), nodes
/// and edges whose facts changed (no flag), and, as faded context (`context`), their unchanged direct neighbours with
/// the edges to them. Everything else is left out. Nodes are matched by id, edges by ends, kind, label and flags, so
/// an edge whose label changed (a role added to a policy) appears twice: removed with the old label, added with the
/// new one.
package enum DiffMap {
    /// The view both snapshots are drawn in before comparing: the whole account, policies collapsed into edges
    /// labelled with their roles, instances and resource groups included, no node budget (the diff map applies its
    /// own to what it keeps).
    package static let view = ViewOptions(focus: .account, include: [.serviceInstance, .resourceGroup], maxNodes: nil)

    /// The changed neighbourhood of account `old` → `new`, both drawn in `view`, titled `title`.
    ///
    /// A node is `added` or `removed` only when its entity is new to or gone from the account, not when it merely
    /// enters or leaves the drawn view (a user whose only direct policy was removed is still a user).
    package static func build(old: IAMAccount, new: IAMAccount, title: String,
                             maxNodes: Int? = ViewOptions.defaultMaxNodes) throws(Lookup.Failure) -> AccessGraph {
        let before = try AccessMap.view(old, options: view), after = try AccessMap.view(new, options: view)
        return build(old: before.graph, new: after.graph, title: title, maxNodes: maxNodes,
                     existing: (old: before.entities, new: after.entities))
    }

    /// The changed neighbourhood of `old` → `new`, titled `title`; when it has more than `maxNodes` nodes, the context
    /// is aggregated (the changes never are). `existing` holds the node ids of every entity of each account (drawn or
    /// not); a node missing from one view but whose entity exists in that account is a changed node, not an added or
    /// removed one.
    static func build(old: AccessGraph, new: AccessGraph, title: String, maxNodes: Int?,
                      existing: (old: Set<String>, new: Set<String>)) -> AccessGraph {
        var nodes: [String: Node] = [:]
        var touched = Set<String>()
        let oldNodes = Dictionary(old.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = new.nodeIDs
        for node in new.nodes {
            if let before = oldNodes[node.id] {
                if before != node { touched.insert(node.id) }
                nodes[node.id] = node
            } else {
                nodes[node.id] = existing.old.contains(node.id) ? node : marked(node, .added)
                touched.insert(node.id)
            }
        }
        for node in old.nodes where !newIDs.contains(node.id) {
            nodes[node.id] = existing.new.contains(node.id) ? node : marked(node, .removed)
            touched.insert(node.id)
        }

        var edges: [Edge] = []
        var unchanged: [Edge] = []
        let oldEdges = Dictionary(old.edges.map { (matchKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.edges.map(matchKey))
        for edge in new.edges {
            if let before = oldEdges[matchKey(edge)], before == edge {
                unchanged.append(edge)
                continue
            }
            edges.append(oldEdges[matchKey(edge)] == nil ? markedGain(edge) : edge)
            touched.formUnion([edge.source, edge.target])
        }
        // Whoever gains privileged access stands out from ordinary gains.
        for edge in edges where edge.flags.contains(.privilegedGain) {
            if let node = nodes[edge.source] { nodes[edge.source] = marked(node, .privilegedGain) }
        }
        for edge in old.edges where !newKeys.contains(matchKey(edge)) {
            edges.append(marked(edge, .removed))
            touched.formUnion([edge.source, edge.target])
        }
        edges += unchanged.filter { touched.contains($0.source) || touched.contains($0.target) }.map { marked($0, .context) }

        let shown = touched.union(edges.flatMap { [$0.source, $0.target] })
        var graph = AccessGraph(title: title, nodes: shown.compactMap { nodes[$0] }, edges: edges,
                                clusters: clusters(old.clusters + new.clusters, shown: shown))
        if let maxNodes, graph.nodes.count > maxNodes {
            graph = Aggregation(budget: maxNodes, keep: touched).apply(to: GraphDraft(graph)).graph(title: title)
        }
        // Whatever is not a change is context, aggregates of context nodes included.
        return AccessGraph(title: graph.title, notes: graph.notes,
                           nodes: graph.nodes.map { touched.contains($0.id) ? $0 : marked($0, .context) },
                           edges: graph.edges, clusters: graph.clusters)
    }

    /// What identifies an edge across the two views: everything but its attributes.
    private static func matchKey(_ edge: Edge) -> Edge {
        var key = edge
        key.attributes = [:]
        return key
    }

    private static func marked(_ node: Node, _ flag: Flags) -> Node {
        var node = node
        node.flags.insert(flag)
        return node
    }

    /// An added edge; one that grants a privileged role is also a privileged gain (a new administrator, a new
    /// holder of the right to assign access).
    private static func markedGain(_ edge: Edge) -> Edge {
        let added = marked(edge, .added)
        return edge.kind == .grants && edge.flags.contains(.privileged) ? marked(added, .privilegedGain) : added
    }

    private static func marked(_ edge: Edge, _ flag: Flags) -> Edge {
        var edge = edge
        edge.flags.insert(flag)
        return edge
    }

    /// The clusters of both views merged by id (the newer label wins), holding only shown nodes.
    private static func clusters(_ clusters: [Cluster], shown: Set<String>) -> [Cluster] {
        var merged: [String: Cluster] = [:]
        for cluster in clusters {
            let members = Set(merged[cluster.id]?.nodeIDs ?? []).union(cluster.nodeIDs).intersection(shown)
            merged[cluster.id] = Cluster(id: cluster.id, label: cluster.label, nodeIDs: Array(members))
        }
        return merged.values.filter { !$0.nodeIDs.isEmpty }
    }
}
