import Foundation
import GraphValues
@testable import Render
import Testing

/// Issue 13: large `dot` maps keep a screen's shape through Graphviz's own attributes.
@Suite struct ShapeTests {
    @Test("Many edge labels become xlabels, placed beside their edges instead of in ranks of their own")
    func denseLabelsAreXLabels() throws {
        let dense = String(decoding: try GraphvizRenderer.render(Fixtures.synthetic(users: 10, groups: 150, targets: 10),
                                                                 format: .dot), as: UTF8.self)
        #expect(dense.contains("forcelabels=true"))
        #expect(dense.contains("xlabel=Viewer"))
        let sparse = String(decoding: try GraphvizRenderer.render(Fixtures.synthetic(users: 10, groups: 20, targets: 10),
                                                                  format: .dot), as: UTF8.self)
        #expect(!sparse.contains("xlabel") && sparse.contains("label=Viewer"))
        // Other engines place labels themselves.
        let sfdp = String(decoding: try GraphvizRenderer.render(Fixtures.synthetic(users: 10, groups: 150, targets: 10),
                                                                format: .dot, layout: .sfdp), as: UTF8.self)
        #expect(!sfdp.contains("xlabel"))
    }

    @Test("A long column of leaves is spread over several ranks")
    func leavesAreStaggered() throws {
        let graph = Fixtures.synthetic(users: 200, groups: 20, targets: 10)
        let lengths = RankStagger(graph).minimumLengths
        #expect(Set(lengths.values).count > 2)  // 200 users over sqrt(40) ≈ 6 columns
        #expect(RankStagger(Fixtures.tiny).minimumLengths.isEmpty)
        let svg = String(decoding: try GraphvizRenderer.render(graph, format: .svg), as: UTF8.self)
        let width = try #require(Self.points("width", in: svg)), height = try #require(Self.points("height", in: svg))
        #expect(max(width / height, height / width) <= 3, "\(width) × \(height)")
    }

    @Test("A map still beyond 3:1 after layout is laid out again to 2:1, not just inside the limit")
    func tallMapsAreCorrectedToTwoToOne() throws {
        // 400 groups in one rank (not leaves, so not staggered): a strip far beyond 3:1 before the correction.
        let svg = String(decoding: try GraphvizRenderer.render(Fixtures.synthetic(users: 10, groups: 400, targets: 10),
                                                               format: .svg), as: UTF8.self)
        let width = try #require(Self.points("width", in: svg)), height = try #require(Self.points("height", in: svg))
        let ratio = max(width / height, height / width)
        #expect(ratio >= 1.8 && ratio <= 2.2, "\(width) × \(height)")
    }

    @Test("A dot map stacks its clusters top to bottom in cluster order (the overview's tiers: administration on top)")
    func clustersStackInOrder() throws {
        // Each cluster's nodes sort before the next cluster's: dot used to put the first one met at the bottom.
        var nodes: [Node] = [], edges: [Edge] = [], clusters: [Cluster] = []
        for (index, name) in ["a", "b", "c"].enumerated() {
            let holder = Node(id: "x:\(index)", kind: .accessGroup, label: "holder \(name)")
            let target = Node(id: "y:\(index)", kind: .target, label: "target \(name)")
            nodes += [holder, target]
            edges.append(Edge(source: holder.id, target: target.id, kind: .grants, label: "Viewer"))
            clusters.append(Cluster(id: name, label: "box \(name)", nodeIDs: [holder.id, target.id]))
        }
        let svg = String(decoding: try GraphvizRenderer.render(AccessGraph(title: "t", nodes: nodes, edges: edges,
                                                                           clusters: clusters), format: .svg), as: UTF8.self)
        let tops = try ["a", "b", "c"].map { name in
            let label = try #require(svg.range(of: ">box \(name)</text>"))
            let tag = try #require(svg.range(of: "<text", options: .backwards, range: svg.startIndex..<label.lowerBound))
            let y = try #require(svg[tag.upperBound..<label.lowerBound].range(of: " y=\""))
            return Double(svg[y.upperBound...].prefix { $0 != "\"" }) ?? .nan
        }
        #expect(tops[0] < tops[1] && tops[1] < tops[2], "label heights \(tops)")
    }

    static func points(_ name: String, in svg: String) -> Double? {
        guard let start = svg.range(of: " \(name)=\""),
              let end = svg.range(of: "pt\"", range: start.upperBound..<svg.endIndex) else { return nil }
        return Double(svg[start.upperBound..<end.lowerBound])
    }
}
