import Foundation
import GraphValues
import Testing
@testable import Graph
import Model
import TestSupport

/// Grants on what context-based restrictions protect, on the map (issue 15 item 7): flagged `network-restricted`
/// when an enforced rule protects the whole target, every rule in words in `network_restriction`.
@Suite struct NetworkMarkTests {
    static let kmsTarget = "target:serviceInstance=\(DemoIDs.kmsInstance),serviceName=kms"

    @Test func aGrantOnAnInstanceAnEnforcedRuleProtectsIsNetworkRestricted() throws {
        let graph = try AccessMap.build(Demo.account, options: ViewOptions())
        let group = try "access_group:" + Demo.group(named: "Data Engineers").id
        let edge = try #require(graph.edges.first { $0.source == group && $0.target == Self.kmsTarget })
        #expect(edge.flags.contains(.networkRestricted))
        #expect(edge.attributes["network_restriction"] == "enforced: only from office-network, ci-runners (CBR rule "
                + "c3e5a7b9d1f2a4b6c8d0e2f4a6b8c0d2, key-protect-prod only from the office and CI)")
        #expect(graph.node(Self.kmsTarget)?.attributes["network_restriction"] == edge.attributes["network_restriction"])
    }

    @Test func partAndReportOnlyAreWordedButNotFlagged() throws {
        let graph = try AccessMap.build(Demo.account, options: ViewOptions())
        let admins = try "access_group:" + Demo.group(named: "Admins").id
        let prod = try #require(graph.edges.first { $0.source == admins && $0.target == "target:resourceGroupId=\(DemoIDs.prodResourceGroup)" })
        #expect(!prod.flags.contains(.networkRestricted))
        let text = try #require(prod.attributes["network_restriction"])
        #expect(text.hasPrefix("enforced on part of it: only from office-network, ci-runners (CBR rule c3e5a7b9"))
        #expect(text.contains("; report-only (not enforced), on part of it: only from office-network (CBR rule d4f6b8c0"))
        // The only flagged edges are the two grants on key-protect-prod (Data Engineers, and cos's authorization).
        #expect(graph.edges.filter { $0.flags.contains(.networkRestricted) }.map(\.target) == [Self.kmsTarget, Self.kmsTarget])
    }

    @Test func thePolicyViewMarksTheAppliesToEdge() throws {
        let graph = try AccessMap.build(Demo.account, options: ViewOptions(showPolicies: true))
        let applies = graph.edges.filter { $0.kind == .appliesTo && $0.target == Self.kmsTarget }
        #expect(!applies.isEmpty)
        #expect(applies.allSatisfy { $0.flags.contains(.networkRestricted) && $0.attributes["network_restriction"] != nil })
        // Policy nodes carry no mark of their own: it belongs to what they apply to.
        #expect(graph.nodes.allSatisfy { !$0.flags.contains(.networkRestricted) })
    }

    @Test func aMergedEdgeIsRestrictedOnlyWhenEveryGrantWas() {
        let restricted = Edge(source: "a", target: "t", kind: .grants, attributes: ["network_restriction": "enforced: x"],
                              flags: [.networkRestricted, .privileged])
        let open = Edge(source: "b", target: "t", kind: .grants)
        var merged = restricted
        NetworkMark.merge(open, into: &merged)
        #expect(merged.flags == [.privileged])
        #expect(merged.attributes["network_restriction"] == NetworkMark.varies + "enforced: x")
        NetworkMark.merge(restricted, into: &merged)
        #expect(merged.attributes["network_restriction"] == NetworkMark.varies + "enforced: x")

        var both = restricted
        NetworkMark.merge(restricted, into: &both)
        #expect(both == restricted)
    }
}
