/// Effective-access changes of one cause that read as one line: every holder who gained (or lost) the same roles of
/// the same policy through the same way — "94 members of access group Release Viewers gained Administrator + Manager
/// on All IAM-enabled services".
package struct AccessEffect: Sendable, Hashable {
    package let direction: AccessChange.Direction
    /// The roles' short names, in the order the changes list them.
    package let roles: [String]
    /// The roles' CRNs, in the same order.
    package let roleIDs: [String]
    package let policyID: String
    /// The target in the docs' words.
    package let targetLabel: String
    /// The way the holders reach the policy (the same for all of them, as the first holder's way reads).
    package let way: HeldPath
    /// The policy's conditions, if any.
    package let condition: String?
    /// Who gained or lost it, in `AccessHolder` order.
    package let holders: [AccessHolder]
    /// Whether any of the roles is privileged on the target.
    package let isPrivileged: Bool

    /// The access changes at `positions` of `access` (in holder order, as `SnapshotDiff.access` lists them)
    /// collapsed by direction, policy, target, condition and way, in the order of their first change; `holders` are
    /// `access`' holders, `grants` the diff's roles by `GrantedRole.number`.
    static func collapse(_ positions: [ChangePosition], of access: [IdentityAccessChanges], holders: [AccessHolder],
                         grants: [GrantedRole]) -> [AccessEffect] {
        let grouped = GroupedChanges(positions)
        return grouped.effects(grouped.groups.indices, of: access, holders: holders, grants: grants)
    }

    /// The way the holders reach the policy; empty when they hold it directly.
    package var path: [AccessStep] { way.steps }

    /// "94 members of access group Release Viewers gained Administrator + Manager on All IAM-enabled services
    /// (policy 1c2f3a4b)", "alice@example.com gained Viewer on kms across the account via access group Ops
    /// (policy 1c2f3a4b)", then the first `limit` holders of several; `name` gives each holder's display name.
    package func sentence(name: (AccessHolder) -> String = \.displayName, listing limit: Int = 3) -> String {
        let who: String, via: String
        if holders.count == 1, let holder = holders.first {
            who = name(holder)
            via = holder.kind == .everyone ? "" : " " + way.via
        } else if path.count == 1, case .accessGroup = path[0] {
            who = "\(holders.count) members of \(way.words)"
            via = ""
        } else {
            who = "\(holders.count) holders"
            via = " " + way.via
        }
        var text = "\(who) \(direction.rawValue) \(roles.joined(separator: " + ")) on \(targetLabel)\(via)"
            + " (policy \(policyID.prefix(8)))" + (condition.map { ", only when \($0)" } ?? "")
        if holders.count > 1, limit > 0 {
            let listed = holders.prefix(limit).map(name)
            text += ": " + listed.joined(separator: ", ")
                + (holders.count > limit ? " and \(holders.count - limit) more" : "")
        }
        return text
    }
}
