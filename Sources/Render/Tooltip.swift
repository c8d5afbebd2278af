import GraphValues

/// Tooltip text of nodes and edges: the facts a reviewer hovers for, escaped by `GraphvizText`.
enum Tooltip {
    /// The node id, then its attributes as `key: value` lines sorted by key (the console link excepted: it is the
    /// node's link, not text), then its flags.
    static func node(_ node: Node) -> String {
        GraphvizText.tooltip(lines: [node.id] + attributeLines(node.attributes) + flagLines(node.flags))
    }

    /// The edge kind and label, then its attributes as `key: value` lines sorted by key, then its flags.
    static func edge(_ edge: Edge) -> String {
        let head = edge.label.isEmpty ? edge.kind.rawValue : "\(edge.kind.rawValue): \(edge.label)"
        return GraphvizText.tooltip(lines: [head] + attributeLines(edge.attributes) + flagLines(edge.flags))
    }

    private static func attributeLines(_ attributes: [String: String]) -> [String] {
        attributes.filter { $0.key != "url" }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    }

    private static func flagLines(_ flags: Flags) -> [String] {
        flags.isEmpty ? [] : ["flags: " + flags.names.joined(separator: ", ")]
    }
}
