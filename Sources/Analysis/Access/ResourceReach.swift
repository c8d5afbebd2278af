import Model

/// Everyone who can reach one service instance, held compactly: a policy reaching the instance through a big group
/// repeats for every member, so each row refers by index to the holder, the policy and the path it shares with others.
package struct ResourceReach: Sendable {
    /// A policy that reaches the instance, with its target and how much of the instance it covers.
    package struct Reaching: Sendable {
        package let policy: Policy
        package let target: PolicyTarget
        package let match: TargetMatch
    }

    /// One holder reaching the instance through one policy by one path: indices into `holders`, `policies`, `paths`.
    package struct Row: Sendable, Hashable {
        package let holder: Int
        package let policy: Int
        package let path: Int
    }

    /// The distinct holders.
    package let holders: [ResourceAccess.Holder]
    /// The policies reaching the instance.
    package let policies: [Reaching]
    /// The distinct paths.
    package let paths: [[AccessStep]]
    /// One per holder, policy id and path, in the order found.
    package let rows: [Row]

    /// One row with its holder, policy, target, match and path.
    package func access(_ row: Row) -> ResourceAccess {
        let reaching = policies[row.policy]
        return ResourceAccess(holder: holders[row.holder], policy: reaching.policy, target: reaching.target,
                              match: reaching.match, path: paths[row.path])
    }
}
