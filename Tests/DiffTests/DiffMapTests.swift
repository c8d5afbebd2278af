import Analysis
import Foundation
import Graph
import GraphValues
import Model
import Render
import Snapshot
import Testing

@Suite struct DiffMapTests {
    static func map(_ pair: DemoPair) throws -> AccessGraph {
        let old = try DemoPair.load(pair.old), new = try DemoPair.load(pair.new)
        return try DiffMap.build(old: old, new: new, title: "changes")
    }

    @Test func changesAreMarkedAndTheirNeighboursFaded() throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        let graph = try Self.map(pair)
        let developers = "access_group:\(DemoPair.developers)"

        let membership = try #require(graph.edges.first { $0.source == "user:\(DemoPair.sofia)" && $0.target == developers })
        #expect(membership.flags.contains(.removed))
        #expect(graph.node("service_instance:\(DemoPair.deletedInstance)")?.flags.contains(.removed) == true)
        let lena = try #require(graph.edges.first { $0.source == "user:\(DemoPair.lena)" && $0.kind == .grants })
        #expect(lena.flags.contains(.added))
        #expect(graph.node(lena.target)?.flags.contains(.added) == true)
        // The role added to Developers' sandbox policy: the old edge removed, the new one added.
        let sandbox = graph.edges.filter { $0.source == developers && $0.attributes["policies"] == DemoPair.sandboxPolicy }
        #expect(Set(sandbox.map(\.label)) == ["Editor, Writer", "Manager + 2 more"])
        #expect(Set(sandbox.compactMap { $0.attributes["roles"] }) == ["Editor, Writer", "Manager, Editor, Writer"])
        #expect(sandbox.allSatisfy { $0.flags.contains($0.label.contains("Manager") ? .added : .removed) })

        // Developers changed (a member less) but is neither added nor removed; its other members are context.
        #expect(graph.node(developers)?.flags.isDisjoint(with: [.added, .removed, .context]) == true)
        #expect(graph.node("user:IBMid-270007BN2P")?.flags.contains(.context) == true)
        // Unrelated parts of the account are left out.
        #expect(graph.node("access_group:AccessGroupId-b02c743c-4a1e-4643-9e19-484ee4b1a9f0") == nil)
    }

    @Test func rendersWithTheChangeStyles() throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        let graph = try Self.map(pair)
        let dot = try GraphvizRenderer.render(graph, format: .dot)
        let text = String(decoding: dot, as: UTF8.self)
        #expect(text.contains("#228833"))
        #expect(text.contains("#CC3311"))
        #expect(text.contains("green border: added"))
        #expect(GraphvizRenderer.parsesBack(dot: dot)?.nodes == graph.nodes.count)
    }

    /// Issue 13: a user who only leaves (or enters) the drawn view — here Lena leaves every group — is a changed
    /// user, not a removed (or added) one; only her memberships are removed (added).
    @Test func aUserLeavingTheViewIsNeitherRemovedNorAdded() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try DemoPair.editJSON(pair.new, CollectionKind.accessGroupMembers.fileName) { (groups: inout [String: Any]) in
            for (group, members) in groups {
                groups[group] = (members as! [[String: Any]]).filter { $0["iam_id"] as? String != DemoPair.lena }
            }
        }
        try Resealer(fetchedAt: DemoPair.newFetchedAt).reseal(pair.new)
        let old = try DemoPair.load(pair.old), new = try DemoPair.load(pair.new)
        let lena = "user:\(DemoPair.lena)"
        for (graph, change) in [(try DiffMap.build(old: old, new: new, title: "left"), Flags.removed),
                                (try DiffMap.build(old: new, new: old, title: "joined"), Flags.added)] {
            let node = try #require(graph.node(lena))
            #expect(node.flags.isDisjoint(with: [.added, .removed, .context]))
            let memberships = graph.edges.filter { $0.source == lena && $0.kind == .memberOf }
            #expect(!memberships.isEmpty && memberships.allSatisfy { $0.flags.contains(change) })
        }
    }

    /// Issue 13: a new Administrator grant is a privileged gain, on the edge and on the identity that gained it;
    /// an ordinary gain (a membership) is not.
    @Test func privilegedGainsStandOut() throws {
        let pair = try DemoPair()
        defer { pair.remove() }
        let graph = try Self.map(pair)
        let lena = "user:\(DemoPair.lena)"
        let grant = try #require(graph.edges.first { $0.source == lena && $0.kind == .grants })
        #expect(grant.flags.isSuperset(of: [.added, .privilegedGain]))
        #expect(graph.node(lena)?.flags.contains(.privilegedGain) == true)
        #expect(!graph.edges.contains { $0.kind == .memberOf && $0.flags.contains(.privilegedGain) })
        let text = String(decoding: try GraphvizRenderer.render(graph, format: .dot), as: UTF8.self)
        #expect(text.contains("gained privileged access"))
    }

    @Test func identicalSnapshotsGiveAnEmptyMap() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        let graph = try Self.map(pair)
        #expect(graph.nodes.isEmpty && graph.edges.isEmpty)
    }
}
