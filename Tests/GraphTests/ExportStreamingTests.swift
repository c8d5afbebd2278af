import Foundation
import Testing
@testable import Graph
@testable import Model
@testable import Reports
import GraphValues
import TestSupport

/// The GraphML and OpenGraph exports are written a block at a time, in the bytes of the writers they replaced:
/// `FoundationGraphML` (libxml2's pretty-printed tree) and `EncoderOpenGraph` (the whole document encoded at once).
@Suite struct ExportStreamingTests {
    @Test(arguments: [false, true])
    func hostileOpenGraphGivesTheEncodersBytes(policies: Bool) throws {
        let graph = try HostileExportTests.graph(policies: policies)
        #expect(try OpenGraphJSON.data(graph) == EncoderOpenGraph.data(graph))
    }

    @Test(arguments: ["demo", "enterprise"])
    func everySampleGivesTheEncodersOpenGraphBytes(sample: String) throws {
        let account = try AccountLoader.load(directory: sample == "demo" ? Samples.demo : Samples.enterprise).account
        for options in [ViewOptions(maxNodes: nil), ViewOptions(showPolicies: true, maxNodes: nil), ViewOptions(),
                        ViewOptions(maxNodes: nil, escalation: true)] {
            let graph = try AccessMap.build(account, options: options)
            #expect(try OpenGraphJSON.data(graph) == EncoderOpenGraph.data(graph))
        }
    }

    /// A view of 20,000 users in one group: both documents run to several megabytes and reach the sink in blocks of
    /// about a megabyte, which put together are the whole document.
    @Test func bigExportsReachTheSinkInBlocks() throws {
        let users = (0..<20_000).map { index in
            Node(id: "user:IBMid-\(index)", kind: .user, label: "User \(index) <\"hostile\">",
                 attributes: ["email": "user\(index)@example.com"])
        }
        let group = Node(id: "access_group:AccessGroupId-big", kind: .accessGroup, label: "Everyone")
        let graph = AccessGraph(title: "big", nodes: users + [group],
                                edges: users.map { Edge(source: $0.id, target: group.id, kind: .memberOf, label: "member") })
        for (name, write) in [("graphml", GraphMLDocument.write), ("opengraph", OpenGraphJSON.write)] {
            var blocks: [Data] = []
            try write(graph) { blocks.append($0) }
            let whole = blocks.reduce(into: Data()) { $0.append($1) }
            #expect(whole.count > 4 << 20, "\(name) is big enough to need several blocks")
            #expect(blocks.count >= whole.count >> 20, "\(name)")
            #expect(blocks.allSatisfy { $0.count < 3 << 19 }, "\(name): no block much over a megabyte")
            let expected = name == "graphml" ? try GraphMLDocument.data(graph) : try EncoderOpenGraph.data(graph)
            #expect(whole == expected, "\(name)")
        }
    }
}
