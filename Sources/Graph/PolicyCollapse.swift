import GraphValues
/// Replaces policy and role nodes by one edge from each policy's subject to its target, labelled with the role names
/// (`RoleList`: "Administrator + 4 more") and a short condition, "authorization: Reader" for a service-to-service
/// authorization; edges with the same ends and conditionality are merged, their roles and policy ids joined.
enum PolicyCollapse {
    /// The collapsed edges of the policies in `policies` (all when `nil`) whose subject and target are visible, in a
    /// fixed order: by policy node id, then first appearance.
    static func edges(_ collapsed: [CollapsedPolicy], policies: Set<String>?, visible: Set<String>) -> [Edge] {
        var merged: [MergeKey: Merged] = [:]
        var order: [MergeKey] = []
        let shown = collapsed.filter { policy in
            guard let subject = policy.subject, policies?.contains(policy.node) ?? true else { return false }
            return visible.contains(subject) && visible.contains(policy.target)
        }
        merged.reserveCapacity(shown.count)
        order.reserveCapacity(shown.count)
        for policy in shown.sorted(by: { $0.node < $1.node }) {
            guard let subject = policy.subject else { continue }
            let key = MergeKey(source: subject, target: policy.target, conditional: policy.flags.contains(.conditional))
            if merged[key] == nil { order.append(key) }
            merged[key, default: Merged()].add(policy)
        }
        return order.map { key in
            let entry = merged[key]!
            let roles = (entry.isAuthorization ? "authorization: " : "") + RoleList.label(entry.roles)
            let label = ([roles] + entry.conditions).joined(separator: "\n")
            var attributes = ["policies": entry.policies.joined(separator: ", "),
                              "roles": RoleList.ordered(entry.roles).joined(separator: ", ")]
            attributes[NetworkMark.attribute] = entry.networkRestriction
            return Edge(source: key.source, target: key.target, kind: .grants, label: label, attributes: attributes,
                        flags: entry.flags)
        }
    }

    private struct MergeKey: Hashable {
        let source: String
        let target: String
        let conditional: Bool
    }

    /// What the policies merged into one edge grant: roles and conditions without repeats, every policy id.
    private struct Merged {
        var roles: [String] = []
        var policies: [String] = []
        var conditions: [String] = []
        var flags: Flags = []
        var isAuthorization = false
        /// The same for every policy merged: they share the target.
        var networkRestriction: String?

        mutating func add(_ policy: CollapsedPolicy) {
            roles += policy.roles.filter { !roles.contains($0) }
            policies.append(policy.id)
            if !policy.condition.isEmpty, !conditions.contains(policy.condition) { conditions.append(policy.condition) }
            flags.formUnion(policy.flags.intersection([.privileged, .conditional, .networkRestricted]))
            networkRestriction = policy.networkRestriction
            isAuthorization = isAuthorization || policy.isAuthorization
        }
    }
}
