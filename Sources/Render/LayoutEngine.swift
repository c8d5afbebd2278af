/// A Graphviz layout engine.
///
/// `dot` draws ranked, left-to-right maps and suits graphs up to a few thousand nodes that are mostly acyclic; its
/// cost grows quickly with size and cycles. `sfdp` lays out large graphs in about a second. The others are Graphviz's
/// remaining general-purpose engines.
package enum LayoutEngine: String, CaseIterable, Sendable {
    /// Hierarchical, ranked left to right.
    case dot
    /// Multiscale force-directed: fast on large graphs.
    case sfdp
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed, with clusters. Its layouts vary between renders in one process (Graphviz 2.42).
    case fdp
    /// Circular. Very slow on large graphs (about 4 minutes for 400 nodes and 800 edges).
    case circo
    /// Radial.
    case twopi

    /// Above this many nodes the engine takes minutes (measured on a 2-core machine); `nil` when it stays fast
    /// within the default node budget. `render` warns before such a layout (`SlowLayoutWarning`).
    package var slowAbove: Int? {
        switch self {
        case .circo: 100
        case .dot: 1_000
        case .sfdp: 10_000
        case .neato, .fdp, .twopi: nil
        }
    }

    /// Whether the engine ranks nodes (and so honours `rankdir`).
    var isHierarchical: Bool { self == .dot }
}
