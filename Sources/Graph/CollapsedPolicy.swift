import GraphValues
/// A policy as the one edge a collapsed view draws for it: from its subject to its target, labelled with its roles
/// and condition. The builder records one per policy, so collapsing never has to read the policy back from edges.
struct CollapsedPolicy {
    /// The policy's node id (`policy:…`).
    let node: String
    /// The policy's IBM id, listed in the edge's attributes.
    let id: String
    /// The subject's node id; `nil` when the policy names no subject the graph can draw.
    let subject: String?
    /// The target's node id.
    let target: String
    /// Role names, in the policy's order.
    let roles: [String]
    /// The short condition text, empty when the policy has no condition.
    let condition: String
    /// The policy's privileged, conditional and network-restricted flags.
    let flags: Flags
    /// The context-based-restrictions rules on its target, in words (`NetworkRestriction.summary`), if any.
    let networkRestriction: String?
    /// Whether it is a service-to-service authorization (its subject a service), which the edge's label says.
    let isAuthorization: Bool
}
