/// Ids of `samples/demo` that tests name (the situations samples/demo/SEEDS.md lists), kept in one place; the same
/// ids are written by `scripts/make-demo.py`.
public enum DemoIDs {
    // Identities.
    public static let owner = "IBMid-6630014QXD"
    public static let priya = "IBMid-55000ATR4K"
    public static let jordan = "IBMid-2700112PNA"
    /// Sofia Alvarez, a dynamic member of Data Engineers, a static one of Developers.
    public static let sofia = "IBMid-310008FJ6C"
    public static let marcus = "IBMid-270007BN2P"
    public static let bob = "IBMid-6650019HWM"
    public static let lena = "IBMid-5500093YGE"

    // Access groups.
    public static let publicAccess = "AccessGroupId-PublicAccess"
    public static let admins = "AccessGroupId-b02c743c-4a1e-4643-9e19-484ee4b1a9f0"
    public static let developers = "AccessGroupId-9e906054-2f34-471c-a8d1-080849987ba2"
    public static let dataEngineers = "AccessGroupId-a7b91443-5cba-49d5-b48b-f7f295fbac2a"
    public static let supportStaff = "AccessGroupId-75465a82-a3c6-4246-8f9e-b666880bff36"
    public static let auditors = "AccessGroupId-dfaffba2-ed80-401a-9487-e56934360196"

    // Service instances (GUIDs).
    public static let cosInstance = "df4a01fb-7a6f-4d52-851e-28e690505e0d"
    public static let kmsInstance = "d79c35df-f9c0-479b-aaf5-a6b277abd473"
    /// The instance a policy names that no longer exists.
    public static let deletedInstance = "2fd3b253-3d45-4041-bba2-4fab8004f163"
    /// assistant-poc, which no access-group policy reaches.
    public static let assistantPOC = "68205863-2053-4fca-aee9-398c4815f70a"
    /// events-sandbox.
    public static let eventsSandbox = "1057ecf6-1de8-40be-a4fc-4068b5ff396f"

    /// The prod resource group.
    public static let prodResourceGroup = "7fc4a117a369532f4916635476c517e5"

    // Policies.
    public static let timeBasedPolicy = "e71feda1-f954-4414-b1b8-2e36711a5e1a"
    /// Developers' policy on the sandbox resource group.
    public static let sandboxPolicy = "a10d2039-ed7a-4d50-9cc0-1e85e5747c5d"
}
