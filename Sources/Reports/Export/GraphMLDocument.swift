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
        let nodeKeys = exportNames(graph.nodes.lazy.map(\.attributes))
        let edgeKeys = exportNames(graph.edges.lazy.map(\.attributes))
        // Edges have no `id` data: networkx reads an edge's XML id into its data as `id`.
        for (scope, names) in [("node", ["id", "kind", "label"] + nodeKeys), ("edge", ["kind", "label"] + edgeKeys)] {
            for name in names { try key(scope, name, type: "string", into: &xml) }
            for flag in Flags.allNames { try key(scope, flag, type: "boolean", into: &xml) }
        }
        try key("graph", "title", type: "string", into: &xml)
        try xml.open("graph", [("edgedefault", "directed"), ("id", "G")], depth: 1)
        try data("graph", "title", graph.title, depth: 2, into: &xml)

        // Positions, not names, for the nodes whose ids XML cannot carry; edges at a node the view lacks are left out.
        let xmlIDs = Dictionary(graph.nodes.indices.map { (graph.nodes[$0].id, xmlID(graph.nodes[$0], position: $0)) },
                                uniquingKeysWith: { _, later in later })
        let nodeRuns = OrderedRuns.ranges(count: graph.nodes.count, target: OrderedRuns.listRunLength) { _ in 1 }
        try xml.append(runs: nodeRuns.count) { run in
            var lines = ElementLines(scope: "node")
            for position in nodeRuns[run] {
                lines.node(graph.nodes[position], xmlID: xmlID(graph.nodes[position], position: position))
            }
            return lines.bytes
        }
        let edgeRuns = OrderedRuns.ranges(count: graph.edges.count, target: OrderedRuns.listRunLength) { _ in 1 }
        try xml.append(runs: edgeRuns.count) { run in
            var lines = ElementLines(scope: "edge")
            for position in edgeRuns[run] {
                let edge = graph.edges[position]
                guard let source = xmlIDs[edge.source], let target = xmlIDs[edge.target] else { continue }
                lines.edge(edge, position: position, source: source, target: target)
            }
            return lines.bytes
        }
        try xml.close("graph", depth: 1)
        try xml.close("graphml", depth: 0)
    }

    /// The export names of every attribute key of `attributes`, sorted.
    private static func exportNames(_ attributes: some Sequence<[String: String]>) -> [String] {
        var keys = Set<String>()
        for element in attributes {
            for key in element.keys { keys.insert(key) }
        }
        return Set(keys.map(ExportAttributes.name)).sorted()
    }

    /// A node's XML id: its id, or `n<position>` when XML cannot carry its id.
    private static func xmlID(_ node: Node, position: Int) -> String {
        XMLText.clean(node.id) == node.id ? node.id : "n\(position)"
    }

    /// The lines of consecutive nodes or edges, each `<data>` line's start and each set of flags' lines made once.
    private struct ElementLines {
        let scope: String
        private(set) var bytes: [UInt8] = []
        private var dataStarts: [String: [UInt8]] = [:]
        private var flagLines: [Flags: [UInt8]] = [:]
        /// Each attribute key seen, with its export name (`ExportAttributes`).
        private var exportNames: [String: String] = [:]

        init(scope: String) { self.scope = scope }

        mutating func node(_ node: Node, xmlID: String) {
            XMLBytes.open("node", [("id", xmlID)], depth: 2, into: &bytes)
            data("kind", node.kind.rawValue)
            data("label", node.label)
            data("id", node.id)
            attributes(node.attributes)
            flags(node.flags)
            XMLBytes.close("node", depth: 2, into: &bytes)
        }

        mutating func edge(_ edge: Edge, position: Int, source: String, target: String) {
            XMLBytes.open("edge", [("id", "e\(position)"), ("source", source), ("target", target)], depth: 2, into: &bytes)
            data("kind", edge.kind.rawValue)
            data("label", edge.label)
            attributes(edge.attributes)
            flags(edge.flags)
            XMLBytes.close("edge", depth: 2, into: &bytes)
        }

        /// A `<data>` line for each attribute, by export name; of two attributes with one export name (`warning`
        /// renamed `warning_text`, and `warning_text`), the one named so.
        private mutating func attributes(_ attributes: [String: String]) {
            var named: [(name: String, value: String, renamed: Bool)] = []
            named.reserveCapacity(attributes.count)
            for (key, value) in attributes {
                let name = exportName(key)
                named.append((name, value, name != key))
            }
            named.sort { a, b in a.name == b.name ? a.renamed && !b.renamed : a.name < b.name }
            for (position, member) in named.enumerated()
            where position + 1 == named.count || named[position + 1].name != member.name {
                data(member.name, member.value)
            }
        }

        /// The export name of the attribute `key`, found once.
        private mutating func exportName(_ key: String) -> String {
            if let name = exportNames[key] { return name }
            let name = ExportAttributes.name(key)
            exportNames[key] = name
            return name
        }

        /// `<data key="node.label">text</data>`
        private mutating func data(_ name: String, _ value: String) {
            if let start = dataStarts[name] {
                bytes.append(contentsOf: start)
            } else {
                let start = XMLBytes.lineStart("data", [("key", keyID(scope, name))], depth: 3)
                dataStarts[name] = start
                bytes.append(contentsOf: start)
            }
            XMLBytes.elementEnd("data", text: value, into: &bytes)
        }

        /// Every flag's `<data>` line, `true` or `false`.
        private mutating func flags(_ flags: Flags) {
            if let lines = flagLines[flags] {
                bytes.append(contentsOf: lines)
                return
            }
            var lines = ElementLines(scope: scope)
            let set = Set(flags.names)
            for flag in Flags.allNames { lines.data(flag, set.contains(flag) ? "true" : "false") }
            flagLines[flags] = lines.bytes
            bytes.append(contentsOf: lines.bytes)
        }
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
}
