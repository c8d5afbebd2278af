import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph
@testable import Model
@testable import Reports
import Analysis
import GraphValues
import Snapshot
import TestSupport

/// Untrusted names through every exporter: each export still parses (GraphML as XML, OpenGraph as JSON, SQLite by
/// SQLite) with the names as text, and Mermaid's labels hold no syntax.
@Suite struct HostileExportTests {
    /// The renderer's hostile names and what is hostile to the export formats only.
    static let names = HostileAccountTests.hostile + [
        "]]> <![CDATA[ cdata ]]>", "a --> b %% comment ; c", "end", "`code` #quot; &amp; |pipe|",
        "ESC \u{1B}[31m red \u{01}\u{0B}\u{7F} bell\u{07}", "O'Brien'); DELETE FROM findings; --",
    ]

    static func graph(policies: Bool = false) throws -> AccessGraph {
        try AccessMap.build(try HostileAccountTests.account(names), options: ViewOptions(showPolicies: policies, maxNodes: nil))
    }

    @Test(arguments: [false, true])
    func graphMLParsesWithEveryNodeAndEdgeAndKeepsNamesAsText(policies: Bool) throws {
        let graph = try Self.graph(policies: policies)
        let data = try GraphMLDocument.data(graph)
        let scan = try #require(GraphMLScan(data))
        #expect(scan.count("node") == graph.nodes.count)
        #expect(scan.count("edge") == graph.edges.count)
        let labels = Set(scan.data["node.label"] ?? [])
        #expect(labels.contains { $0.contains("]]> <![CDATA[ cdata ]]>") })
        // The control characters XML 1.0 cannot carry are replaced, visibly and deterministically.
        #expect(labels.contains { $0.contains("ESC \\u001B[31m red \\u0001\\u000B\u{7F} bell\\u0007") })
        #expect(try GraphMLDocument.data(graph) == data)
    }

    /// networkx and bhopengraph (scripts/python-env's .venv, through scripts/export-check) read the hostile exports.
    @Test func consumersReadTheHostileExports() async throws {
        let python = Samples.repository.appendingPathComponent(".venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no .venv: run scripts/python-env")
        let graph = try Self.graph()
        let directory = TemporaryDirectory.removedAtExit("hostile-exports")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let graphML = directory.appendingPathComponent("hostile.graphml")
        let openGraph = directory.appendingPathComponent("hostile.json")
        try GraphMLDocument.data(graph).write(to: graphML)
        try OpenGraphJSON.data(graph).write(to: openGraph)
        let checker = Samples.scripts.appendingPathComponent("export-check").path
        for (format, file) in [("graphml", graphML), ("opengraph", openGraph)] {
            let result = try await ProcessRunner.run(python, [checker, format, file.path])
            try #require(result.status == 0, "\(format): \(result.stderr)")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(seen["nodes"] as? Int == graph.nodes.count, "\(format)")
            #expect(seen["edges"] as? Int == graph.edges.count, "\(format)")
            if format == "opengraph" { #expect(seen["problems"] as? [String] == []) }
        }
    }

    @Test func openGraphIsJSONWithEveryNameIntact() throws {
        let graph = try Self.graph()
        let object = try #require(try JSONSerialization.jsonObject(with: OpenGraphJSON.data(graph)) as? [String: Any])
        let body = try #require(object["graph"] as? [String: Any])
        let nodes = try #require(body["nodes"] as? [[String: Any]])
        #expect(nodes.count == graph.nodes.count)
        #expect((body["edges"] as? [Any])?.count == graph.edges.count)
        let names = Set(nodes.compactMap { ($0["properties"] as? [String: Any])?["name"] as? String })
        #expect(names.isSuperset(of: graph.nodes.map(\.label)))
    }

    @Test(arguments: [false, true])
    func mermaidLabelsCarryNoSyntax(policies: Bool) throws {
        let graph = try Self.graph(policies: policies)
        let text = MermaidFlowchart.text(graph)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "flowchart LR")
        #expect(lines.filter { $0.contains(" --> ") || $0.contains(" -->|") || $0.contains(" -.->") }.count == graph.edges.count)
        for line in lines.dropFirst() {
            // Inside each quoted label: no quote, no syntax characters, no control characters.
            let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(quoted.count == 1 || quoted.count == 3, "\(line.prefix(200))")  // one quoted label at most
            for (position, part) in quoted.enumerated() where position % 2 == 1 {
                let text = part.replacingOccurrences(of: "#[0-9]+;", with: "", options: .regularExpression)
                #expect(!text.contains { "<>&|;#%`[](){}-\\'".contains($0) })
                #expect(!part.unicodeScalars.contains { $0.properties.generalCategory == .control })
                #expect(part.count <= 60 * 6 + 1)  // 60 characters, each at most a 6-character entity, and "…"
            }
        }
        #expect(MermaidFlowchart.fits(text))
        #expect(MermaidText.label("a --> b %% c") == "a #45;#45;#62; b #37;#37; c")
        #expect(MermaidText.label("say \"hi\"\nbye") == "say #34;hi#34; bye")
    }

    @Test func sqliteStoresHostileNamesAsData() async throws {
        let account = try HostileAccountTests.account(Self.names)
        let users: [[String: Any]] = Self.names.enumerated().map { ["iam_id": "IBMid-\($0.offset)", "email": $0.element] }
        let snapshot = LoadedSnapshot(
            directory: URL(fileURLWithPath: "/nonexistent"),
            manifest: Manifest(toolVersion: "test", accountID: account.accountID, fetchedAt: account.fetchedAt.raw, scope: .account),
            files: [.users: try JSONSerialization.data(withJSONObject: users)], unknown: [:], policyUsage: nil,
            activity: nil, mfa: nil, problems: [])
        let file = TemporaryDirectory.removedAtExit("hostile-export").appendingPathExtension("sqlite")
        let index = AccessIndex(account)
        try SQLiteExport.write(snapshot, analysis: { SQLiteAnalysis(index: index, findings: Concurrent { FindingsReport(index) }, problems: []) },
                               to: file.path, note: { Issue.record("unexpected note: \($0)") })
        let names = try await Self.column(file, "SELECT name FROM users ORDER BY CAST(substr(id, 7) AS INTEGER)")
        #expect(names == Self.names)
        let holders = try await Self.column(file, "SELECT DISTINCT holder_name FROM effective_access ORDER BY 1")
        #expect(Set(holders).isSuperset(of: account.users.map(\.displayName)))
        #expect(try await Self.column(file, "SELECT count(*) FROM findings") != ["0"])
    }

    /// The first column of a query's rows, read by Python's sqlite3 (as JSON, so any text survives).
    static func column(_ file: URL, _ query: String) async throws -> [String] {
        let script = "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "print(json.dumps([str(r[0]) for r in c.execute(sys.argv[2])]))"
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path, query])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }
}

/// The elements of a GraphML document and the text of its `<data>` elements by key, read with Foundation's XML parser.
final class GraphMLScan: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var data: [String: [String]] = [:]
    private var key: String?
    private var text = ""

    init?(_ document: Data) {
        super.init()
        let parser = XMLParser(data: document)
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        elements.append(name)
        if name == "data" { key = attributes["key"]; text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if key != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key { data[key, default: []].append(text) }
        if name == "data" { key = nil }
    }
}
