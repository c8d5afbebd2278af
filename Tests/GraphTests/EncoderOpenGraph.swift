import Foundation
import GraphValues
@testable import Reports
import Snapshot

/// The OpenGraph writer `OpenGraphJSON` replaced, kept as the reference its bytes are compared with: the whole
/// document built as `Encodable` values, then encoded at once by `CanonicalJSON.data(encoding:)`. What goes into the
/// document (kinds, roles) is `OpenGraphJSON`'s own; the properties are gathered in a dictionary as the old writer
/// gathered them (`OpenGraphProperties` now writes them in order without one).
enum EncoderOpenGraph {
    static func data(_ graph: AccessGraph) throws -> Data {
        let nodes = graph.nodes.map { node in
            NodeEntry(id: node.id, kinds: [OpenGraphJSON.kind(of: node.kind), OpenGraphJSON.sourceKind],
                      properties: properties(node.attributes, flags: node.flags,
                                             extra: ["name": .string(node.label), "iamgraph_kind": .string(node.kind.rawValue)]))
        }
        let edges = graph.edges.map { edge in
            EdgeEntry(kind: OpenGraphJSON.kind(of: edge.kind), start: End(value: edge.source), end: End(value: edge.target),
                      properties: properties(edge.attributes, flags: edge.flags,
                                             extra: ["label": .string(edge.label), "roles": .strings(OpenGraphJSON.roles(of: edge))]))
        }
        return try CanonicalJSON.data(encoding: Document(metadata: Metadata(sourceKind: OpenGraphJSON.sourceKind),
                                                         graph: Body(nodes: nodes, edges: edges)))
    }

    /// A node's or edge's properties, for `JSONEncoder`: its attributes under their export names, every flag as a
    /// boolean, then `extra` (which wins).
    private static func properties(_ attributes: [String: String], flags: Flags,
                                   extra: [String: Property]) -> [String: Property] {
        var result = ExportAttributes.named(attributes).mapValues(Property.string)
        let set = flags.names
        for name in Flags.allNames { result[name] = .bool(set.contains(name)) }
        result.merge(extra) { _, new in new }
        return result
    }

    enum Property: Encodable {
        case string(String)
        case bool(Bool)
        case strings([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .bool(let flag): try container.encode(flag)
            case .strings(let list): try container.encode(list)
            }
        }
    }

    struct Document: Encodable {
        let metadata: Metadata
        let graph: Body
    }

    struct Metadata: Encodable {
        let sourceKind: String
        enum CodingKeys: String, CodingKey { case sourceKind = "source_kind" }
    }

    struct Body: Encodable {
        let nodes: [NodeEntry]
        let edges: [EdgeEntry]
    }

    struct NodeEntry: Encodable {
        let id: String
        let kinds: [String]
        let properties: [String: Property]
    }

    struct EdgeEntry: Encodable {
        let kind: String
        let start: End
        let end: End
        let properties: [String: Property]
    }

    struct End: Encodable {
        let value: String
        let matchBy = "id"
        enum CodingKeys: String, CodingKey { case value, matchBy = "match_by" }
    }
}
