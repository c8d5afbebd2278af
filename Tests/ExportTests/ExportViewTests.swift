import Foundation
import Testing
import TestSupport

/// `export` takes render's view options: the same view, node for node, as `render --format json --full`; SQLite,
/// which holds the whole snapshot, refuses them.
@Suite struct ExportViewTests {
    /// The node ids and edge kinds of a graph: render's JSON or an OpenGraph document.
    struct View: Equatable {
        let nodes: Set<String>
        let edges: Int
    }

    static func rendered(_ options: [String]) async throws -> View {
        let result = try await ProcessRunner.iamgraph(["render", Samples.demo.path, "--format", "json", "--full"] + options)
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]]), edges = try #require(object["edges"] as? [Any])
        return View(nodes: Set(nodes.compactMap { $0["id"] as? String }), edges: edges.count)
    }

    static func exported(_ options: [String]) async throws -> (view: View, document: [String: Any]) {
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "--format", "opengraph"] + options)
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let graph = try #require(object["graph"] as? [String: Any])
        let nodes = try #require(graph["nodes"] as? [[String: Any]]), edges = try #require(graph["edges"] as? [Any])
        return (View(nodes: Set(nodes.compactMap { $0["id"] as? String }), edges: edges.count), object)
    }

    @Test(arguments: [["--privileged"], ["--service", "kms"], ["--resource-group", "prod"], ["--privileged", "--service", "kms"]])
    func exportHasRendersView(options: [String]) async throws {
        let exported = try await Self.exported(options)
        let rendered = try await Self.rendered(options)
        #expect(exported.view == rendered)
        let whole = try await Self.exported([])
        #expect(exported.view.nodes.count < whole.view.nodes.count, "\(options) narrows the view")
    }

    @Test func privilegedKeepsOnlyPrivilegedGrants() async throws {
        let graph = try #require(try await Self.exported(["--privileged"]).document["graph"] as? [String: Any])
        let grants = try #require(graph["edges"] as? [[String: Any]]).filter { $0["kind"] as? String == "IBM_Grants" }
        #expect(!grants.isEmpty)
        #expect(grants.allSatisfy { ($0["properties"] as? [String: Any])?["privileged"] as? Bool == true })
    }

    @Test func sqliteRefusesViewOptions() async throws {
        let file = TemporaryDirectory.removedAtExit("export").appendingPathExtension("sqlite")
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", file.path, "--privileged"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("sqlite holds the whole snapshot; the view options (--privileged) apply to graphml"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func oneFocusAtATime() async throws {
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "--format", "graphml",
                                                       "--service", "kms", "--identity", DemoIDs.sofia])
        #expect(result.status == 64)
        #expect(result.stderr.contains("choose one of --identity, --resource, --access-group, --service and --resource-group"))
    }
}
