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
        /// Direction, policy (with its target and condition: `GrantedRole.PolicyKey`) and way (`PathIDs`), numbered.
        struct Key: Hashable {
            let direction: AccessChange.Direction
            let policy: Int
            let way: Int
        }
        var groupOfKey: [Key: Int] = [:]
        /// Each group's changes, as offsets into `positions`, groups in the order of their first change.
        var groups: [(key: Key, members: [Int])] = []
        for (offset, position) in positions.enumerated() {
            let key = Key(direction: position.direction, policy: position.policy, way: position.way)
            if let group = groupOfKey[key] {
                groups[group].members.append(offset)
            } else {
                groupOfKey[key] = groups.count
                groups.append((key, [offset]))
            }
        }
        return groups.compactMap { key, members in
            guard let firstPosition = members.first.map({ positions[$0] }) else { return nil }
            let first = access[firstPosition.holder].change(at: firstPosition.change)
            var roleIDs: [String] = [], roles: [String] = [], seen = Set<String>(), isPrivileged = false
            var effectHolders: [AccessHolder] = [], lastHolder = -1
            // Roles are told apart by CRN; a role described once is looked at once.
            var seenGrants = Set<Int>()
            for member in members {
                let position = positions[member]
                if seenGrants.insert(position.grant).inserted {
                    let grant = grants[position.grant]
                    if seen.insert(grant.roleID).inserted {
                        roleIDs.append(grant.roleID)
                        roles.append(grant.role)
                    }
                    isPrivileged = isPrivileged || grant.isPrivileged
                }
                // A holder's changes are next to each other: each holder is listed once.
                if position.holder != lastHolder {
                    effectHolders.append(holders[position.holder])
                    lastHolder = position.holder
                }
            }
            return AccessEffect(direction: key.direction, roles: roles, roleIDs: roleIDs, policyID: first.policyID,
                                targetLabel: first.targetLabel, way: first.way, condition: first.condition,
                                holders: effectHolders, isPrivileged: isPrivileged)
        }
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
