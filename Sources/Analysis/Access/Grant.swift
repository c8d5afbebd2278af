import Model

/// One grant an identity holds: a policy's roles on its target, and the path by which the identity gets it.
public struct Grant: Sendable, Hashable {
    public let policy: Policy
    public let target: PolicyTarget
    /// The identity's way to the policy; empty for a policy assigned to the identity itself.
    public let path: [AccessStep]

    public init(policy: Policy, target: PolicyTarget, path: [AccessStep]) {
        self.policy = policy
        self.target = target
        self.path = path
    }

    public var roleIDs: [String] { policy.roleIDs }
}
