import Foundation
import GraphValues
import Testing
@testable import Graph
import Model
import Snapshot
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

    /// A group marked by the id its assignment names carries no inference; in a snapshot without the assignments'
    /// resources the group is marked by its name, and its node says so (`template_inferred_from`).
    @Test func aGroupMarkedByNameSaysSo() throws {
        let group = "access_group:\(DemoIDs.supportStaff)"
        let byID = try AccessMap.build(Demo.account, options: ViewOptions())
        #expect(byID.node(group)?.attributes["template_inferred_from"] == nil)
        var snapshot = try SnapshotReader.load(Samples.demo)
        var files = snapshot.takeFiles()
        files[.accessGroupAssignmentResources] = nil
        var unknown = snapshot.unknown
        unknown[.accessGroupAssignmentResources] = .notInManifest
        let older = LoadedSnapshot(directory: snapshot.directory, manifest: snapshot.manifest, files: files, unknown: unknown,
                                   policyUsage: snapshot.policyUsage, activity: nil, mfa: nil, problems: [])
        let byName = try AccessMap.build(AccountLoader.load(older).account, options: ViewOptions())
        let node = try #require(byName.node(group))
        #expect(node.attributes["template_id"] == Self.supportTemplate)
        #expect(node.attributes["template_inferred_from"] == "group name")
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
