import Analysis
import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// Each export read back by the tool analysts use it with — networkx, bhopengraph, Python's sqlite3 — through
/// scripts/export-check, in the virtual environment of scripts/python-env (which scripts/test creates).
@Suite(.serialized) struct ConsumerTests {
    static let python = Samples.repository.appendingPathComponent(".venv/bin/python")
    static let checker = Samples.scripts.appendingPathComponent("export-check")
    static let samples = [Samples.demo, Samples.enterprise]

    /// What scripts/export-check saw, as JSON.
    static func check(_ arguments: [String]) async throws -> [String: Any] {
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "no .venv: run scripts/python-env (scripts/test does)")
        let result = try await ProcessRunner.run(python, [checker.path] + arguments)
        try #require(result.status == 0, "export-check \(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func export(_ sample: URL, _ format: String, _ extra: [String] = []) async throws -> (file: URL, stderr: String) {
        let file = TemporaryDirectory.removedAtExit("export").appendingPathExtension(format)
        let result = try await ProcessRunner.iamgraph(["export", sample.path, "--format", format, "-o", file.path] + extra)
        try #require(result.status == 0, "iamgraph export: \(result.stderr)")
        return (file, result.stderr)
    }

    /// Node and edge counts of `render --format json` for the same view.
    static func graphJSONCounts(_ sample: URL) async throws -> (nodes: Int, edges: Int) {
        let result = try await ProcessRunner.iamgraph(["render", sample.path, "--format", "json", "--full"])
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return ((object["nodes"] as? [Any])?.count ?? -1, (object["edges"] as? [Any])?.count ?? -1)
    }

    @Test(arguments: samples)
    func networkxReadsTheGraphMLWithTheGraphJSONsCounts(sample: URL) async throws {
        let file = try await Self.export(sample, "graphml").file
        let seen = try await Self.check(["graphml", file.path])
        let expected = try await Self.graphJSONCounts(sample)
        #expect(seen["nodes"] as? Int == expected.nodes)
        #expect(seen["edges"] as? Int == expected.edges)
        #expect((seen["kinds"] as? [String])?.contains("user") == true)
    }

    @Test(arguments: samples)
    func bhopengraphValidatesTheOpenGraph(sample: URL) async throws {
        let file = try await Self.export(sample, "opengraph").file
        let seen = try await Self.check(["opengraph", file.path])
        #expect(seen["problems"] as? [String] == [])
        #expect(seen["source_kind"] as? String == "IBMCloud")
        let expected = try await Self.graphJSONCounts(sample)
        #expect(seen["nodes"] as? Int == expected.nodes)
        #expect(seen["edges"] as? Int == expected.edges)
        let edgeKinds = Set(seen["edge_kinds"] as? [String] ?? [])
        #expect(edgeKinds.isSuperset(of: ["IBM_MemberOf", "IBM_Grants"]))
        let nodeKinds = Set(seen["node_kinds"] as? [String] ?? [])
        #expect(nodeKinds.isSuperset(of: ["IBM_User", "IBM_ServiceID", "IBM_AccessGroup"]))
    }

    /// The seed questions of docs/exports.md, run by Python's sqlite3, answer what `iamgraph report` finds.
    @Test(arguments: samples)
    func seedQueriesAnswerWhatTheReportFinds(sample: URL) async throws {
        let file = try await Self.export(sample, "sqlite").file
        let seen = try await Self.check(["sqlite", file.path, Samples.repository.appendingPathComponent("docs/exports.md").path])
        let tables = Set(seen["tables"] as? [String] ?? [])
        #expect(tables.isSuperset(of: CollectionKind.allCases.map(\.rawValue)))
        #expect(tables.isSuperset(of: ["effective_access", "findings", "finding_entities", "meta"]))

        let seeds = try #require(seen["seeds"] as? [String: [String]])
        #expect(seeds.count == 4)
        let account = try AccountLoader.load(directory: sample).account
        let report = FindingsReport(AccessIndex(account))
        for (key, answer) in seeds {
            let parts = key.split(separator: " ").map(String.init)
            let rule = try #require(RuleID(rawValue: parts[0]))
            let kind = try #require(FindingEntity.Kind(rawValue: parts[1]))
            let found = Set(report.findings.filter { $0.rule == rule }.flatMap(\.entities).filter { $0.kind == kind }.map(\.id))
            #expect(Set(answer) == found, "\(key)")
            #expect(!found.isEmpty || sample == Samples.enterprise, "the demo has findings of \(key)")
        }
    }

    @Test func mermaidOfTheEnterpriseFitsMermaidsLimitAndSaysItWasAggregated() async throws {
        // Instances and resource groups, with a budget Mermaid cannot hold: the view is aggregated further until it fits.
        let (file, stderr) = try await Self.export(Samples.enterprise, "mermaid",
                                                   ["--include", "service_instance", "resource_group", "--max-nodes", "3000"])
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("flowchart LR\n"))
        #expect(text.utf16.count <= 50_000)
        #expect(stderr.contains("to fit Mermaid's default 50000-character limit"))
    }

    /// With --escalation the escalation steps are traversable OpenGraph edges (issue 14's primitives), still valid.
    @Test func escalationStepsAreOpenGraphEdges() async throws {
        let file = try await Self.export(Samples.demo, "opengraph", ["--escalation"]).file
        let seen = try await Self.check(["opengraph", file.path])
        #expect(seen["problems"] as? [String] == [])
        #expect((seen["edge_kinds"] as? [String])?.contains("IBM_EscalatesTo") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let edges = try #require((object["graph"] as? [String: Any])?["edges"] as? [[String: Any]])
        let primitives = Set(edges.filter { $0["kind"] as? String == "IBM_EscalatesTo" }
            .compactMap { ($0["properties"] as? [String: Any])?["primitive"] as? String })
        #expect(!primitives.isEmpty)
    }

    /// The OpenGraph check is not vacuous: what BloodHound's ingest schema or its namespacing refuses is reported.
    @Test func theOpenGraphCheckReportsWhatBloodHoundRefuses() async throws {
        let file = TemporaryDirectory.removedAtExit("bad-opengraph").appendingPathExtension("json")
        try Data("""
            {"metadata": {"source_kind": "IBMCloud", "version": 1}, "graph": {
              "nodes": [{"id": "a", "kinds": ["IBMUser", "IBMCloud"], "properties": {"name": "a"}},
                        {"id": "b", "kinds": ["IBM_AccessGroup", "IBMCloud"], "properties": {"name": "b"}}],
              "edges": [{"kind": "IBM-MemberOf", "start": {"value": "a", "match_by": "id"},
                         "end": {"value": "b", "match_by": "id"}, "properties": {}}]}}
            """.utf8).write(to: file)
        let problems = try await Self.check(["opengraph", file.path])["problems"] as? [String] ?? []
        #expect(problems.contains("metadata has keys other than source_kind"))
        #expect(problems.contains { $0.hasPrefix("node 'a': kinds ['IBMUser', 'IBMCloud'] are not all IBM_Name") })
        #expect(problems.contains { $0.hasPrefix("edge kind 'IBM-MemberOf' is not IBM_Name") })
        #expect(!problems.contains { $0.hasPrefix("node 'b'") })
    }

    @Test(arguments: ["graphml", "opengraph", "mermaid", "sqlite"])
    func redactedExportsNameNoOne(format: String) async throws {
        let file = try await Self.export(Samples.demo, format, ["--redact"]).file
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(!text.contains("sofia.alvarez@acme.example.com"))
        #expect(!text.contains("Alvarez"))
        // The graph formats also replace IAM ids (as render --redact does); the snapshot's redaction, which SQLite
        // writes, keeps ids, as report --redact does.
        if format != "sqlite" { #expect(!text.contains(DemoIDs.sofia)) }
    }

    @Test func exportNeedsAFormatItCanTell() async throws {
        let result = try await ProcessRunner.iamgraph(["export", Samples.demo.path, "-o", "out.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot tell the format"))
    }
}
