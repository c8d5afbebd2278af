import Foundation
import Graph
import GraphValues
@testable import Render
import Testing
import TestSupport

/// `--format html` (issue 13): a self-contained page, inert with hostile names, that works in a real browser.
@Suite struct HTMLExplorerTests {
    static func page(_ graph: AccessGraph) throws -> String {
        String(decoding: try GraphvizRenderer.render(graph, format: .html), as: UTF8.self)
    }

    static func dataBlock(_ page: String) throws -> String {
        let open = "<script type=\"application/json\" id=\"iamgraph-data\">"
        let start = try #require(page.range(of: open))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    @Test("Hostile names cannot leave the data block or the SVG's text")
    func hostileNamesStayInert() throws {
        let page = try Self.page(Fixtures.hostile)
        let data = try Self.dataBlock(page)
        #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
        #expect(data.contains("\\u003cscript\\u003ealert(1)\\u003c\\/script\\u003e"))
        // Exactly the page's own two script elements; no image, no frame, no remote anything.
        #expect(page.components(separatedBy: "</script>").count == 3)
        #expect(page.components(separatedBy: "<script").count == 3)
        for tag in ["<img", "<iframe", "<link", "<object", "<embed", "innerHTML", "src=", "@import", "url("] {
            #expect(!page.contains(tag), "the page contains \(tag)")
        }
        #expect(page.contains("default-src 'none'"))
        // The title is escaped for HTML.
        #expect(page.contains("<title>Title \\N with &quot;quotes&quot; and a newline reversed &lt;script&gt;"))
        // The data round-trips through a JSON parser to the same names.
        let json = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
        let labels = (json?["nodes"] as? [[String: Any]])?.compactMap { $0["label"] as? String } ?? []
        #expect(labels.contains("<svg onload=alert(1)>"))
    }

    @Test("Every node and edge drawing has the id the page finds it by")
    func drawingsHaveIDs() throws {
        let page = try Self.page(Fixtures.hostile)
        for index in Fixtures.hostile.nodes.indices { #expect(page.contains("id=\"n\(index)\"")) }
        for index in Fixtures.hostile.edges.indices { #expect(page.contains("id=\"e\(index)\"")) }
    }

    @Test("In Chromium: the demo map loads without script errors or requests, and a search highlights Sofia",
          .enabled(if: HeadlessChromium.isInstalled, "chromium is not installed: run scripts/bootstrap"))
    func searchInChromium() async throws {
        let graph = try AccessMap.build(try DemoSample.account(), options: ViewOptions())
        let verdict = try await HeadlessChromium.selfTest(try GraphvizRenderer.render(graph, format: .html),
                                                          search: "Sofia")
        #expect(verdict.errors.isEmpty)
        #expect(verdict.blocked.isEmpty)
        #expect(verdict.highlighted == ["user:\(DemoIDs.sofia)"])
        #expect(verdict.near > 1)  // her edges and groups are highlighted with her
        #expect(verdict.aligned == true)  // the highlighted copy sits on its original
        #expect(verdict.nodes == graph.nodes.count)
    }

    /// Hostile names run no script and load nothing, and a search finds them: a node's own name, and a member listed
    /// only inside a hostile group node's member list.
    @Test("In Chromium: hostile names run no script and load nothing; searching one finds its node",
          .enabled(if: HeadlessChromium.isInstalled, "chromium is not installed: run scripts/bootstrap"),
          arguments: [("<svg onload", "service_instance:<svg onload=alert(1)>"),
                      ("admin@evil.example", "access_group:\u{202E}evil")])
    func hostileInChromium(search: String, node: String) async throws {
        let verdict = try await HeadlessChromium.selfTest(try GraphvizRenderer.render(Fixtures.hostile, format: .html),
                                                          search: search)
        #expect(verdict.errors.isEmpty)
        #expect(verdict.blocked.isEmpty)
        #expect(verdict.highlighted == [node])
    }

    @Test("In Chromium: on an overview too large for its budget, searching a member's email highlights the group node",
          .enabled(if: HeadlessChromium.isInstalled, "chromium is not installed: run scripts/bootstrap"))
    func overviewMemberSearchInChromium() async throws {
        let account = try EnterpriseSample.account()
        let graph = try AccessMap.build(account, options: ViewOptions(maxNodes: 60))
        let drawn = Set(graph.nodes.compactMap { $0.attributes["email"] })
        // A member of a group node who is drawn nowhere else, found by the email the group node lists.
        let user = try #require(account.users.first { user in
            guard let email = user.email, !drawn.contains(email) else { return false }
            return graph.nodes.contains { $0.attributes["member_names"]?.contains("<\(email)>") == true }
        })
        let email = try #require(user.email)
        let group = try #require(graph.nodes.first { $0.attributes["member_names"]?.contains("<\(email)>") == true })
        let verdict = try await HeadlessChromium.selfTest(try GraphvizRenderer.render(graph, format: .html), search: email)
        #expect(verdict.errors.isEmpty)
        #expect(verdict.blocked.isEmpty)
        #expect(verdict.found >= 1)
        #expect(verdict.highlighted.first.map { id in
            graph.nodes.first { $0.id == id }?.attributes["member_names"]?.contains("<\(email)>") == true
        } == true, "\(verdict.highlighted) for \(email) in \(group.label)")
    }

    @Test("Graphviz writes each node's and edge's classes, so the page needs no pass over the drawing")
    func drawingsCarryTheirClasses() throws {
        let page = try Self.page(Fixtures.small)
        let document = try SVGDocument(Data(try #require(page.components(separatedBy: "<main id=\"map\">").last?
            .components(separatedBy: "</main>").first).utf8))
        let classes = document.values(of: "class")
        #expect(classes.contains("node kind-user"))
        #expect(classes.contains("edge from-policy to-role privileged"))
        // Only iamgraph's own names: node kinds, end kinds and flags.
        var allowed: Set<String> = ["node", "edge", "graph", "cluster"]
        allowed.formUnion(Flags.allNames)
        for kind in NodeKind.allCases { allowed.formUnion(["kind-", "from-", "to-"].map { $0 + kind.rawValue }) }
        for value in classes { for name in value.split(separator: " ") { #expect(allowed.contains(String(name)), "class \(name)") } }
    }

    @Test("In Chromium: a 5,000-node sfdp map loads without script errors or requests, and a search highlights its node",
          .enabled(if: HeadlessChromium.isInstalled, "chromium is not installed: run scripts/bootstrap"))
    func largeMapInChromium() async throws {
        let graph = Fixtures.synthetic(users: 4_300, groups: 500, targets: 300)
        #expect(graph.nodes.count == 5_100)
        let page = try GraphvizRenderer.render(graph, format: .html, layout: .sfdp)
        let verdict = try await HeadlessChromium.selfTest(page, search: "user4021@", budget: 120)
        #expect(verdict.errors.isEmpty)
        #expect(verdict.blocked.isEmpty)
        #expect(verdict.found == 1)
        #expect(verdict.highlighted == ["user:u4021"])
        #expect(verdict.near == 3)  // the user, its membership edge and its group
        #expect(verdict.aligned == true)
        #expect(verdict.nodes == graph.nodes.count)
    }

    /// The check for requests is not vacuous: a page that does load something is caught.
    @Test("In Chromium: a request the page makes is reported",
          .enabled(if: HeadlessChromium.isInstalled, "chromium is not installed: run scripts/bootstrap"))
    func requestsAreDetected() async throws {
        let page = try Self.page(Fixtures.tiny)
            .replacingOccurrences(of: "</main>", with: "<img src=\"https://example.invalid/x.png\"></main>")
        let verdict = try await HeadlessChromium.selfTest(Data(page.utf8), search: "x")
        #expect(!verdict.blocked.isEmpty)
    }
}
