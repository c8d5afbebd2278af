import Testing
import GraphValues

/// `AccessGraph` sorts its edges by their ends' positions among its nodes instead of comparing ids at every step: the
/// order is still that of comparing the edges (`Edge`'s `<`), equal edges kept in the order given.
@Suite struct AccessGraphOrderTests {
    /// Ids that sort differently by bytes and by characters (a decomposed and a precomposed "é" are one id), ESC and
    /// empty ids, and every edge kind between them, with repeated ends, labels and whole edges. (Not an id that
    /// starts with another's "é" in the other form: Swift's `<` finds `"e\u{301}"` and `"\u{E9}x"` neither less than
    /// the other nor equal, so no order of them is the sorted one.)
    static let ids = ["user:b", "user:a", "user:\u{65}\u{301}", "user:\u{E9}", "user:Z", "target:\u{1B}[31m", "target:",
                      "access_group:g", "service:kms/1", "user:a2"]

    static func edges(count: Int, ends: [String]) -> [Edge] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            Edge(source: ends[next(ends.count)], target: ends[next(ends.count)],
                 kind: EdgeKind.allCases[next(EdgeKind.allCases.count)], label: ["", "b", "a", "\u{E9}"][next(4)],
                 attributes: ["n": String(index)])
        }
    }

    /// What the edges' order must be: by `<`, equal edges by their position in `edges`.
    static func expected(_ edges: [Edge]) -> [Edge] {
        edges.enumerated().sorted { $0.element < $1.element || (!($1.element < $0.element) && $0.offset < $1.offset) }
            .map(\.element)
    }

    @Test func edgesBetweenNodesComeInTheirOrder() {
        let nodes = Self.ids.map { Node(id: $0, kind: .user, label: $0) }
        let edges = Self.edges(count: 3_000, ends: Self.ids)
        #expect(AccessGraph(title: "t", nodes: nodes, edges: edges).edges == Self.expected(edges))
    }

    @Test func edgesToNodesTheGraphLacksComeInTheirOrder() {
        let nodes = Self.ids.dropLast(3).map { Node(id: $0, kind: .user, label: $0) }
        let edges = Self.edges(count: 3_000, ends: Self.ids)
        #expect(AccessGraph(title: "t", nodes: nodes, edges: edges).edges == Self.expected(edges))
    }

    /// Two nodes of one id (a graph made by hand) do not break the order.
    @Test func aRepeatedNodeIdKeepsTheOrder() {
        let nodes = (Self.ids + Self.ids.prefix(3)).map { Node(id: $0, kind: .user, label: $0) }
        let edges = Self.edges(count: 1_000, ends: Self.ids)
        #expect(AccessGraph(title: "t", nodes: nodes, edges: edges).edges == Self.expected(edges))
    }
}
