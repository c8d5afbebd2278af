import FakeCloud
@testable import Fetch
import Foundation
import Testing
import Snapshot

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

    /// Versions the credentials may not list: the collection is forbidden, never an empty one.
    @Test func forbiddenPolicyTemplateVersionsAreUnknown() async throws {
        let (report, files, _) = try await fetch(Faults(forbidden: [.policyTemplateVersions]))
        #expect(report.manifest.collections["policy_template_versions"]?.status == .forbidden)
        #expect(files["policy-template-versions.json"] == nil)
    }
}
