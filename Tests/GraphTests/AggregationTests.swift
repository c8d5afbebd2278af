import GraphValues
import Testing
@testable import Graph

/// Aggregation merges only identities whose edges are the same, however their labels are written.
@Suite struct AggregationTests {
    static func user(_ name: String) -> Node { Node(id: Node.id(.user, name), kind: .user, label: name) }
    static func group(_ name: String) -> Node { Node(id: Node.id(.accessGroup, name), kind: .accessGroup, label: name) }
    static func member(_ user: String, of group: String, label: String = "") -> Edge {
        Edge(source: Node.id(.user, user), target: Node.id(.accessGroup, group), kind: .memberOf, label: label)
    }

    /// A user in G1 (through rule "r") and G2, and a user only in G1 whose rule name spells the first user's second
    /// edge: a signature written as delimited text would make the two equal.
    static var draft: GraphDraft {
        let spoof = "rule: r\nout|\(EdgeKind.memberOf.rawValue)|\(Node.id(.accessGroup, "G2"))|"
        let twins = (1...4).map { "twin\($0)" }
        return GraphDraft(
            nodes: [group("G1"), group("G2"), user("a"), user("b")] + twins.map(user),
            edges: [member("a", of: "G1", label: "rule: r"), member("a", of: "G2"), member("b", of: "G1", label: spoof)]
                + twins.map { member($0, of: "G1") },
            clusters: [])
    }

    @Test func identitiesWithTheSameEdgesBecomeOneNode() throws {
        let view = Aggregation(budget: 6, keep: []).apply(to: Self.draft).graph(title: "t")
        let twins = try #require(view.nodes.first { $0.flags.contains(.aggregate) })
        #expect(twins.label == "4 users")
        #expect(view.edges.filter { $0.source == twins.id }.map(\.target) == [Node.id(.accessGroup, "G1")])
    }

    @Test func labelsThatSpellOtherEdgesDoNotMergeIdentities() {
        let view = Aggregation(budget: 6, keep: []).apply(to: Self.draft).graph(title: "t")
        #expect(view.node(Node.id(.user, "a")) != nil)
        #expect(view.node(Node.id(.user, "b")) != nil)
        #expect(view.edges.filter { $0.source == Node.id(.user, "a") }.count == 2)
    }
}
