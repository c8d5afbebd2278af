import Foundation
import Testing
@testable import Reports
import GraphValues

/// OpenGraph's properties are written member by member in key order (`OpenGraphProperties`), merging the attributes
/// with the flags and the extras every node or edge has: the bytes are those of the dictionary the old writer built
/// and `JSONEncoder` sorted, whatever the attributes are called.
@Suite struct OpenGraphPropertiesTests {
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

    @Test func everyAttributeNameGivesTheEncodersBytes() throws {
        #expect(try OpenGraphJSON.data(Self.graph) == EncoderOpenGraph.data(Self.graph))
    }

    /// An attribute already named `warning_text` wins over `warning` renamed to it (the old writer kept either, by
    /// the dictionary's order).
    @Test func anAttributeNamedSoWinsOverOneRenamedToIt() throws {
        let node = Node(id: "user:1", kind: .user, label: "one",
                        attributes: ["warning": "renamed", "warning_text": "named so", "label": "a label"])
        let document = try OpenGraphJSON.data(AccessGraph(title: "t", nodes: [node], edges: []))
        let object = try #require(try JSONSerialization.jsonObject(with: document) as? [String: Any])
        let nodes = try #require((object["graph"] as? [String: Any])?["nodes"] as? [[String: Any]])
        let properties = try #require(nodes.first?["properties"] as? [String: Any])
        #expect(properties["warning_text"] as? String == "named so")
        #expect(properties["label_text"] as? String == "a label")
        #expect(properties["warning"] as? Bool == false)
        #expect(properties["name"] as? String == "one")
    }
}
