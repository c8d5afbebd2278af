import Foundation
import GraphValues

/// A view as GraphML (http://graphml.graphdrawing.org). Every node and edge of the view is there, with typed `<key>`
/// declarations: `kind`, `label` and each attribute the view's nodes or edges carry (`iam_id`, `crn`, `email`,
/// `roles`, `conditions`, …) as strings (named by `ExportAttributes`), and each flag (`privileged`, `conditional`, …)
/// as a boolean. Text XML 1.0 cannot carry is replaced (`XMLText`); a node whose id has such characters gets the id
/// `n<position>`, its real id kept in its `id` data.
///
/// The document is written a block at a time (`XMLBytes`), in the layout and escaping of Foundation's pretty-printed
/// `XMLDocument` (which this writer replaced: building the whole tree first took 1.7 GiB for synthetic L's 70 MB
/// document; the tests compare both byte for byte).
package enum GraphMLDocument {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    /// The whole document, as `write(_:to:)` writes it.
    package static func data(_ graph: AccessGraph) throws -> Data {
        var data = Data()
        try write(graph) { data.append($0) }
        return data
    }

    /// Writes the document of `graph` to `sink` about a megabyte at a time; throws what `sink` throws.
    package static func write(_ graph: AccessGraph, to sink: (Data) throws -> Void) throws {
        try XMLBytes.write(to: sink) { xml in try document(graph, into: &xml) }
    }

    private static func document(_ graph: AccessGraph, into xml: inout XMLBytes) throws {
        try xml.declaration()
        try xml.open("graphml", [("xmlns", namespace)], depth: 0)
        let nodeKeys = Set(graph.nodes.flatMap { ExportAttributes.named($0.attributes).keys }).sorted()
        let edgeKeys = Set(graph.edges.flatMap { ExportAttributes.named($0.attributes).keys }).sorted()
        // Edges have no `id` data: networkx reads an edge's XML id into its data as `id`.
        for (scope, names) in [("node", ["id", "kind", "label"] + nodeKeys), ("edge", ["kind", "label"] + edgeKeys)] {
            for name in names { try key(scope, name, type: "string", into: &xml) }
            for flag in Flags.allNames { try key(scope, flag, type: "boolean", into: &xml) }
        }
        try key("graph", "title", type: "string", into: &xml)
        try xml.open("graph", [("edgedefault", "directed"), ("id", "G")], depth: 1)
        try data("graph", "title", graph.title, depth: 2, into: &xml)

        var xmlIDs: [String: String] = [:]
        for (position, node) in graph.nodes.enumerated() {
            let xmlID = XMLText.clean(node.id) == node.id ? node.id : "n\(position)"
            xmlIDs[node.id] = xmlID
            try xml.open("node", [("id", xmlID)], depth: 2)
            try data("node", "kind", node.kind.rawValue, depth: 3, into: &xml)
            try data("node", "label", node.label, depth: 3, into: &xml)
            try data("node", "id", node.id, depth: 3, into: &xml)
            let attributes = ExportAttributes.named(node.attributes)
            for name in attributes.keys.sorted() { try data("node", name, attributes[name] ?? "", depth: 3, into: &xml) }
            try flags(node.flags, "node", into: &xml)
            try xml.close("node", depth: 2)
        }
        for (position, edge) in graph.edges.enumerated() {
            guard let source = xmlIDs[edge.source], let target = xmlIDs[edge.target] else { continue }
            try xml.open("edge", [("id", "e\(position)"), ("source", source), ("target", target)], depth: 2)
            try data("edge", "kind", edge.kind.rawValue, depth: 3, into: &xml)
            try data("edge", "label", edge.label, depth: 3, into: &xml)
            let attributes = ExportAttributes.named(edge.attributes)
            for name in attributes.keys.sorted() { try data("edge", name, attributes[name] ?? "", depth: 3, into: &xml) }
            try flags(edge.flags, "edge", into: &xml)
            try xml.close("edge", depth: 2)
        }
        try xml.close("graph", depth: 1)
        try xml.close("graphml", depth: 0)
    }

    /// `<key attr.name="kind" attr.type="string" for="node" id="node.kind"></key>`
    private static func key(_ scope: String, _ name: String, type: String, into xml: inout XMLBytes) throws {
        try xml.element("key", [("attr.name", name), ("attr.type", type), ("for", scope), ("id", keyID(scope, name))],
                    text: "", depth: 1)
    }

    private static func keyID(_ scope: String, _ name: String) -> String { "\(scope).\(name)" }

    /// `<data key="node.label">text</data>`
    private static func data(_ scope: String, _ name: String, _ value: String, depth: Int, into xml: inout XMLBytes) throws {
        try xml.element("data", [("key", keyID(scope, name))], text: value, depth: depth)
    }

    private static func flags(_ flags: Flags, _ scope: String, into xml: inout XMLBytes) throws {
        let set = Set(flags.names)
        for flag in Flags.allNames { try data(scope, flag, set.contains(flag) ? "true" : "false", depth: 3, into: &xml) }
    }
}
