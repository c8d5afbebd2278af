/// An output format of the renderer.
package enum RenderFormat: String, CaseIterable, Sendable {
    /// Graphviz's own DOT text, written by cgraph without layout (re-render it with any Graphviz tool).
    case dot
    /// Scalable vector graphics, with tooltips and console links; byte-identical across runs.
    case svg
    /// A bitmap through cairo; prefer SVG for large maps (cairo caps bitmaps at 32,767 pixels a side).
    case png
    /// A document through cairo; embeds a creation date, so it differs between runs.
    case pdf
    /// A self-contained, offline HTML page to explore the SVG map (`HTMLExplorer`).
    case html

    /// The fully qualified Graphviz device (`format:renderer:loader`), so that the same plugin is chosen on every
    /// machine whatever else is installed; `nil` for DOT, which cgraph writes itself, and HTML, which wraps the SVG.
    var graphvizDevice: String? {
        switch self {
        case .dot, .html: nil
        case .svg: "svg:svg:core"
        case .png: "png:cairo:cairo"
        case .pdf: "pdf:cairo:cairo"
        }
    }
}
