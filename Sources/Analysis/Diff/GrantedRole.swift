import Model

/// One role of one policy on its target, described once (its names, target label, condition, privilege) and shared by
/// every `AccessChange` of it, however many holders gain or lose it through however many paths: a policy added to a
/// group of thousands is described once, and a report can write what the changes share once too (keyed by the
/// object's identity).
package final class GrantedRole: Sendable, Hashable {
    package let roleID: String
    /// The role's short name, e.g. `Administrator`.
    package let role: String
    package let policyID: String
    package let target: PolicyTarget
    /// The target in the docs' words, with the snapshot's resource group and instance names.
    package let targetLabel: String
    /// The policy's conditions (time-based or other rule) in words (`ConditionText`), if any.
    package let condition: String?
    /// Whether the role is privileged on the target (`PrivilegedRoles`): Administrator or Manager anywhere, Editor
    /// or Operator on account management.
    package let isPrivileged: Bool

    /// Role `roleID` of `policy`, named from the snapshot `index` reads.
    init(roleID: String, of policy: Policy, in index: AccessIndex) {
        self.roleID = roleID
        role = index.roleName(roleID)
        policyID = policy.id
        target = index.target(of: policy)
        targetLabel = index.label(of: target)
        condition = policy.rule.map(ConditionText.readable)
        isPrivileged = PrivilegedRoles.isPrivileged(roleIDs: [roleID], target: target)
    }

    package static func == (a: GrantedRole, b: GrantedRole) -> Bool {
        a === b || (a.roleID == b.roleID && a.role == b.role && a.policyID == b.policyID && a.target == b.target
                    && a.targetLabel == b.targetLabel && a.condition == b.condition && a.isPrivileged == b.isPrivileged)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(policyID)
        hasher.combine(roleID)
    }
}
