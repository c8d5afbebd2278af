import Model

/// Every grant an identity holds: policies assigned to it, to each access group it belongs to (statically or through a
/// dynamic rule), to the Public Access group, and — one hop — to each trusted profile it may assume.
package enum EffectiveAccess {
    /// Ordered by path, target and policy.
    package static func grants(of iamID: String, in index: AccessIndex) -> [Grant] {
        var grants: [Grant] = []
        for path in index.paths(of: iamID) + [AccessIndex.publicAccessPath] {
            for policy in index.policies(of: path.source) {
                grants.append(Grant(policy: policy, target: index.target(of: policy), path: path.steps))
            }
        }
        // One grant per policy and path (hashing ids, not whole policies); sort keys built once per grant, not once
        // per comparison.
        struct Seen: Hashable { let policy: String; let path: [AccessStep] }
        var seen = Set<Seen>()
        return grants.filter { seen.insert(Seen(policy: $0.policy.id, path: $0.path)).inserted }
            .map { (key: [$0.path.pathDescription, $0.target.key, $0.policy.id], grant: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.grant)
    }
}
