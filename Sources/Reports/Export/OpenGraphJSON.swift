import Foundation
import GraphValues
import Snapshot

/// A view as BloodHound CE OpenGraph JSON (`{"metadata": {"source_kind"}, "graph": {"nodes", "edges"}}`). Each node has its IBM Cloud kind (`IBM_User`, `IBM_AccessGroup`, …) and the
/// source kind `IBMCloud`; properties are strings, booleans and string arrays only, as OpenGraph requires. Edges match
/// their ends by id. The document is streamed by `JSONWriter`, a node or edge at a time, in the bytes
/// `CanonicalJSON.data(encoding:)` wrote when the whole document was built first (4.2 GiB for synthetic XL).
///
/// The edge kinds are those of `kind(of:)`: adding an analysis's edges to the export is one more case there. With
/// `--escalation` the escalation steps (docs/escalation.md) are `IBM_EscalatesTo` edges, their `primitive` (e.g.
/// `create-api-key`) and `role` as properties, so BloodHound's pathfinding follows them to account administration.
package enum OpenGraphJSON {
    /// `metadata.source_kind`, also every node's second kind.
    package static let sourceKind = "IBMCloud"

    /// The whole document, as `write(_:to:)` writes it.
    package static func data(_ graph: AccessGraph) throws -> Data {
        try JSONWriter.data(document(graph))
    }

    /// Writes the document of `graph` to `sink` about a megabyte at a time, each node and edge made as it is written
    /// (synthetic XL's document is 370 MB); throws what `sink` throws.
    package static func write(_ graph: AccessGraph, to sink: (Data) throws -> Void) throws {
        try JSONWriter.write(document(graph), to: sink)
    }

    private static func document(_ graph: AccessGraph) -> Object {
        let nodes = ConcurrentJSONElements(graph.nodes) { node in
            Object(["id": node.id, "kinds": [kind(of: node.kind), sourceKind],
                    "properties": properties(node.attributes, flags: node.flags,
                                             extra: ["name": .string(node.label), "iamgraph_kind": .string(node.kind.rawValue)])])
        }
        let edges = ConcurrentJSONElements(graph.edges) { edge in
            Object(["kind": kind(of: edge.kind), "start": end(edge.source), "end": end(edge.target),
                    "properties": properties(edge.attributes, flags: edge.flags,
                                             extra: ["label": .string(edge.label), "roles": .strings(roles(of: edge))])])
        }
        return Object(["metadata": Object(["source_kind": sourceKind]),
                       "graph": Object(["nodes": nodes, "edges": edges])])
    }

    /// An edge's end, matched by node id.
    private static func end(_ id: String) -> Object {
        Object(["value": id, "match_by": "id"])
    }

    /// The BloodHound node kind of an access-graph node.
    package static func kind(of kind: NodeKind) -> String {
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
    package static func kind(of kind: EdgeKind) -> String {
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
    static func roles(of edge: Edge) -> [String] {
        guard edge.kind == .grants else { return [] }
        return (edge.attributes["roles"] ?? edge.label).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A node's or edge's OpenGraph properties: its attributes under their export names, every flag as a boolean,
    /// then `extra` (which wins).
    static func properties(_ attributes: [String: String], flags: Flags,
                                   extra: [String: Property]) -> [String: Property] {
        var result = ExportAttributes.named(attributes).mapValues(Property.string)
        let set = flags.names
        for name in Flags.allNames { result[name] = .bool(set.contains(name)) }
        result.merge(extra) { _, new in new }
        return result
    }

    /// An OpenGraph property value: a primitive or an array of one primitive type.
    enum Property: JSONWritable {
        case string(String)
        case bool(Bool)
        case strings([String])

        func write(to json: inout JSONWriter) throws {
            switch self {
            case .string(let text): json.string(text)
            case .bool(let flag): json.bool(flag)
            case .strings(let list): try list.write(to: &json)
            }
        }
    }

    /// A JSON object of the members given, written in the order of their keys.
    struct Object: JSONObject {
        let members: [JSONMember]

        init(_ pairs: KeyValuePairs<String, any JSONWritable>) {
            members = pairs.map { JSONMember($0.key, $0.value) }
        }
    }
}
