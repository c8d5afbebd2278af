/// What `render` says on stderr before a layout that can take minutes, so that a large map is never a silent wait:
/// the size of the map, the engine, and what is faster.
package struct SlowLayoutWarning: Sendable, Equatable {
    /// The engine that will lay the map out.
    package let engine: LayoutEngine
    /// Nodes and edges of the map.
    package let nodes: Int, edges: Int
    /// Whether the node budget was lifted (`--full`): then a smaller budget is no remedy, the overview or a focused
    /// view is.
    package let budgetLifted: Bool

    /// The warning for a map of `nodes` nodes and `edges` edges laid out by `engine`, or `nil` when the engine stays
    /// fast at that size (`LayoutEngine.slowAbove`).
    package init?(engine: LayoutEngine, nodes: Int, edges: Int, budgetLifted: Bool) {
        guard let limit = engine.slowAbove, nodes > limit else { return nil }
        self.engine = engine
        self.nodes = nodes
        self.edges = edges
        self.budgetLifted = budgetLifted
    }

    /// One line for stderr (without the program's prefix).
    package var message: String {
        let size = "laying out \(nodes) nodes and \(edges) edges with \(engine.rawValue) can take minutes"
        var remedies: [String] = []
        if engine != .sfdp { remedies.append("--layout sfdp") }
        if budgetLifted {
            remedies.append("the overview (without --full)")
            remedies.append("a focused view (--identity, --access-group, --service, --resource-group)")
        } else {
            remedies.append("a smaller --max-nodes")
        }
        let faster = remedies.count > 1
            ? remedies.dropLast().joined(separator: ", ") + " or " + remedies[remedies.count - 1] : remedies[0]
        return "\(size); \(faster) is faster"
    }
}
