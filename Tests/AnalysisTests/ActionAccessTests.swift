import Analysis
import Model
import Testing
import TestSupport

/// `access --action` on samples/demo: who can perform an action, by role actions kept per service.
@Suite struct ActionAccessTests {
    @Test func whoCanAddMembersToAccessGroups() throws {
        let grants = try Array(ActionAccess.reach(of: "iam-groups.members.add", in: DemoAccount.index).grants)
        #expect(Set(grants.map(\.iamID)) == [DemoIDs.kenji, DemoIDs.marcus, DemoIDs.priya, DemoIDs.owner,
                                             DemoIDs.workloadProfile, DemoIDs.breakGlass, DemoIDs.backupAgent])
        // The decoy holds Viewer on all access groups: its iam-groups listing has no members.add.
        #expect(!grants.contains { $0.iamID == DemoIDs.tomas })
        let kenji = try #require(grants.first { $0.iamID == DemoIDs.kenji })
        #expect(kenji.answer == .yes && kenji.policy.id == DemoIDs.manageAdminsPolicy)
        #expect(kenji.path == [.accessGroup(id: DemoIDs.accessManagers, name: "Access Managers", dynamicRule: nil)])
        // A policy on a resource group cannot grant an account management action, whatever its roles.
        #expect(!grants.contains { $0.policy.id == DemoIDs.sandboxPolicy })
    }

    @Test func wildcardsOnOneInstanceAndUnknownActions() throws {
        let kms = try DemoAccount.instance(DemoIDs.kmsInstance)
        let grants = try Array(ActionAccess.reach(of: "kms.secrets.*", on: kms, in: DemoAccount.index).grants)
        // Key Rotator, a custom role, lists kms.secrets.rotate.
        #expect(grants.contains { $0.iamID == DemoIDs.kenji && $0.roleCRN.hasSuffix("customRole:KeyRotator") && $0.answer == .yes })
        // Administrator's listing names no kms action: unknown, not no; Manager's lists kms.secrets.delete.
        let owner = grants.filter { $0.iamID == DemoIDs.owner }
        #expect(owner.contains { $0.roleCRN.hasSuffix(":role:Administrator") && $0.answer == .unknown })
        #expect(owner.contains { $0.roleCRN.hasSuffix(":serviceRole:Manager") && $0.answer == .yes })
        #expect(!owner.contains { $0.roleCRN.hasSuffix(":role:Administrator") && $0.answer == .yes })
        // Nothing reaches key-protect-prod through Developers.
        #expect(!grants.contains { $0.iamID == DemoIDs.bob })
    }

    @Test func aReadOnlyRoleDoesNotDelete() throws {
        let kms = try DemoAccount.instance(DemoIDs.kmsInstance)
        let grants = try Array(ActionAccess.reach(of: "kms.secrets.delete", on: kms, in: DemoAccount.index).grants)
        // Data Engineers hold Reader and Key Rotator there, neither of which lists delete.
        #expect(!grants.contains { $0.iamID == DemoIDs.kenji })
    }
}
