/// The formats `iamgraph render` writes.
public enum MapFormat: String, Sendable, CaseIterable {
    /// Graphviz's DOT source, laid out by nothing.
    case dot
    /// The document of docs/graph-json.md.
    case json
    /// Laid out and drawn by Graphviz.
    case svg, png, pdf
    /// A self-contained page to explore the SVG map offline: pan, zoom, search, details, filters.
    case html

    /// Whether the output is binary (never written to a terminal).
    public var isBinary: Bool { self == .png || self == .pdf }
}
