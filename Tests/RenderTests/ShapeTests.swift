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

    static func points(_ name: String, in svg: String) -> Double? {
        guard let start = svg.range(of: " \(name)=\""),
              let end = svg.range(of: "pt\"", range: start.upperBound..<svg.endIndex) else { return nil }
        return Double(svg[start.upperBound..<end.lowerBound])
    }
}
