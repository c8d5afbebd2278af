import Foundation
import GraphValues
import Snapshot

/// A view as BloodHound CE OpenGraph JSON (`{"metadata": {"source_kind"}, "graph": {"nodes", "edges"}}`), written by
/// the project's canonical JSON writer. Each node has its IBM Cloud kind (`IBM_User`, `IBM_AccessGroup`, …) and the
/// source kind `IBMCloud`; properties are strings, booleans and string arrays only, as OpenGraph requires. Edges match
/// their ends by id.
///
/// The edge kinds are those of `kind(of:)`: adding an analysis's edges to the export is one more case there. With
/// `--escalation` the escalation steps (docs/escalation.md) are `IBM_EscalatesTo` edges, their `primitive` (e.g.
/// `create-api-key`) and `role` as properties, so BloodHound's pathfinding follows them to account administration.
public enum OpenGraphJSON {
    /// `metadata.source_kind`, also every node's second kind.
    public static let sourceKind = "IBMCloud"

    public static func data(_ graph: AccessGraph) throws -> Data {
        let nodes = graph.nodes.map { node in
            NodeEntry(id: node.id, kinds: [kind(of: node.kind), sourceKind],
                      properties: properties(node.attributes, flags: node.flags,
                                             extra: ["name": .string(node.label), "iamgraph_kind": .string(node.kind.rawValue)]))
        }
        let edges = graph.edges.map { edge in
            EdgeEntry(kind: kind(of: edge.kind), start: .init(value: edge.source), end: .init(value: edge.target),
                      properties: properties(edge.attributes, flags: edge.flags,
                                             extra: ["label": .string(edge.label), "roles": .strings(roles(of: edge))]))
        }
        return try CanonicalJSON.data(encoding: Document(metadata: .init(sourceKind: sourceKind),
                                                         graph: .init(nodes: nodes, edges: edges)))
    }

    /// The BloodHound node kind of an access-graph node.
    public static func kind(of kind: NodeKind) -> String {
        switch kind {
        case .account: "IBM_Account"
        case .user: "IBM_User"
        case .serviceID: "IBM_ServiceID"
        case .trustedProfile: "IBM_TrustedProfile"
        case .accessGroup: "IBM_AccessGroup"
        case .policy: "IBM_Policy"
        case .role: "IBM_Role"
        case .target: "IBM_PolicyTarget"
        case .resourceGroup: "IBM_ResourceGroup"
        case .serviceInstance: "IBM_ServiceInstance"
        case .service: "IBM_Service"
        case .computeResource: "IBM_ComputeResource"
        case .claimRule: "IBM_ClaimRule"
        }
    }

    /// The BloodHound edge kind of an access-graph edge: each one traversable, so pathfinding follows membership,
    /// grants and trust to what they reach.
    public static func kind(of kind: EdgeKind) -> String {
        switch kind {
        case .memberOf: "IBM_MemberOf"
        case .assigned: "IBM_HasPolicy"
        case .grants: "IBM_Grants"
        case .appliesTo: "IBM_AppliesTo"
        case .covers: "IBM_Covers"
        case .contains: "IBM_Contains"
        case .canAssume: "IBM_CanAssume"
        case .escalatesTo: "IBM_EscalatesTo"
        }
    }

    /// The role names of a grant edge (policies collapsed: its `roles`; policy → role: its label); none for others.
    private static func roles(of edge: Edge) -> [String] {
        guard edge.kind == .grants else { return [] }
        return (edge.attributes["roles"] ?? edge.label).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func properties(_ attributes: [String: String], flags: Flags,
                                   extra: [String: Property]) -> [String: Property] {
        var result = ExportAttributes.named(attributes).mapValues(Property.string)
        for name in Flags.allNames { result[name] = .bool(flags.names.contains(name)) }
        result.merge(extra) { _, new in new }
        return result
    }

    /// An OpenGraph property value: a primitive or an array of one primitive type.
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
        let graph: Graph
    }

    struct Metadata: Encodable {
        let sourceKind: String
        enum CodingKeys: String, CodingKey { case sourceKind = "source_kind" }
    }

    struct Graph: Encodable {
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
