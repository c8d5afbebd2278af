/// An access change as the causes gather it: where it is in `SnapshotDiff.access` (its holder's offset and its offset
/// in that holder's `lost + gained`, `IdentityAccessChanges.change(at:)`), with the numbers its effect is grouped and
/// told by, read from the change once. Collapsing a cause's changes then reads no change again — a read copies the
/// holder's lists and retains the change's role and way, for each of millions of changes — and copies none.
struct ChangePosition: Sendable {
    let holder: Int
    let change: Int
    let direction: AccessChange.Direction
    /// The change's `GrantedRole.policyNumber`: its policy, target and condition.
    let policy: Int
    /// The change's `HeldPath.idsNumber`: its holder's way to the policy.
    let way: Int
    /// The change's `GrantedRole.number`: its role, by which `SnapshotDiff.grants` lists it.
    let grant: Int
}

extension ChangePosition {
    /// The position of `access`, change `change` of holder `holder`.
    init(holder: Int, change: Int, _ access: AccessChange) {
        self.holder = holder
        self.change = change
        direction = access.direction
        policy = access.grant.policyNumber
        way = access.way.idsNumber
        grant = access.grant.number
    }
}
