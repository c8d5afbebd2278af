import CGraphviz

/// The screen-shape target of a `dot` map: within 3:1 either way. `RankStagger` keeps most maps there; a map still
/// beyond it after layout is laid out again with Graphviz's `ratio` (height / width), which scales the positions
/// along the short side — spreading nodes apart, never resizing them — to 2:1, the shape of a screen turned on its
/// side, rather than just inside the limit (large overviews ended at 1:2.9, a strip still).
enum ScreenShape {
    /// Widest aspect accepted either way.
    static let limit = 3.0
    /// The ratio a correction asks for: well inside the limit.
    static let target = 2.0

    /// The `ratio` value that brings the laid-out `graph` within the limit, or `nil` when it already is.
    static func correction(of graph: UnsafeMutablePointer<Agraph_t>) -> String? {
        var width = 0.0, height = 0.0
        iamgraph_layout_size(graph, &width, &height)
        guard width > 0, height > 0 else { return nil }
        if height / width > limit { return String(target) }
        if width / height > limit { return String(1 / target) }
        return nil
    }
}
