import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphValues
@testable import Reports

/// The GraphML writer `GraphMLDocument` replaced, kept as the reference its bytes are compared with: the document
/// built as a tree by Foundation's `XMLDocument` (libxml2), then pretty-printed.
enum FoundationGraphML {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    static func data(_ graph: AccessGraph) -> Data {
        let root = element("graphml", ["xmlns": namespace])
        let nodeKeys = Set(graph.nodes.flatMap { ExportAttributes.named($0.attributes).keys }).sorted()
        let edgeKeys = Set(graph.edges.flatMap { ExportAttributes.named($0.attributes).keys }).sorted()
        // Edges have no `id` data: networkx reads an edge's XML id into its data as `id`.
        for (scope, names) in [("node", ["id", "kind", "label"] + nodeKeys), ("edge", ["kind", "label"] + edgeKeys)] {
            for name in names {
                root.addChild(key(scope, name, type: "string"))
            }
            for flag in Flags.allNames { root.addChild(key(scope, flag, type: "boolean")) }
        }
        root.addChild(key("graph", "title", type: "string"))
        let body = element("graph", ["id": "G", "edgedefault": "directed"])
        body.addChild(dataElement("graph", "title", graph.title))

        var xmlIDs: [String: String] = [:]
        for (position, node) in graph.nodes.enumerated() {
            let xmlID = XMLText.clean(node.id) == node.id ? node.id : "n\(position)"
            xmlIDs[node.id] = xmlID
            let entry = element("node", ["id": xmlID])
            entry.addChild(dataElement("node", "kind", node.kind.rawValue))
            entry.addChild(dataElement("node", "label", node.label))
            entry.addChild(dataElement("node", "id", node.id))
            let attributes = ExportAttributes.named(node.attributes)
            for name in attributes.keys.sorted() {
                entry.addChild(dataElement("node", name, attributes[name] ?? ""))
            }
            addFlags(node.flags, "node", to: entry)
            body.addChild(entry)
        }
        for (position, edge) in graph.edges.enumerated() {
            guard let source = xmlIDs[edge.source], let target = xmlIDs[edge.target] else { continue }
            let entry = element("edge", ["id": "e\(position)", "source": source, "target": target])
            entry.addChild(dataElement("edge", "kind", edge.kind.rawValue))
            entry.addChild(dataElement("edge", "label", edge.label))
            let attributes = ExportAttributes.named(edge.attributes)
            for name in attributes.keys.sorted() {
                entry.addChild(dataElement("edge", name, attributes[name] ?? ""))
            }
            addFlags(edge.flags, "edge", to: entry)
            body.addChild(entry)
        }
        root.addChild(body)
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        return document.xmlData(options: [.nodePrettyPrint])
    }

    /// `<key id="node.kind" for="node" attr.name="kind" attr.type="string"/>`
    private static func key(_ scope: String, _ name: String, type: String) -> XMLElement {
        element("key", ["id": keyID(scope, name), "for": scope, "attr.name": name, "attr.type": type])
    }

    private static func keyID(_ scope: String, _ name: String) -> String { "\(scope).\(name)" }

    private static func dataElement(_ scope: String, _ name: String, _ value: String) -> XMLElement {
        let data = element("data", ["key": keyID(scope, name)])
        data.stringValue = XMLText.clean(value)
        return data
    }

    private static func addFlags(_ flags: Flags, _ scope: String, to entry: XMLElement) {
        let set = Set(flags.names)
        for flag in Flags.allNames { entry.addChild(dataElement(scope, flag, set.contains(flag) ? "true" : "false")) }
    }

    private static func element(_ name: String, _ attributes: [String: String]) -> XMLElement {
        let element = XMLElement(name: name)
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let attribute = XMLNode.attribute(withName: name, stringValue: XMLText.clean(value)) as? XMLNode {
                element.addAttribute(attribute)
            }
        }
        return element
    }
}

extension ExportAttributes {
    /// `attributes` under their export names, gathered in a dictionary as the writers did before they wrote them in
    /// order (the references' reading of the names).
    static func named(_ attributes: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in attributes {
            result[name(key)] = value
        }
        return result
    }
}
