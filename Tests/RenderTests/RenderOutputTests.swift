import Foundation
import Graph
import GraphValues
import Render
import Testing
import TestSupport

@Suite("Rendering through libgraphviz")
struct RenderOutputTests {
    @Test("SVG is well-formed XML and shows the labels, the title and the legend")
    func svg() throws {
        let svg = try GraphvizRenderer.render(Fixtures.small, format: .svg)
        let document = try SVGDocument(svg)
        let texts = Set(document.texts)
        for node in Fixtures.small.nodes {
            #expect(texts.contains(node.label), "missing label \(node.label)")
        }
        #expect(texts.contains("Small account"))
        #expect(texts.contains("Aggregated to fit 400 nodes"))
        #expect(texts.contains("Legend"))
        #expect(texts.contains("user (ellipse)"))
        #expect(texts.contains("privileged"))
        #expect(texts.contains("Resource group prod"))
        #expect(texts.contains("Administrator"))
    }

    @Test("Tooltips list the id and the attributes sorted by key, without the link; safe links become hrefs")
    func tooltipsAndLinks() throws {
        let document = try SVGDocument(try GraphvizRenderer.render(Fixtures.small, format: .svg))
        let titles = document.values(of: "xlink:title")
        #expect(titles.contains("user:alice\nemail: alice@example.com\niam_id: IBMid-1"))
        #expect(titles.contains("applies_to: weekdays 9-17\ncondition: dateTimeGreaterThan\nflags: conditional"))
        #expect(document.values(of: "xlink:href") == ["https://cloud.ibm.com/iam/users/IBMid-1"])
    }

    @Test("A node an enterprise template manages shows the template in its tooltip")
    func templateInTooltip() throws {
        let graph = try AccessMap.build(try DemoSample.account(), options: ViewOptions())
        let titles = try SVGDocument(try GraphvizRenderer.render(graph, format: .svg)).values(of: "xlink:title")
        let support = try #require(titles.first { $0.hasPrefix("access_group:\(DemoIDs.supportStaff)\n") })
        #expect(support.contains("\ntemplate_id: AccessGroupTemplateId-6d1f3a2e-0b4c-4e59-8a7d-2f1e0c9b8a71\n"))
        #expect(support.contains("\ntemplate_name: Support Staff (enterprise)\ntemplate_version: 1"))
    }

