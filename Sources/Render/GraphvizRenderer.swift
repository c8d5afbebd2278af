import CGraphviz
import Foundation
import GraphValues

/// Renders an access graph in-process through libgraphviz (cgraph and gvc); it never runs the `dot` program.
///
/// Every call is serialised with every other Graphviz call in the process (see `GraphvizSession`), so it is safe to
/// call from any thread or task, but renders do not run in parallel. A layout cannot be cancelled and `dot`'s cost
/// grows fast with size and cycles: bound the graph (aggregate it) before rendering, and prefer `sfdp` for large ones.
package enum GraphvizRenderer {
    /// Renders `graph` as `format`, laid out by `layout`.
    ///
    /// DOT is cgraph's own writer on the unlaid-out graph (attributes, styles, clusters and legend, no coordinates),
    /// so `layout` only decides the layout attributes it carries (`rankdir` for `dot`, `overlap` for the others).
    /// SVG, PNG and DOT are byte-identical across runs for the same graph (PDF embeds its creation date), with every
    /// engine but `fdp`, whose layouts in Graphviz 2.42 vary after the first in a process.
    /// `circo` is very slow on large graphs (minutes for 400 nodes).
    ///
    /// - Throws: `RenderError` when Graphviz fails, e.g. a layout or output plugin is missing.
    package static func render(_ graph: AccessGraph, format: RenderFormat, layout: LayoutEngine = .dot) throws -> Data {
        if format == .html {
            return try HTMLExplorer.page(graph, svg: try render(graph, format: .svg, layout: layout))
        }
        return try GraphvizSession.shared.perform { session in
            let root = try CGraphBuilder(graph: graph, layout: layout).build(in: session)
            defer { agclose(root) }
            guard let device = format.graphvizDevice else {
                return try writeDOT(root, session: session)
            }
            let gvc = try session.context()
            // Free whatever a layout left, even a failed one (gvFreeLayout is safe on a graph never laid out).
            defer { gvFreeLayout(gvc, root) }
            iamgraph_reseed_layout_randomness()
            guard iamgraph_gvLayout(gvc, root, layout.rawValue) == 0 else {
                throw RenderError.layoutFailed(engine: layout, messages: session.messages())
            }
            if layout.isHierarchical, let ratio = ScreenShape.correction(of: root) {
                // Beyond 3:1 either way: lay out again with Graphviz's `ratio`, which spreads the short side.
                gvFreeLayout(gvc, root)
                _ = "ratio".withCString { name in ratio.withCString { iamgraph_agsafeset(root, name, $0) } }
                iamgraph_reseed_layout_randomness()
                guard iamgraph_gvLayout(gvc, root, layout.rawValue) == 0 else {
                    throw RenderError.layoutFailed(engine: layout, messages: session.messages())
                }
            }
            var bytes: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard iamgraph_gvRenderData(gvc, root, device, &bytes, &length) == 0, let bytes else {
                throw RenderError.renderFailed(format: format, messages: session.messages())
            }
            defer { gvFreeRenderData(bytes) }
            return Data(bytes: bytes, count: Int(length))
        }
    }

    /// Reads `dot` back through Graphviz's own parser (`agmemread`): the numbers of nodes and edges of the graph it
    /// describes, or `nil` if Graphviz cannot parse it. Rendered maps have the access graph's nodes and edges (the
    /// legend is part of the graph's label).
    package static func parsesBack(dot: Data) -> (nodes: Int, edges: Int)? {
        var text = [CChar](repeating: 0, count: dot.count + 1)
        text.withUnsafeMutableBytes { buffer in
            _ = dot.copyBytes(to: buffer)
        }
        return GraphvizSession.shared.perform { _ in
            guard let graph = iamgraph_agmemread(text) else { return nil }
            defer { agclose(graph) }
            return (Int(iamgraph_agnnodes(graph)), Int(iamgraph_agnedges(graph)))
        }
    }

    /// The graph as DOT, written by cgraph (`agwrite`). gvc's `canon` device would need a layout first with this
    /// Graphviz (2.42 refuses it with "Layout was not done"), so the writer is called directly.
    private static func writeDOT(_ root: UnsafeMutablePointer<Agraph_t>, session: GraphvizSession) throws -> Data {
        var length = 0
        guard let bytes = iamgraph_agwrite_to_memory(root, &length) else {
            throw RenderError.dotWriteFailed(messages: session.messages())
        }
        defer { iamgraph_free(bytes) }
        return Data(bytes: bytes, count: length)
    }
}
