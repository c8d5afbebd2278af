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
        let nodes = JSONRunElements(runs: runs(graph.nodes.count), state: { OpenGraphProperties(extras: nodeExtras) }) {
            index, properties, json in try write(graph.nodes[index], properties: &properties, to: &json)
        }
        let edges = JSONRunElements(runs: runs(graph.edges.count), state: { OpenGraphProperties(extras: edgeExtras) }) {
            index, properties, json in try write(graph.edges[index], properties: &properties, to: &json)
        }
        return Object(["metadata": Object(["source_kind": sourceKind]),
                       "graph": Object(["nodes": nodes, "edges": edges])])
    }

    /// The runs of a node or edge list, each written on one of two threads (`OrderedRuns`).
    private static func runs(_ count: Int) -> [Range<Int>] {
        OrderedRuns.ranges(count: count, target: OrderedRuns.listRunLength) { _ in 1 }
    }

    /// The members every node's and every edge's properties have besides its attributes and flags.
    private static let nodeExtras = ["name", "iamgraph_kind"], edgeExtras = ["label", "roles"]
    private static let idKey = JSONKey("id"), kindsKey = JSONKey("kinds"), kindKey = JSONKey("kind")
    private static let propertiesKey = JSONKey("properties"), startKey = JSONKey("start"), endKey = JSONKey("end")
    private static let matchByKey = JSONKey("match_by"), valueKey = JSONKey("value")

    /// `{"id", "kinds", "properties"}`, its members written in key order.
    private static func write(_ node: Node, properties: inout OpenGraphProperties, to json: inout JSONWriter) throws {
        try json.object(inOrder: { json in
            try json.member(idKey, node.id)
            try json.member(kindsKey, [kind(of: node.kind), sourceKind])
            try json.object(key: propertiesKey) { json in
                try properties.write(node.attributes, flags: node.flags, extra: { position in
                    position == 0 ? .string(node.label) : .string(node.kind.rawValue)
                }, to: &json)
            }
        })
    }

    /// `{"end", "kind", "properties", "start"}`, its members written in key order.
    private static func write(_ edge: Edge, properties: inout OpenGraphProperties, to json: inout JSONWriter) throws {
        try json.object(inOrder: { json in
            try json.object(key: endKey) { try end(edge.target, to: &$0) }
            try json.member(kindKey, kind(of: edge.kind))
            try json.object(key: propertiesKey) { json in
                try properties.write(edge.attributes, flags: edge.flags, extra: { position in
                    position == 0 ? .string(edge.label) : .strings(roles(of: edge))
                }, to: &json)
            }
            try json.object(key: startKey) { try end(edge.source, to: &$0) }
        })
    }

    /// An edge's end, matched by node id: the members of `{"match_by": "id", "value": id}`.
    private static func end(_ id: String, to json: inout JSONWriter) throws {
        try json.member(matchByKey, "id")
        try json.member(valueKey, id)
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
