/// Ids of `samples/demo` that tests name (the situations samples/demo/SEEDS.md lists), kept in one place; the same
/// ids are written by `scripts/make-demo.py`.
package enum DemoIDs {
    // Identities.
    package static let owner = "IBMid-6630014QXD"
    package static let priya = "IBMid-55000ATR4K"
    package static let jordan = "IBMid-2700112PNA"
    /// Sofia Alvarez, a dynamic member of Data Engineers, a static one of Developers.
    package static let sofia = "IBMid-310008FJ6C"
    package static let marcus = "IBMid-270007BN2P"
    package static let bob = "IBMid-6650019HWM"
    package static let lena = "IBMid-5500093YGE"
    /// Kenji Tanaka, in Access Managers (may add members to Admins).
    package static let kenji = "IBMid-120005DR8V"
    /// Tomás Ruiz, in Group Reviewers (Viewer on all access groups: the escalation decoy).
    package static let tomas = "IBMid-060001KMU7"
    /// Service IDs and trusted profiles, by IAM id.
    package static let ciDeployer = "iam-ServiceId-d5fbad9d-5f02-41b6-8169-0993a3b3d638"
    package static let terraformSandbox = "iam-ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762"
    /// break-glass-admin, a member of Admins.
    package static let breakGlass = "iam-ServiceId-b41c3a57-6e0d-4f2a-9c8b-1d7e5f3a9b20"
    /// iks-payments-workload, linked to iks-dev-cluster.
    package static let workloadProfile = "iam-Profile-8d6b7298-9143-436b-907f-23505092b7a1"
    /// backup-agent, a member of Data Engineers, who may add members to Key Custodians (the escalation warning).
    package static let backupAgent = "iam-ServiceId-663c96bf-6312-4c16-8d83-0db72db5505c"
    package static let federatedProfile = "iam-Profile-5f9cfc1d-a71d-4bd4-80ba-734232c1e990"

    // Access groups.
    package static let publicAccess = "AccessGroupId-PublicAccess"
    package static let admins = "AccessGroupId-b02c743c-4a1e-4643-9e19-484ee4b1a9f0"
    package static let developers = "AccessGroupId-9e906054-2f34-471c-a8d1-080849987ba2"
    package static let dataEngineers = "AccessGroupId-a7b91443-5cba-49d5-b48b-f7f295fbac2a"
    package static let supportStaff = "AccessGroupId-75465a82-a3c6-4246-8f9e-b666880bff36"
    package static let auditors = "AccessGroupId-dfaffba2-ed80-401a-9487-e56934360196"
    package static let accessManagers = "AccessGroupId-c3d1e2f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
    package static let groupReviewers = "AccessGroupId-e8f7a6b5-c4d3-4e2f-9a1b-7c6d5e4f3a2b"
    /// Key Custodians: Administrator on Key Protect (Lena).
    package static let keyCustodians = "AccessGroupId-f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b"

    // Service instances (GUIDs).
    package static let cosInstance = "df4a01fb-7a6f-4d52-851e-28e690505e0d"
    package static let kmsInstance = "d79c35df-f9c0-479b-aaf5-a6b277abd473"
    /// The instance a policy names that no longer exists.
    package static let deletedInstance = "2fd3b253-3d45-4041-bba2-4fab8004f163"
    /// assistant-poc, which no access-group policy reaches.
    package static let assistantPOC = "68205863-2053-4fca-aee9-398c4815f70a"
    /// events-sandbox.
    package static let eventsSandbox = "1057ecf6-1de8-40be-a4fc-4068b5ff396f"

    /// The prod resource group.
    package static let prodResourceGroup = "7fc4a117a369532f4916635476c517e5"

    // Policies.
    package static let timeBasedPolicy = "e71feda1-f954-4414-b1b8-2e36711a5e1a"
    /// Developers' policy on the sandbox resource group.
    package static let sandboxPolicy = "a10d2039-ed7a-4d50-9cc0-1e85e5747c5d"
    /// Admins: Administrator on all account management services.
    package static let adminsAccountManagementPolicy = "3b8c4178-4a85-482a-a829-e097f3080ae1"
    /// Developers: Operator + Writer on Kubernetes clusters in us-south.
    package static let developersClustersPolicy = "5715c45f-c291-42fa-9814-ba34897e680c"
    /// Escalation seeds (SEEDS.md).
    package static let manageAdminsPolicy = "c0a1e5b2-7d3f-4e8a-9b6c-2f1d0e9a8b71"
    package static let reviewGroupsPolicy = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f72"
    package static let breakGlassKeysPolicy = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a73"
    package static let terraformAllServicesPolicy = "f7e6d5c4-b3a2-4f1e-9d8c-7b6a5f4e3d74"
    package static let workloadGroupsPolicy = "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c75"
    /// Key Custodians: Administrator on Key Protect.
    package static let kmsAdministrationPolicy = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d76"
    /// backup-agent: Editor on the Key Custodians group.
    package static let custodiansPolicy = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e77"
}
