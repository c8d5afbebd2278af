import FakeCloud
@testable import Fetch
import Foundation
import Model
import Testing
import Snapshot
import TestSupport

extension FetchSuites.FaultTests {
    static let supportPolicyTemplate = "policyTemplate-2b7e151c-28ae-4d2a-a6f7-15881aba7c4f"
    static let logsPolicyTemplate = "policyTemplate-5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716"

    /// The versions of every policy template the demo refers to are listed once per template, after the collections
    /// that refer to them.
    @Test func policyTemplateVersionsAreListedPerReferencedTemplate() async throws {
        let (report, _, counters) = try await fetch(Faults())
        let entry = try #require(report.manifest.collections["policy_template_versions"])
        #expect(entry.status == .ok && entry.items == 3 && entry.pages == 2 && entry.message == nil)
        for template in [Self.supportPolicyTemplate, Self.logsPolicyTemplate] {
            #expect(counters.count("/v1/policy_templates/\(template)/versions") == 1, "\(template)")
        }
    }

    /// A child account's credentials may not read the enterprise's templates and assignments: those are forbidden
    /// (unknown), the fetch goes on, and the versions of the templates its policies name are still listed, with a
    /// remark that templates named by the unread collections may be missing.
    @Test func childAccountWithoutTemplateAccess() async throws {
        let forbidden: Set<CollectionKind> = [.policyAssignments, .accessGroupTemplates, .accessGroupAssignments,
                                              .trustedProfileTemplates, .trustedProfileAssignments,
                                              .accountSettingsTemplates, .accountSettingsAssignments]
        let (report, files, _) = try await fetch(Faults(forbidden: forbidden))
        // The assignments' resources cannot be asked for without the assignments: unknown too, never empty.
        #expect(Set(report.incomplete.map(\.name)) == Set(forbidden.map(\.name) + ["access_group_assignment_resources"]))
        for kind in forbidden {
            #expect(report.manifest.collections[kind.name]?.status == .forbidden, "\(kind)")
            #expect(files[kind.fileName] == nil, "\(kind)")
        }
        let resources = try #require(report.manifest.collections["access_group_assignment_resources"])
        #expect(resources.status == .failed && resources.message == "not fetched: access_group_assignments is forbidden")
        #expect(files["access-group-assignment-resources.json"] == nil)
        let entry = try #require(report.manifest.collections["policy_template_versions"])
        #expect(entry.status == .ok)
        #expect(entry.message == "templates named by access_group_templates, policy_assignments, trusted_profile_templates (not read) may be missing")
        let file = try #require(files["policy-template-versions.json"])
        let versions = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        #expect(Set(versions.keys) == [Self.supportPolicyTemplate, Self.logsPolicyTemplate])
    }

    static let supportAssignment = "AccessGroupAssignment-3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
    static let auditAssignment = "AccessGroupAssignment-7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"
    static let elsewhereAssignment = "AccessGroupAssignment-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"

    /// Each access group assignment to the account itself (the succeeded one and the superseded one) is asked for
    /// once, with `verbose=true`, for what it created here; the assignment to an account group is not (what it created
    /// is in other accounts).
    @Test func assignmentResourcesAreAskedForPerAssignmentToTheAccount() async throws {
        let (report, files, counters) = try await fetch(Faults())
        let entry = try #require(report.manifest.collections["access_group_assignment_resources"])
        #expect(entry.status == .ok && entry.items == 2 && entry.pages == 2 && entry.message == nil)
        #expect(entry.endpoint == "/v1/group_assignments/{assignment}" && entry.query == "verbose=true")
        #expect(counters.count("/v1/group_assignments/\(Self.supportAssignment)") == 1)
        #expect(counters.count("/v1/group_assignments/\(Self.auditAssignment)") == 1)
        #expect(counters.count("/v1/group_assignments/\(Self.elsewhereAssignment)") == 0)
        let file = "access-group-assignment-resources.json"
        #expect(files[file] == (try FetchHarness.fetchedData())[file])
    }

