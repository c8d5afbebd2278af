import Foundation
@testable import Model
import Snapshot
import Testing
import TestSupport

/// Enterprise-managed IAM: the template collections load, and what a template manages is marked with the template's
/// id and version (samples/demo/SEEDS.md, "Enterprise-managed IAM").
@Suite struct TemplateManagementTests {
    static let supportTemplate = "AccessGroupTemplateId-6d1f3a2e-0b4c-4e59-8a7d-2f1e0c9b8a71"
    static let profileTemplate = "ProfileTemplate-1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"
    static let settingsTemplate = "AccountSettingsTemplate-6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e"
    static let supportPolicyTemplate = "policyTemplate-2b7e151c-28ae-4d2a-a6f7-15881aba7c4f"
    static let logsPolicyTemplate = "policyTemplate-5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716"
    static let supportPolicy = "f6427bbc-4704-4347-b57a-d7a85e1e3723"
    static let logsPolicy = "1b3d3740-14d0-4338-bcc1-5f5d6a514846"
    static let federatedProfile = "Profile-5f9cfc1d-a71d-4bd4-80ba-734232c1e990"

    @Test func demoLoadsTheTemplateCollections() throws {
        let account = try DemoSample.account()
        #expect(account.accessGroupTemplates.map(\.id).count == 2)
        #expect(account.accessGroupTemplates.first { $0.id == Self.supportTemplate }?.entityName == "Support Staff")
        #expect(account.accessGroupAssignments.count == 3)
        #expect(account.trustedProfileTemplates.first?.version == "1")  // a number in IAM Identity's answer
        #expect(account.trustedProfileAssignments.first?.templateVersion == "1")
        #expect(account.accountSettingsAssignments.first?.templateVersion == "2")
        #expect(account.policyTemplateVersions[Self.supportPolicyTemplate]?.compactMap(\.version) == ["1", "2"])
        #expect(account.policyTemplateVersions[Self.logsPolicyTemplate]?.count == 1)
    }