    @Test("PNG starts with the PNG signature")
    func png() throws {
        let png = try GraphvizRenderer.render(Fixtures.small, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test("PDF starts with %PDF-")
    func pdf() throws {
        let pdf = try GraphvizRenderer.render(Fixtures.small, format: .pdf)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    @Test("DOT parses back through Graphviz with every node and every edge, the legend in the graph's label")
    func dotParsesBack() throws {
        let dot = try GraphvizRenderer.render(Fixtures.small, format: .dot)
        let counts = try #require(GraphvizRenderer.parsesBack(dot: dot))
        #expect(counts.nodes == Fixtures.small.nodes.count)
        #expect(counts.edges == Fixtures.small.edges.count)
        let text = String(decoding: dot, as: UTF8.self)
        #expect(text.hasPrefix("digraph iamgraph {"))
        #expect(text.contains("rankdir=LR"))
        #expect(text.contains("subgraph cluster_0 {"))
        #expect(text.contains("label=<<TABLE"))
        #expect(text.contains("<B>Legend</B>"))
        #expect(text.contains("fontname=\"Liberation Sans\""))
    }

    @Test("Flags become styles", arguments: [
        ("\"policy:p1\" -> \"role:admin\"", "color=\"#CC3311\""),
        ("\"policy:p1\" -> \"role:admin\"", "style=bold"),
        ("\"policy:p1\" -> \"role:admin\"", "penwidth=2"),
        ("\"policy:p1\" -> \"target:rg-prod\"", "style=dashed"),
        ("\"user:37\" -> \"access_group:admins\"", "color=\"#0077BB\""),
        ("\"target:rg-prod\" -> \"service_instance:gone\"", "style=dotted"),
    ])
    func edgeStyles(edge: String, attribute: String) throws {
        let text = String(decoding: try GraphvizRenderer.render(Fixtures.small, format: .dot), as: UTF8.self)
        let statement = try #require(Self.statement(startingWith: edge, in: text))
        #expect(statement.contains(attribute), "\(statement)")
    }

    @Test("Node flags become styles", arguments: [
        ("\"user:37\"", "peripheries=2"),
        ("\"access_group:public\"", "fillcolor=\"#EE3377\""),
        ("\"service_instance:gone\"", "style=\"filled,dashed\""),
        ("\"service_instance:gone\"", "fillcolor=\"#FFDDCC\""),
        ("\"user:alice\"", "shape=ellipse"),
        ("\"access_group:admins\"", "shape=tab"),
    ])
    func nodeStyles(node: String, attribute: String) throws {
        let text = String(decoding: try GraphvizRenderer.render(Fixtures.small, format: .dot), as: UTF8.self)
        let statement = try #require(Self.statement(startingWith: node + "\t", in: text))
        #expect(statement.contains(attribute), "\(statement)")
    }

    @Test("DOT, SVG and PNG are byte-identical across runs", arguments: [RenderFormat.dot, .svg, .png])
    func deterministic(format: RenderFormat) throws {
        let first = try GraphvizRenderer.render(Fixtures.small, format: format)
        let second = try GraphvizRenderer.render(Fixtures.small, format: format)
        #expect(first == second)
    }

    @Test("Clusters and random-start layouts are repeatable", arguments: [LayoutEngine.dot, .sfdp, .neato])
    func deterministicLayouts(engine: LayoutEngine) throws {
        let graph = Fixtures.synthetic(users: 60, groups: 12, targets: 8, clusters: 4)
        let renders = try (0..<3).map { _ in try GraphvizRenderer.render(graph, format: .svg, layout: engine) }
        #expect(renders[0] == renders[1] && renders[1] == renders[2])
        let dot = String(decoding: try GraphvizRenderer.render(graph, format: .dot, layout: engine), as: UTF8.self)
        let order = (0..<4).compactMap { dot.range(of: "subgraph cluster_\($0) {")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "clusters are written in order")
    }

    @Test("Every layout engine lays out a small graph", arguments: LayoutEngine.allCases)
    func layouts(engine: LayoutEngine) throws {
        let svg = try GraphvizRenderer.render(Fixtures.small, format: .svg, layout: engine)
        _ = try SVGDocument(svg)
        let dot = String(decoding: try GraphvizRenderer.render(Fixtures.small, format: .dot, layout: engine),
                         as: UTF8.self)
        #expect(dot.contains("rankdir=LR") == (engine == .dot))
    }

    @Test("An empty graph renders (no legend)")
    func empty() throws {
        let graph = AccessGraph(title: "Nothing", nodes: [], edges: [])
        _ = try SVGDocument(try GraphvizRenderer.render(graph, format: .svg))
        let counts = try #require(GraphvizRenderer.parsesBack(dot: try GraphvizRenderer.render(graph, format: .dot)))
        #expect(counts.nodes == 0 && counts.edges == 0)
    }

    @Test("Text that is not DOT does not parse back")
    func notDOT() {
        #expect(GraphvizRenderer.parsesBack(dot: Data("digraph { a -> ; }".utf8)) == nil)
        #expect(GraphvizRenderer.parsesBack(dot: Data()) == nil)
    }

    @Test("Errors say what failed and pass Graphviz's messages on")
    func errorDescription() {
        let error = RenderError.layoutFailed(engine: .sfdp, messages: ["Error: Layout type: \"sfdp\" not recognized."])
        #expect(error.description.contains("sfdp"))
        #expect(error.description.contains("not recognized"))
        #expect(RenderError.renderFailed(format: .png, messages: []).description.contains("png:cairo:cairo"))
    }

    /// The DOT statement (up to its `;`) that starts with `prefix` on its line.
    static func statement(startingWith prefix: String, in text: String) -> String? {
        guard let start = text.range(of: "\n\t" + prefix) ?? text.range(of: "\n\t\t" + prefix) else { return nil }
        let rest = text[start.lowerBound...]
        guard let end = rest.range(of: "];") else { return nil }
        return String(rest[..<end.upperBound])
    }
}

@Suite("Network-restricted grants on the map")
struct NetworkRestrictedRenderTests {
    static let graph = AccessGraph(
        title: "CBR", nodes: [Node(id: "user:a", kind: .user, label: "a"), Node(id: "target:t", kind: .target, label: "t")],
        edges: [Edge(source: "user:a", target: "target:t", kind: .grants, label: "Reader",
                     attributes: ["network_restriction": "enforced: only from office (CBR rule r)"],
                     flags: [.networkRestricted, .privileged])])

    @Test("A network-restricted grant is a double line in its colour, in the legend and the tooltip")
    func doubleLine() throws {
        let dot = String(decoding: try GraphvizRenderer.render(Self.graph, format: .dot), as: UTF8.self)
        #expect(dot.contains("color=\"#CC3311:invis:#CC3311\""))
        #expect(dot.contains("double: network-restricted (enforced CBR rule)"))
        let svg = try SVGDocument(try GraphvizRenderer.render(Self.graph, format: .svg))
        #expect(svg.values(of: "xlink:title").contains { $0.contains("network_restriction: enforced: only from office (CBR rule r)") })
        // Without the flag, neither.
        let plain = AccessGraph(title: "plain", nodes: Self.graph.nodes,
                                edges: [Edge(source: "user:a", target: "target:t", kind: .grants, label: "Reader")])
        let plainDOT = String(decoding: try GraphvizRenderer.render(plain, format: .dot), as: UTF8.self)
        #expect(!plainDOT.contains("invis") && !plainDOT.contains("network-restricted"))
    }

    @Test("The HTML explorer's key lists network-restricted grants when the map has some")
    func explorerKey() throws {
        let page = String(decoding: try GraphvizRenderer.render(Self.graph, format: .html), as: UTF8.self)
        #expect(page.contains("network-restricted grant (enforced CBR rule)"))
        #expect(page.contains("edge.attributes.network_restriction"))
    }
}
