/// A node as the JSON documents write it (graph JSON, the HTML explorer's data): its kind as the raw value and its
/// flags by name.
package struct NodeRecord: Encodable, Sendable {
    package let id: String
    package let kind: String
    package let label: String
    package let attributes: [String: String]
    package let flags: [String]

    package init(_ node: Node) {
        id = node.id
        kind = node.kind.rawValue
        label = node.label
        attributes = node.attributes
        flags = node.flags.names
    }
}

/// An edge as the JSON documents write it (graph JSON, the HTML explorer's data).
package struct EdgeRecord: Encodable, Sendable {
    package let source: String
    package let target: String
    package let kind: String
    package let label: String
    package let attributes: [String: String]
    package let flags: [String]

    package init(_ edge: Edge) {
        source = edge.source
        target = edge.target
        kind = edge.kind.rawValue
        label = edge.label
        attributes = edge.attributes
        flags = edge.flags.names
    }
}
