/// A node as the JSON documents write it (graph JSON, the HTML explorer's data): its kind as the raw value and its
/// flags by name.
public struct NodeRecord: Encodable, Sendable {
    public let id: String
    public let kind: String
    public let label: String
    public let attributes: [String: String]
    public let flags: [String]

    public init(_ node: Node) {
        id = node.id
        kind = node.kind.rawValue
        label = node.label
        attributes = node.attributes
        flags = node.flags.names
    }
}

/// An edge as the JSON documents write it (graph JSON, the HTML explorer's data).
public struct EdgeRecord: Encodable, Sendable {
    public let source: String
    public let target: String
    public let kind: String
    public let label: String
    public let attributes: [String: String]
    public let flags: [String]

    public init(_ edge: Edge) {
        source = edge.source
        target = edge.target
        kind = edge.kind.rawValue
        label = edge.label
        attributes = edge.attributes
        flags = edge.flags.names
    }
}