    /// An assignment answered without `resources` (the API leaves the key out when there are none, e.g. while it
    /// runs) has none: the collection is read, not failed.
    @Test func anAssignmentAnsweredWithoutResourcesHasNone() async throws {
        let snapshot = try FetchHarness.copy()
        defer { try? FileManager.default.removeItem(at: snapshot.deletingLastPathComponent()) }
        let kind = CollectionKind.accessGroupAssignmentResources
        let url = snapshot.appendingPathComponent(kind.fileName)
        var resources = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        resources[Self.auditAssignment] = nil
        try JSONSerialization.data(withJSONObject: resources).write(to: url)
        _ = try Resealer().reseal(snapshot)
        let output = FetchHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try await FetchHarness.withCloud(snapshot) { cloud in
            try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: FetchHarness.options(cloud))
                .fetch(into: output)
        }
        let entry = try #require(report.manifest.collections[kind.name])
        #expect(entry.status == .ok && entry.items == 1)
        let fetched = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(kind.fileName)))
        let byAssignment = try #require(fetched as? [String: [Any]])
        #expect(byAssignment[Self.auditAssignment]?.isEmpty == true)
        #expect(byAssignment[Self.supportAssignment]?.count == 1)
    }

    /// One assignment that cannot be read (deleted between the listing and its read) is left out of the collection,
    /// which is read and says so in its remark: only that assignment's group is marked by name, and the groups of
    /// the others keep their marks by id.
    @Test func oneUnreadAssignmentIsLeftOutAlone() async throws {
        let output = FetchHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try await FetchHarness.withCloud(faults: Faults(vanishedParents: [Self.supportAssignment])) { cloud in
            try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: FetchHarness.options(cloud))
                .fetch(into: output)
        }
        let kind = CollectionKind.accessGroupAssignmentResources
        let entry = try #require(report.manifest.collections[kind.name])
        #expect(report.incomplete.isEmpty)
        #expect(entry.status == .ok && entry.pages == 1)
        #expect(entry.message == "not read for 1 of 2 access_group_assignments items, which are left out (unknown, not "
                + "empty): \"\(Self.supportAssignment)\" (failed, HTTP 404)")
        let fetched = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(kind.fileName)))
        let byAssignment = try #require(fetched as? [String: [Any]])
        #expect(byAssignment.keys.sorted() == [Self.auditAssignment])

        let (account, _) = try AccountLoader.load(directory: output)
        #expect(account.isKnown(kind))
        let mark = try #require(account.templateManagement.groups[DemoIDs.supportStaff])
        #expect(mark.assignmentID == Self.supportAssignment && mark.inferredByName)
    }

    /// When no assignment can be read, nothing is known of their resources: the collection fails, never empty.
    @Test func noAssignmentReadFailsTheCollection() async throws {
        let faults = Faults(vanishedParents: [Self.supportAssignment, Self.auditAssignment])
        let (report, files, _) = try await fetch(faults)
        let entry = try #require(report.manifest.collections["access_group_assignment_resources"])
        #expect(entry.status == .failed && entry.httpStatus == 404)
        #expect(files["access-group-assignment-resources.json"] == nil)
    }

    /// A per-parent collection whose missing parent would read as "none" (a group's members) still fails whole when
    /// one parent's read fails: an empty member list must never stand for an unread one.
    @Test func oneUnreadGroupStillFailsItsMembers() async throws {
        let (report, files, _) = try await fetch(Faults(vanishedParents: [DemoIDs.supportStaff]))
        for name in ["access_group_members", "access_group_rules"] {
            #expect(report.manifest.collections[name]?.status == .failed, "\(name)")
        }
        #expect(files["access-group-members.json"] == nil)
    }

    /// Resources the credentials may not read are unknown, never empty (the groups are then marked by name).
    @Test func forbiddenAssignmentResourcesAreUnknown() async throws {
        let (report, files, _) = try await fetch(Faults(forbidden: [.accessGroupAssignmentResources]))
        #expect(report.manifest.collections["access_group_assignment_resources"]?.status == .forbidden)
        #expect(report.manifest.collections["access_group_assignments"]?.status == .ok)
        #expect(files["access-group-assignment-resources.json"] == nil)
    }

    /// Versions the credentials may not list: the collection is forbidden, never an empty one.
    @Test func forbiddenPolicyTemplateVersionsAreUnknown() async throws {
        let (report, files, _) = try await fetch(Faults(forbidden: [.policyTemplateVersions]))
        #expect(report.manifest.collections["policy_template_versions"]?.status == .forbidden)
        #expect(files["policy-template-versions.json"] == nil)
    }
}
