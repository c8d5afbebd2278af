/// How a force-directed layout (`sfdp`, `neato`, `fdp`, `circo`, `twopi`) keeps nodes from overlapping, by the size
/// of the graph.
///
/// Graphviz's `overlap=false` is its prism algorithm: it scales the layout up (`overlap_scaling`, by default 4 × the
/// mean label size), then repeats rounds of a Delaunay triangulation (GTS) and pushes overlapping neighbours apart
/// until none overlap. Each round costs more than linear time in the node count (GTS's lists are searched
/// linearly), and large maps need dozens of rounds: on a 4,700-node slice of synthetic L it is two thirds of the
/// layout, and the 25,600 nodes of synthetic L's `--full` map did not finish in 15 minutes. Above `fullRemovalLimit`
/// nodes the layout keeps the scaling only (`prism0`): the force-directed shape is kept and spread so that labels
/// rarely touch, and the rounds are skipped — the cost stays that of the layout itself.
enum OverlapRemoval {
    /// Up to this many nodes, overlaps are removed completely (`overlap=false`, seconds at this size).
    static let fullRemovalLimit = 5_000

    /// The `overlap` attribute for a graph of `nodes` nodes.
    static func attribute(nodes: Int) -> String {
        nodes > fullRemovalLimit ? "prism0" : "false"
    }
}
