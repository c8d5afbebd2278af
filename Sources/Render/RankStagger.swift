import Foundation
import GraphValues

/// Keeps a left-to-right `dot` map near the shape of a screen.
///
/// `dot` puts every node of a rank in one column, so a map whose targets (or identities) are many draws a strip
/// many times taller than wide (samples/enterprise: 1:7). Like Graphviz's own `unflatten` tool, this spreads the
/// leaves of the graph — targets no edge leaves, identities no edge enters — over `k` neighbouring ranks by giving
/// their edges a `minlen` of 1…k, so each column holds about 1/k of them. `k` grows with the square root of the
/// column's size, which keeps width and height within a small factor of each other.
struct RankStagger {
    /// The `minlen` of each edge (by index in `graph.edges`) that needs one above 1.
    let minimumLengths: [Int: Int]

    init(_ graph: AccessGraph) {
        let known = graph.nodeIDs
        var into: [String: Int] = [:], outOf: [String: Int] = [:]
        for edge in graph.edges where known.contains(edge.source) && known.contains(edge.target) {
            outOf[edge.source, default: 0] += 1
            into[edge.target, default: 0] += 1
        }
        let sinks = graph.nodes.filter { into[$0.id] != nil && outOf[$0.id] == nil }.map(\.id)
        let sources = graph.nodes.filter { outOf[$0.id] != nil && into[$0.id] == nil }.map(\.id)
        let sinkLevel = Self.levels(sinks), sourceLevel = Self.levels(sources)
        var lengths: [Int: Int] = [:]
        for (index, edge) in graph.edges.enumerated() {
            let length = 1 + (sinkLevel[edge.target] ?? 0) + (sourceLevel[edge.source] ?? 0)
            if length > 1 { lengths[index] = length }
        }
        minimumLengths = lengths
    }

    /// Column sizes below this are left alone.
    static let threshold = 12

    /// Each node's level (0…k-1), round-robin in the given (id) order.
    private static func levels(_ ids: [String]) -> [String: Int] {
        guard ids.count >= threshold else { return [:] }
        let columns = max(1, Int((Double(ids.count) * 0.2).squareRoot().rounded()))
        var levels: [String: Int] = [:]
        for (position, id) in ids.enumerated() { levels[id] = position % columns }
        return levels
    }
}
