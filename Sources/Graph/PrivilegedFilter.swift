import GraphValues

/// `--privileged`: keeps only privileged grants and who holds them — the holders themselves, the members of the
/// groups that hold them, whoever can assume a trusted profile that holds them — with the memberships and
/// trust relations that make them privileged. With policy nodes shown, privileged policies keep their roles and
/// targets.
enum PrivilegedFilter {
    static func apply(to draft: GraphDraft) -> GraphDraft {
        let privilegedPolicies = Set(draft.nodes.filter { $0.kind == .policy && $0.flags.contains(.privileged) }.map(\.id))
        var edges: [Edge] = []
        var holders = Set<String>()
        for edge in draft.edges {
            switch edge.kind {
            case .grants where edge.flags.contains(.privileged) && !privilegedPolicies.contains(edge.source):
                holders.insert(edge.source)  // a collapsed policy: subject → target
                edges.append(edge)
            case .assigned where privilegedPolicies.contains(edge.target):
                holders.insert(edge.source)
                edges.append(edge)
            case .grants, .appliesTo:
                if privilegedPolicies.contains(edge.source) && (edge.kind == .appliesTo || edge.flags.contains(.privileged)) {
                    edges.append(edge)
                }
            case .escalatesTo:
                edges.append(edge)  // a way to become privileged (`--escalation`)
            case .assigned, .memberOf, .canAssume, .covers, .contains:
                continue
            }
        }
        // Members of privileged groups, and whoever can assume a privileged profile (which may itself be a member).
        let relations = draft.edges.filter { $0.kind == .memberOf || $0.kind == .canAssume }
        var added = true
        var kept = Set<Int>()
        while added {
            added = false
            for (position, edge) in relations.enumerated() where !kept.contains(position) && holders.contains(edge.target) {
                kept.insert(position)
                added = holders.insert(edge.source).inserted || added
            }
        }
        edges += kept.sorted().map { relations[$0] }
        var shown = Set<String>()
        for edge in edges { shown.formUnion([edge.source, edge.target]) }
        let nodes = draft.nodes.filter { shown.contains($0.id) }
        let clusters = draft.clusters.map { Cluster(id: $0.id, label: $0.label, nodeIDs: $0.nodeIDs.filter(shown.contains)) }
        return GraphDraft(nodes: nodes, edges: edges, clusters: clusters.filter { !$0.nodeIDs.isEmpty }, notes: draft.notes)
    }
}
