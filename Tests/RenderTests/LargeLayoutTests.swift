import Foundation
import GraphValues
@testable import Render
import Testing

/// Issue 13 item 5 at real size: `--full --layout sfdp` on a 10,000-user account finishes, and says up front when it
/// will take a while.
@Suite struct LargeLayoutTests {
    @Test("Force-directed maps remove overlaps completely up to the limit, and keep only prism's scaling above it")
    func overlapRemovalFollowsTheSize() throws {
        let small = Fixtures.synthetic(users: 4_000, groups: 150, targets: 60)
        let large = Fixtures.synthetic(users: 4_900, groups: 150, targets: 60)
        #expect(small.nodes.count <= OverlapRemoval.fullRemovalLimit)
        #expect(large.nodes.count > OverlapRemoval.fullRemovalLimit)
        for layout in [LayoutEngine.sfdp, .neato] {
            let smallDOT = String(decoding: try GraphvizRenderer.render(small, format: .dot, layout: layout), as: UTF8.self)
            let largeDOT = String(decoding: try GraphvizRenderer.render(large, format: .dot, layout: layout), as: UTF8.self)
            #expect(smallDOT.contains("overlap=false"))
            #expect(largeDOT.contains("overlap=prism0") && !largeDOT.contains("overlap=false"))
        }
        // dot ranks its nodes and never removes overlaps.
        let ranked = String(decoding: try GraphvizRenderer.render(large, format: .dot), as: UTF8.self)
        #expect(!ranked.contains("overlap="))
    }

    @Test("A large sfdp map is laid out and drawn: every node and edge is in the SVG")
    func largeSFDPMapIsDrawn() throws {
        let graph = Fixtures.synthetic(users: 4_900, groups: 150, targets: 60)
        let svg = String(decoding: try GraphvizRenderer.render(graph, format: .svg, layout: .sfdp), as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"node ").count - 1 == graph.nodes.count)
        #expect(svg.components(separatedBy: "class=\"edge ").count - 1 == graph.edges.count)
    }

    @Test("No warning while the engine stays fast at the size")
    func noWarningWhenFast() {
        #expect(SlowLayoutWarning(engine: .sfdp, nodes: 10_000, edges: 20_000, budgetLifted: true) == nil)
        #expect(SlowLayoutWarning(engine: .dot, nodes: 400, edges: 800, budgetLifted: false) == nil)
        #expect(SlowLayoutWarning(engine: .neato, nodes: 50_000, edges: 90_000, budgetLifted: true) == nil)
    }

    @Test("--full on a huge account: the warning names the size and the faster views, not a smaller budget")
    func fullMapWarning() throws {
        let warning = try #require(SlowLayoutWarning(engine: .sfdp, nodes: 25_596, edges: 48_083, budgetLifted: true))
        #expect(warning.message == "laying out 25596 nodes and 48083 edges with sfdp can take minutes; the overview "
                + "(without --full) or a focused view (--identity, --access-group, --service, --resource-group) is faster")
        let dot = try #require(SlowLayoutWarning(engine: .dot, nodes: 25_596, edges: 48_083, budgetLifted: true))
        #expect(dot.message.hasSuffix("; --layout sfdp, the overview (without --full) or a focused view "
                                      + "(--identity, --access-group, --service, --resource-group) is faster"))
    }

    @Test("Within a node budget the warning suggests sfdp or a smaller budget")
    func budgetedWarning() throws {
        let warning = try #require(SlowLayoutWarning(engine: .dot, nodes: 1_500, edges: 3_000, budgetLifted: false))
        #expect(warning.message == "laying out 1500 nodes and 3000 edges with dot can take minutes; "
                + "--layout sfdp or a smaller --max-nodes is faster")
    }
}