    /// Support Staff, federated-developers, two policies and the settings; Auditors' assignment was superseded and the
    /// assignment to an account group targets other accounts: neither marks anything.
    @Test func demoMarksWhatTemplatesManage() throws {
        let marks = try DemoSample.account().templateManagement
        #expect(marks.groups == [DemoIDs.supportStaff: TemplateMark(
            templateID: Self.supportTemplate, templateName: "Support Staff (enterprise)", version: "1",
            assignmentID: "AccessGroupAssignment-3c2b1a09-8f7e-4d6c-b5a4-938271605f4e")])
        #expect(marks.groups[DemoIDs.auditors] == nil)
        #expect(marks.profiles[Self.federatedProfile]?.templateID == Self.profileTemplate)
        #expect(marks.profiles[Self.federatedProfile]?.version == "1")
        #expect(marks.profiles.count == 1)
        #expect(marks.policies.mapValues(\.templateID) == [Self.supportPolicy: Self.supportPolicyTemplate,
                                                           Self.logsPolicy: Self.logsPolicyTemplate])
        #expect(marks.policies[Self.supportPolicy]?.version == "2")
        #expect(marks.policies[Self.supportPolicy]?.templateName == "Support cases")
        #expect(marks.settings?.templateID == Self.settingsTemplate)
        #expect(marks.settings?.version == "2")
    }

    /// An assignment marks only when it targets this account itself and has not failed or been superseded.
    @Test func onlyLiveAssignmentsToTheAccountItselfApply() {
        let account = "0123456789abcdef0123456789abcdef"
        func assignment(_ type: String, _ target: String, _ status: String?) -> TemplateAssignment {
            TemplateAssignment(id: "A", templateID: "T", templateVersion: "1", targetType: type, target: target, status: status)
        }
        #expect(assignment("Account", account, "succeeded").applies(to: account))
        #expect(assignment("Account", account, "in_progress").applies(to: account))
        #expect(!assignment("Account", account, "failed").applies(to: account))
        #expect(!assignment("Account", account, "superseded").applies(to: account))
        #expect(!assignment("AccountGroup", account, "succeeded").applies(to: account))
        #expect(!assignment("Account", "fedcba9876543210fedcba9876543210", "succeeded").applies(to: account))
    }

    /// A profile names its template but its assignment is not listed (a child account may not read assignments):
    /// still marked, its version unknown, and said so.
    @Test func aProfileWhoseAssignmentIsNotListedHasAnUnknownVersion() throws {
        let json = #"{"id":"Profile-1","iam_id":"iam-Profile-1","template_id":"ProfileTemplate-9","assignment_id":"TemplateAssignment-9"}"#
        let profile = try JSONDecoder().decode(TrustedProfile.self, from: Data(json.utf8))
        let account = IAMAccount(accountID: "0123456789abcdef0123456789abcdef", fetchedAt: Timestamp("2026-11-21T00:00:00Z"),
                                 scope: .account, trustedProfiles: [profile])
        let mark = try #require(account.templateManagement.profiles["Profile-1"])
        #expect(mark.version == nil)
        #expect(mark.description == "template ProfileTemplate-9, version unknown")
    }

    /// A template version is a string (Access Groups, Policy Management) or a number (IAM Identity); anything else is
    /// a problem with the item, reported like any field of the wrong type.
    @Test func templateVersionsAreTextOrNumbers() throws {
        let decode = { (json: String) in try JSONDecoder().decode(TemplateAssignment.self, from: Data(json.utf8)) }
        #expect(try decode(#"{"id":"a","template_version":3}"#).templateVersion == "3")
        #expect(try decode(#"{"id":"a","template_version":"3"}"#).templateVersion == "3")
        #expect(throws: DecodingError.self) { try decode(#"{"id":"a","template_version":{"x":1}}"#) }
    }

    /// In a child account the template listings may be forbidden: unknown, never "nothing managed", and the summary
    /// says that more may be managed; the settings' template is still known from the effective identity settings.
    @Test func forbiddenTemplateCollectionsAreUnknown() throws {
        let directory = try TemporaryDirectory.make("forbidden-templates")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        let kinds: Set<CollectionKind> = [.accessGroupTemplates, .accessGroupAssignments, .trustedProfileAssignments,
                                          .accountSettingsTemplates, .accountSettingsAssignments]
        _ = try Resealer(forbidden: kinds).reseal(snapshot)
        let (account, _) = try AccountLoader.load(directory: snapshot)
        for kind in kinds { #expect(!account.isKnown(kind), "\(kind)") }
        let summary = AccountSummary(account)
        #expect(summary.rows.first { $0.label == "access group assignments" }?.count == nil)
        #expect(summary.managedUnknownFrom == [.accessGroupTemplates, .accessGroupAssignments, .trustedProfileAssignments,
                                               .accountSettingsTemplates, .accountSettingsAssignments])
        // The profile and policies still name their templates; the profile's version is no longer known; the
        // settings' template is the one the effective identity settings name (no assignment listed).
        #expect(summary.managed.map(\.what) == ["trusted profile", "account settings", "policies", "policies"])
        #expect(account.templateManagement.profiles[Self.federatedProfile]?.version == nil)
        #expect(account.templateManagement.settings == TemplateMark(templateID: Self.settingsTemplate,
                                                                    templateName: "Acme baseline", version: "2"))
    }

    @Test func summaryListsWhatTemplatesManage() throws {
        let summary = AccountSummary(try DemoSample.account())
        #expect(summary.managedUnknownFrom.isEmpty)
        #expect(summary.managed.map { "\($0.what)|\($0.which)|\($0.template.templateID)|\($0.template.version ?? "?")" } == [
            "access group|Support Staff|\(Self.supportTemplate)|1",
            "trusted profile|federated-developers|\(Self.profileTemplate)|1",
            "account settings||\(Self.settingsTemplate)|2",
            "policies|1 policy|\(Self.supportPolicyTemplate)|2",
            "policies|1 policy|\(Self.logsPolicyTemplate)|1",
        ])
        #expect(summary.rows.first { $0.label == "policy template versions" }.map { "\($0.count ?? -1) \($0.note ?? "")" }
                == "3 2 templates")
    }

    /// `--redact` turns names into pseudonyms; the template's group name becomes the pseudonym of the account's group
    /// of that name, so the group is still marked (by the id its assignment names, and by name in a snapshot without
    /// the assignments' resources), and the real name is gone, from the resources' names and error texts too.
    @Test func redactionKeepsTheGroupMark() throws {
        var snapshot = try SnapshotReader.load(Samples.demo)
        let planted = "Group Support Staff could not be updated: Auditors"
        let resources = try #require(snapshot.files[.accessGroupAssignmentResources])
        let withError = String(decoding: resources, as: UTF8.self).replacingOccurrences(of: #""error" : """#,
                                                                                         with: #""error" : "\#(planted)""#)
        var files = snapshot.takeFiles()
        files[.accessGroupAssignmentResources] = Data(withError.utf8)
        snapshot = LoadedSnapshot(directory: snapshot.directory, manifest: snapshot.manifest, files: files,
                                  unknown: snapshot.unknown, policyUsage: nil, activity: nil, mfa: nil, problems: [])
        #expect(withError.contains(planted))
        let redacted = SnapshotRedaction.redact(snapshot)
        let account = AccountLoader.load(redacted).account
        #expect(account.templateManagement.groups[DemoIDs.supportStaff]?.templateID == Self.supportTemplate)
        #expect(account.templateManagement.groups[DemoIDs.supportStaff]?.inferredByName == false)
        for kind in [CollectionKind.accessGroupTemplates, .accessGroupAssignmentResources] {
            let text = String(decoding: try #require(redacted.files[kind]), as: UTF8.self)
            #expect(!text.contains("Support Staff") && !text.contains("Auditors"), "\(kind)")
        }
        var withoutResources = redacted
        var redactedFiles = withoutResources.takeFiles()
        redactedFiles[.accessGroupAssignmentResources] = nil
        withoutResources = LoadedSnapshot(directory: redacted.directory, manifest: redacted.manifest, files: redactedFiles,
                                          unknown: [.accessGroupAssignmentResources: .notInManifest], policyUsage: nil,
                                          activity: nil, mfa: nil, problems: [])
        let byName = AccountLoader.load(withoutResources).account.templateManagement.groups[DemoIDs.supportStaff]
        #expect(byName?.templateID == Self.supportTemplate && byName?.inferredByName == true)
    }
}
