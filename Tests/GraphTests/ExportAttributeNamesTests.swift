import Foundation
import Testing
@testable import Reports
import GraphValues

/// OpenGraph's properties are written member by member in key order (`OpenGraphProperties`), merging the attributes
/// with the flags and the extras every node or edge has, and GraphML's `<data>` lines in the order of the attributes'
/// export names without a dictionary of them: the bytes are those of the writers that gathered them in a dictionary
/// first (`EncoderOpenGraph`, `FoundationGraphML`), whatever the attributes are called.
@Suite struct ExportAttributeNamesTests {
    /// Attribute names before, between and after the flags' and extras' (upper case, `_`, non-ASCII, a prefix of a
    /// flag), names that are renamed (`warning`, `name`, `id`) and an edge's `roles` and `label`, which the extras
    /// replace; every combination of flags.
    static let graph: AccessGraph = {
        let names = ["A", "Zeta", "aggregate_count", "conditional", "dynamic_rules", "e", "escalation", "iam_id",
                     "iamgraph_kind", "id", "kind", "label", "name", "network", "privileged-gainer", "roles", "warning",
                     "z", "ö", "_"]
        let nodes = (0..<300).map { index in
            let attributes = Dictionary(uniqueKeysWithValues: names.enumerated()
                .filter { ($0.offset * 7 + index) % 3 != 0 }.map { ($0.element, "\($0.element) \(index) \"é\"") })
            return Node(id: "user:IBMid-\(index)", kind: index % 2 == 0 ? .user : .serviceID, label: "User \(index)",
                        attributes: attributes, flags: Flags(rawValue: index * 37 % 4096))
        }
        let edges = nodes.indices.dropFirst().map { index in
            Edge(source: nodes[index - 1].id, target: nodes[index].id, kind: index % 3 == 0 ? .grants : .memberOf,
                 label: "Viewer, Editor \(index)", attributes: nodes[index].attributes,
                 flags: Flags(rawValue: index * 53 % 4096))
        }
        return AccessGraph(title: "names", nodes: nodes, edges: edges)
    }()

    @Test func everyAttributeNameGivesTheEncodersOpenGraph() throws {
        #expect(try OpenGraphJSON.data(Self.graph) == EncoderOpenGraph.data(Self.graph))
    }

    @Test func everyAttributeNameGivesFoundationsGraphML() throws {
        #expect(try GraphMLDocument.data(Self.graph) == FoundationGraphML.data(Self.graph))
    }

    /// An attribute already named `warning_text` wins over `warning` renamed to it (the old writer kept either, by
    /// the dictionary's order).
    @Test func anAttributeNamedSoWinsOverOneRenamedToIt() throws {
        let node = Node(id: "user:1", kind: .user, label: "one",
                        attributes: ["warning": "renamed", "warning_text": "named so", "label": "a label"])
        let graph = AccessGraph(title: "t", nodes: [node], edges: [])
        let graphML = String(decoding: try GraphMLDocument.data(graph), as: UTF8.self)
        #expect(graphML.contains(#"<data key="node.warning_text">named so</data>"#))
        #expect(!graphML.contains("renamed"))
        let document = try OpenGraphJSON.data(graph)
        let object = try #require(try JSONSerialization.jsonObject(with: document) as? [String: Any])
        let nodes = try #require((object["graph"] as? [String: Any])?["nodes"] as? [[String: Any]])
        let properties = try #require(nodes.first?["properties"] as? [String: Any])
        #expect(properties["warning_text"] as? String == "named so")
        #expect(properties["label_text"] as? String == "a label")
        #expect(properties["warning"] as? Bool == false)
        #expect(properties["name"] as? String == "one")
    }
}
