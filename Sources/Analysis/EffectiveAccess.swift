import Model

/// Every grant an identity holds: policies assigned to it, to each access group it belongs to (statically or through a
/// dynamic rule), to the Public Access group, and — one hop — to each trusted profile it may assume.
public enum EffectiveAccess {
    /// - Parameter including: only policies passing this test become grants (e.g. only administrative ones), so a
    ///   caller that needs a few kinds of grant for every identity does not build all of them.
    public static func grants(of iamID: String, in index: AccessIndex,
                              including: (Policy) -> Bool = { _ in true }) -> [Grant] {
        var grants = ownGrants(of: iamID, in: index, prefix: [], including: including)
        for policy in index.policiesOfGroup[AccessGroup.publicAccessID] ?? [] where including(policy) {
            grants.append(Grant(policy: policy, target: index.target(of: policy), path: [.publicAccess]))
        }
        for profile in index.profilesAssumableBy[iamID] ?? [] where profile.iamID != iamID {
            let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
            grants += ownGrants(of: profile.iamID, in: index, prefix: [step], including: including)
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

    /// Grants of the identity itself (no profile hop): direct and through its groups. Public Access grants are
    /// everyone's, so they are added once, not again behind each profile.
    static func ownGrants(of iamID: String, in index: AccessIndex, prefix: [AccessStep],
                          including: (Policy) -> Bool) -> [Grant] {
        var grants: [Grant] = []
        for policy in index.policiesOfIAMID[iamID] ?? [] where including(policy) {
            grants.append(Grant(policy: policy, target: index.target(of: policy), path: prefix))
        }
        for (group, member) in index.groupsOfMember[iamID] ?? [] where !group.isPublicAccess {
            let step = AccessStep.accessGroup(id: group.id, name: group.displayName,
                                              dynamicRule: index.dynamicRuleName(group, member))
            for policy in index.policiesOfGroup[group.id] ?? [] where including(policy) {
                grants.append(Grant(policy: policy, target: index.target(of: policy), path: prefix + [step]))
            }
        }
        return grants
    }
}
