import Model

/// One grant an identity holds: a policy's roles on its target, and the path by which the identity gets it.
package struct Grant: Sendable, Hashable {
    package let policy: Policy
    package let target: PolicyTarget
    /// The identity's way to the policy; empty for a policy assigned to the identity itself.
    package let path: [AccessStep]

    package init(policy: Policy, target: PolicyTarget, path: [AccessStep]) {
        self.policy = policy
        self.target = target
        self.path = path
    }

    package var roleIDs: [String] { policy.roleIDs }
}
