import Model

/// One role of one policy on its target, described once (its names, target label, condition, privilege) and shared by
/// every `AccessChange` of it, however many holders gain or lose it through however many paths: a policy added to a
/// group of thousands is described once, and a report can write what the changes share once too (keyed by the
/// object's identity).
package final class GrantedRole: Sendable, Hashable {
    /// What the changes of one effect (`AccessEffect`) share besides their direction and way: the policy, its
    /// target and its conditions in words.
    struct PolicyKey: Hashable {
        let policyID: String
        let target: String
        let condition: String?
    }

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
    /// Its place among the roles one diff describes (`SnapshotDiff.grants`), from 0: a writer keeps what it writes
    /// for each role in an array by this number.
    package let number: Int
    /// The number of its `PolicyKey` among the roles of one diff: equal for roles of one effect.
    let policyNumber: Int
    /// "Administrator on kms in resource group prod", as a change's sentence reads.
    package let roleOnTarget: String
    /// " (policy 1c2f3a4b)", then ", only when …" for a condition, as a change's sentence ends.
    package let policyNote: String

    /// The role `words` describe, numbered `number`, its policy numbered by `policies` (`DescribedRoles`).
    init(_ words: Words, number: Int, policies: inout Numbering<PolicyKey>) {
        roleID = words.roleID
        self.number = number
        role = words.role
        policyID = words.policyID
        target = words.target
        targetLabel = words.targetLabel
        condition = words.condition
        isPrivileged = words.isPrivileged
        policyNumber = policies.number(PolicyKey(policyID: policyID, target: target.key, condition: condition))
        roleOnTarget = words.roleOnTarget
        policyNote = words.policyNote
    }

    /// What describes a role, before it is numbered: made from the snapshot on any thread (`SourceGrants` describes
    /// the roles of many sources on two), numbered on one.
    struct Words: Sendable {
        let roleID: String
        let role: String
        let policyID: String
        let target: PolicyTarget
        let targetLabel: String
        let condition: String?
        let isPrivileged: Bool
        let roleOnTarget: String
        let policyNote: String

        /// Role `roleID` of `policy`, named from the snapshot `index` reads.
        init(roleID: String, of policy: Policy, in index: AccessIndex) {
            self.roleID = roleID
            role = index.roleName(roleID)
            policyID = policy.id
            target = index.target(of: policy)
            targetLabel = index.label(of: target)
            condition = policy.rule.map(ConditionText.readable)
            isPrivileged = PrivilegedRoles.isPrivileged(roleIDs: [roleID], target: target)
            roleOnTarget = "\(role) on \(targetLabel)"
            policyNote = " (policy \(policyID.prefix(8)))" + (condition.map { ", only when \($0)" } ?? "")
        }
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
