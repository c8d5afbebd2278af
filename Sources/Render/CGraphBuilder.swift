import CGraphviz
import GraphValues

/// Builds the cgraph graph of an access graph: graph attributes and the heading (title, notes, legend), clusters as
/// `cluster_<index>` subgraphs, one node per node (named by its id), one edge per edge, styles, tooltips and links.
///
/// Every value that comes from the account goes through `GraphvizText`; only `Heading` makes an HTML label. A node
/// without a label shows its id. Cluster members that are not nodes of the graph, a second cluster for the same node
/// (Graphviz cannot draw a node in two clusters) and edges whose ends are not nodes are skipped.
///
/// Only call it inside `GraphvizSession.perform`.
struct CGraphBuilder {
    let graph: AccessGraph
    let layout: LayoutEngine

    /// Above this many labelled edges, a `dot` map labels edges with xlabels.
    static let denseLabels = 100

    /// Font of every text: installed by `fonts-liberation2`, so layouts and bitmaps are the same on every machine.
    static let fontName = "Liberation Sans"

    /// The new graph; close it with `agclose` (after `gvFreeLayout` if it was laid out).
    func build(in session: GraphvizSession) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let root = iamgraph_agopen_directed_ordered("iamgraph") else {
            throw RenderError.graphConstructionFailed(what: "the graph", messages: session.messages())
        }
        do {
            try populate(root, session: session)
            return root
        } catch {
            agclose(root)
            throw error
        }
    }

    private func populate(_ root: UnsafeMutablePointer<Agraph_t>, session: GraphvizSession) throws {
        declareDefaults(root)
        setGraphAttributes(root)

        // Clusters first, so that each node can be placed in its (first) cluster.
        var clusterOf: [String: UnsafeMutablePointer<Agraph_t>] = [:]
        for (index, cluster) in graph.clusters.enumerated() {
            let subgraph = try makeSubgraph(root, name: "cluster_\(index)", session: session)
            set(subgraph, "label", GraphvizText.label(cluster.label))
            set(subgraph, "tooltip", GraphvizText.tooltip(lines: [cluster.label]))
            setClusterStyle(subgraph)
            for id in cluster.nodeIDs where clusterOf[id] == nil {
                clusterOf[id] = subgraph
            }
        }

        var names = UniqueNames()
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for (index, node) in creationOrder() where nodes[node.id] == nil {
            let name = names.claim(GraphvizText.name(node.id))
            guard let created = name.withCString({ iamgraph_agnode(root, $0) }) else {
                throw RenderError.graphConstructionFailed(what: "a node", messages: session.messages())
            }
            nodes[node.id] = created
            if let subgraph = clusterOf[node.id] {
                _ = iamgraph_agsubnode(subgraph, created)
            }
            set(created, "id", "n\(index)")  // what the HTML explorer finds the node's drawing by
            set(created, "class", SVGClasses.node(node))
            set(created, "label", GraphvizText.label(node.label.isEmpty ? node.id : node.label))
            set(created, "tooltip", Tooltip.node(node))
            for (attribute, value) in Appearance.node(kind: node.kind, flags: node.flags).attributes {
                set(created, attribute, value)
            }
            if let url = node.attributes["url"].flatMap(GraphvizText.url) {
                set(created, "URL", url)
                set(created, "target", "_blank")
            }
        }

        let kinds = Dictionary(graph.nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let stagger = layout.isHierarchical ? RankStagger(graph).minimumLengths : [:]
        // `dot` gives every edge label a place in a rank of its own, so hundreds of labels stack in a column far from
        // their edges (and make the map a strip); past `denseLabels`, labels become xlabels, placed beside their edge
        // after the layout.
        let labelled = graph.edges.lazy.filter { !$0.label.isEmpty }.count
        let labelAttribute = layout.isHierarchical && labelled > Self.denseLabels ? "xlabel" : "label"
        if labelAttribute == "xlabel" { set(root, "forcelabels", "true") }
        for (index, edge) in graph.edges.enumerated() {
            guard let tail = nodes[edge.source], let head = nodes[edge.target] else { continue }
            guard let created = iamgraph_agedge(root, tail, head, nil) else {
                throw RenderError.graphConstructionFailed(what: "an edge", messages: session.messages())
            }
            if !edge.label.isEmpty {
                set(created, labelAttribute, GraphvizText.label(  // AccessGraph edge labels separate lines with "\n"
                    lines: edge.label.split(separator: "\n").map(String.init), limit: GraphvizText.labelLimit))
            }
            set(created, "id", "e\(index)")
            set(created, "class", SVGClasses.edge(edge, from: kinds[edge.source], to: kinds[edge.target]))
            set(created, "tooltip", Tooltip.edge(edge))
            if let length = stagger[index] { set(created, "minlen", String(length)) }
            for (attribute, value) in Appearance.edge(flags: edge.flags).attributes {
                set(created, attribute, value)
            }
        }

    }

    /// The nodes (with their index in `graph.nodes`) in the order they are created. `dot` orders each rank by the
    /// first node it meets and a left-to-right layout puts the first at the bottom, so the nodes of the last cluster
    /// come first and the clusters of a `dot` map stack top to bottom in the graph's cluster order (the overview's
    /// privilege tiers: account administration on top); nodes in no cluster come last, in graph order.
    private func creationOrder() -> [(offset: Int, element: Node)] {
        let nodes = Array(graph.nodes.enumerated())
        guard layout.isHierarchical, graph.clusters.count > 1 else { return nodes }
        var position: [String: Int] = [:]
        for (index, cluster) in graph.clusters.enumerated() {
            for id in cluster.nodeIDs where position[id] == nil { position[id] = index }
        }
        let last = graph.clusters.count
        func key(_ node: Node) -> Int { position[node.id].map { last - 1 - $0 } ?? last }
        return nodes.sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
    }

    /// Defaults written once at the top of the DOT (`node [...]`, `edge [...]`).
    private func declareDefaults(_ root: UnsafeMutablePointer<Agraph_t>) {
        let defaults: [(Int32, String, String)] = [
            (AGNODE, "fontname", Self.fontName), (AGNODE, "fontsize", "10"),
            (AGEDGE, "fontname", Self.fontName), (AGEDGE, "fontsize", "9"), (AGEDGE, "arrowsize", "0.7"),
        ]
        for (kind, name, value) in defaults {
            _ = name.withCString { name in value.withCString { iamgraph_agattr(root, kind, name, $0) } }
        }
    }

    private func setGraphAttributes(_ root: UnsafeMutablePointer<Agraph_t>) {
        set(root, "fontname", Self.fontName)
        set(root, "fontsize", "14")
        _ = "label".withCString { attribute in
            Heading(graph: graph).html.withCString { iamgraph_agsafeset_html(root, root, attribute, $0) }
        }
        set(root, "labelloc", "t")
        set(root, "labeljust", "l")
        set(root, "outputorder", "edgesfirst")
        if layout.isHierarchical {
            // Left to right, ranks placed over the whole graph (clusters included), packed tighter than the defaults;
            // `RankStagger` spreads long columns so the map stays near a screen's shape.
            for (attribute, value) in [("rankdir", "LR"), ("newrank", "true"), ("nodesep", "0.12"), ("ranksep", "0.35")] {
                set(root, attribute, value)
            }
        } else {
            set(root, "overlap", OverlapRemoval.attribute(nodes: graph.nodes.count))
        }
    }

    private func setClusterStyle(_ subgraph: UnsafeMutablePointer<Agraph_t>) {
        for (attribute, value) in [
            ("fontsize", "11"), ("labelloc", "t"), ("style", "rounded,filled"), ("fillcolor", Palette.clusterFill),
            ("color", Palette.clusterBorder),
        ] {
            set(subgraph, attribute, value)
        }
    }

    private func makeSubgraph(_ root: UnsafeMutablePointer<Agraph_t>, name: String,
                              session: GraphvizSession) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let subgraph = name.withCString({ iamgraph_agsubg(root, $0) }) else {
            throw RenderError.graphConstructionFailed(what: "subgraph \(name)", messages: session.messages())
        }
        return subgraph
    }

    /// Sets an attribute of a graph, node or edge (declaring it with an empty default if it is new).
    private func set<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String, _ value: String) {
        _ = name.withCString { name in value.withCString { iamgraph_agsafeset(object, name, $0) } }
    }
}

/// Node names made unique: a name already taken (two ids equal after cleaning and truncation) gets " #2", " #3"….
struct UniqueNames {
    private var taken: Set<String> = []

    mutating func claim(_ name: String) -> String {
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(name) #\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
