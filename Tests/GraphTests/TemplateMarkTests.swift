import Foundation
import GraphValues
import Testing
@testable import Graph
import Model
import TestSupport

/// What an enterprise template manages carries the template's id, version and name as node attributes: in the graph
/// JSON, the tooltips and the HTML explorer's details (samples/demo/SEEDS.md).
@Suite struct TemplateMarkTests {
    static let supportTemplate = "AccessGroupTemplateId-6d1f3a2e-0b4c-4e59-8a7d-2f1e0c9b8a71"

    @Test func managedGroupsProfilesAndPoliciesCarryTheirTemplate() throws {
        let graph = try AccessMap.build(Demo.account, options: ViewOptions(showPolicies: true))
        let group = try #require(graph.node("access_group:\(DemoIDs.supportStaff)"))
        #expect(group.attributes["template_id"] == Self.supportTemplate)
        #expect(group.attributes["template_version"] == "1")
        #expect(group.attributes["template_name"] == "Support Staff (enterprise)")
        let profile = try #require(graph.node("trusted_profile:\(DemoIDs.federatedProfile)"))
        #expect(profile.attributes["template_id"] == "ProfileTemplate-1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b")
        let policy = try #require(graph.node("policy:f6427bbc-4704-4347-b57a-d7a85e1e3723"))
        #expect(policy.attributes["template_version"] == "2")
        // Auditors' assignment was superseded: not managed.
        #expect(graph.node("access_group:\(DemoIDs.auditors)")?.attributes["template_id"] == nil)
        #expect(graph.nodes.filter { $0.attributes["template_id"] != nil }.count == 4)
    }

    /// The map's redaction of identities keeps the template marks (template ids and pseudonymous template names).
    @Test func redactionKeepsTheMarksOfIdentities() throws {
        let graph = try AccessMap.build(Demo.account, options: ViewOptions())
        let redacted = try Redaction(accountID: Demo.account.accountID, accountName: Demo.account.info?.name).apply(to: graph)
        let profile = try #require(redacted.nodes.first { $0.kind == .trustedProfile && $0.attributes["template_id"] != nil })
        #expect(profile.attributes["template_version"] == "1")
        #expect(profile.attributes["iam_id"]?.hasPrefix("profile-") == true)
    }
}
