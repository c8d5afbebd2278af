import GraphValues

/// The SVG classes Graphviz writes on each node's and edge's `<g>` (after its own `node` / `edge`), which the HTML
/// explorer's style sheet filters and highlights by: so a page of thousands of nodes needs no script pass over its
/// drawing to mark them. Only names of iamgraph's own enums — node kinds and flags — never data.
enum SVGClasses {
    /// `kind-<kind>` and the node's flags, e.g. `kind-user privileged`.
    static func node(_ node: Node) -> String {
        (["kind-" + node.kind.rawValue] + node.flags.names).joined(separator: " ")
    }

    /// `from-<kind>` and `to-<kind>` of its ends (when they are nodes) and the edge's flags.
    static func edge(_ edge: Edge, from source: NodeKind?, to target: NodeKind?) -> String {
        ([source.map { "from-" + $0.rawValue }, target.map { "to-" + $0.rawValue }].compactMap { $0 } + edge.flags.names)
            .joined(separator: " ")
    }
}
