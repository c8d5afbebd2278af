/// The formats `iamgraph render` writes.
package enum MapFormat: String, Sendable, CaseIterable {
    /// Graphviz's DOT source, laid out by nothing.
    case dot
    /// The document of docs/graph-json.md.
    case json
    /// Laid out and drawn by Graphviz.
    case svg, png, pdf
    /// A self-contained page to explore the SVG map offline: pan, zoom, search, details, filters.
    case html

    /// Whether Graphviz lays the map out for this format (DOT and JSON are written without a layout).
    package var isLaidOut: Bool {
        switch self {
        case .dot, .json: false
        case .svg, .png, .pdf, .html: true
        }
    }

    /// Whether the output is binary (never written to a terminal).
    package var isBinary: Bool { self == .png || self == .pdf }

    /// The format a file name's extension names (`gv` is DOT), whatever its case.
    package init?(fileExtension: String) {
        let ext = fileExtension.lowercased()
        self.init(rawValue: ext == "gv" ? "dot" : ext)
    }
}
