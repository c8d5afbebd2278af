import GraphValues
/// A view being selected and aggregated: nodes, edges and clusters in a fixed order, but not yet the sorted order of an
/// `AccessGraph`. Sorting tens of thousands of edges costs more than any step of aggregation, so the steps work on
/// drafts and only the finished view is sorted, once.
struct GraphDraft {
    var nodes: [Node]
    var edges: [Edge]
    var clusters: [Cluster]
    /// Lines for the finished view's notes.
    var notes: [String] = []

    init(nodes: [Node], edges: [Edge], clusters: [Cluster], notes: [String] = []) {
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.notes = notes
    }

    /// A draft of a finished view, to aggregate it further.
    init(_ graph: AccessGraph) {
        self.init(nodes: graph.nodes, edges: graph.edges, clusters: graph.clusters, notes: graph.notes)
    }

    /// The finished view, sorted.
    func graph(title: String) -> AccessGraph {
        AccessGraph(title: title, notes: notes, nodes: nodes, edges: edges, clusters: clusters)
    }
}
