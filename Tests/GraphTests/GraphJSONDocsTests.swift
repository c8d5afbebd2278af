import Foundation
import Testing
@testable import Graph
import GraphValues
import Model
import Reports
import TestSupport

/// docs/graph-json.md lists every attribute `render --format json` writes, per node and edge kind.
@Suite struct GraphJSONDocsTests {
    /// The documented attributes: the backticked names of a table's attribute column, by the row's kind; aggregated
    /// nodes under `aggregate`.
    static func documented(section: String, column: Int) throws -> [String: Set<String>] {
        let text = try String(contentsOf: Samples.repository.appendingPathComponent("docs/graph-json.md"), encoding: .utf8)
        let body = try #require(text.components(separatedBy: "\n## \(section)\n").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        var result: [String: Set<String>] = [:]
        for line in body.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| kind") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > column + 1 else { continue }
            let kind = cells[1].contains("aggregate") ? "aggregate" : cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            // Backticked names, without the values given in parentheses: "`type` (`access`/`authorization`)".
            let withoutValues = cells[column + 1].replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            let names = withoutValues.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            result[kind] = Set(names)
        }
        return result
    }

    /// What `render` writes for the samples in several views: attribute names by node kind (`aggregate` for
    /// aggregated nodes) and by edge kind.
    static func emitted() throws -> (nodes: [String: Set<String>], edges: [String: Set<String>]) {
        let enterprise = try AccountLoader.load(directory: Samples.enterprise).account
        let views: [ViewOptions] = [
            ViewOptions(), ViewOptions(showPolicies: true), ViewOptions(maxNodes: nil), ViewOptions(showPolicies: true, maxNodes: nil),
            ViewOptions(include: Set(NodeKind.allCases), maxNodes: nil), ViewOptions(maxNodes: 10),
            ViewOptions(focus: .identity(DemoIDs.sofia), include: Set(NodeKind.allCases)),
            ViewOptions(focus: .resource(DemoIDs.kmsInstance), showPolicies: true),
            ViewOptions(focus: .identity("IBMid-NOT-IN-THE-SNAPSHOT")),
        ]
        var nodes: [String: Set<String>] = [:], edges: [String: Set<String>] = [:]
        for account in [try Demo.account, enterprise] {
            for options in views {
                guard let graph = try? AccessMap.build(account, options: options) else { continue }
                let data = try GraphJSON.data(graph, account: account, options: options)
                let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                for node in document["nodes"] as? [[String: Any]] ?? [] {
                    let flags = node["flags"] as? [String] ?? []
                    let kind = flags.contains("aggregate") ? "aggregate" : node["kind"] as? String ?? "?"
                    nodes[kind, default: []].formUnion((node["attributes"] as? [String: String] ?? [:]).keys)
                }
                for edge in document["edges"] as? [[String: Any]] ?? [] {
                    edges[edge["kind"] as? String ?? "?", default: []].formUnion((edge["attributes"] as? [String: String] ?? [:]).keys)
                }
            }
        }
        return (nodes, edges)
    }

    @Test func everyEmittedAttributeIsDocumented() throws {
        let (nodes, edges) = try Self.emitted()
        let documentedNodes = try Self.documented(section: "Nodes", column: 2)
        let documentedEdges = try Self.documented(section: "Edges", column: 3)
        #expect(Set(documentedNodes.keys) == Set(NodeKind.allCases.map(\.rawValue) + ["aggregate"]))
        #expect(nodes.count >= 12 && edges.count >= 6)
        for (kind, attributes) in nodes {
            let missing = attributes.subtracting(documentedNodes[kind] ?? [])
            #expect(missing.isEmpty, "docs/graph-json.md lacks \(kind) attributes \(missing.sorted())")
        }
        for (kind, attributes) in edges {
            let missing = attributes.subtracting(documentedEdges[kind] ?? [])
            #expect(missing.isEmpty, "docs/graph-json.md lacks \(kind) edge attributes \(missing.sorted())")
        }
    }
}
