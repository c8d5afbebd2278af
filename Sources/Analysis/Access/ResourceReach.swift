import Model

/// Everyone who can reach one service instance, held compactly: a policy reaching the instance through a big group
/// repeats for every member, so each row refers by index to the holder, the policy and the path it shares with others.
public struct ResourceReach: Sendable {
    /// A policy that reaches the instance, with its target and how much of the instance it covers.
    public struct Reaching: Sendable {
        public let policy: Policy
        public let target: PolicyTarget
        public let match: TargetMatch
    }

    /// One holder reaching the instance through one policy by one path: indices into `holders`, `policies`, `paths`.
    public struct Row: Sendable, Hashable {
        public let holder: Int
        public let policy: Int
        public let path: Int
    }

    /// The distinct holders.
    public let holders: [ResourceAccess.Holder]
    /// The policies reaching the instance.
    public let policies: [Reaching]
    /// The distinct paths.
    public let paths: [[AccessStep]]
    /// One per holder, policy id and path, in the order found.
    public let rows: [Row]

    /// One row with its holder, policy, target, match and path.
    public func access(_ row: Row) -> ResourceAccess {
        let reaching = policies[row.policy]
        return ResourceAccess(holder: holders[row.holder], policy: reaching.policy, target: reaching.target,
                              match: reaching.match, path: paths[row.path])
    }
}
