import Model

/// Every grant an identity holds: policies assigned to it, to each access group it belongs to (statically or through a
/// dynamic rule), to the Public Access group, and — one hop — to each trusted profile it may assume.
public enum EffectiveAccess {
    public static func grants(of iamID: String, in index: AccessIndex) -> [Grant] {
        var grants = ownGrants(of: iamID, in: index, prefix: [])
        for profile in index.profilesAssumableBy[iamID] ?? [] where profile.iamID != iamID {
            let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
            grants += ownGrants(of: profile.iamID, in: index, prefix: [step])
        }
        var seen = Set<Grant>()
        return grants.filter { seen.insert($0).inserted }.sorted(by: Self.order)
    }

    /// Grants of the identity itself (no profile hop): direct, groups, Public Access.
    static func ownGrants(of iamID: String, in index: AccessIndex, prefix: [AccessStep]) -> [Grant] {
        var grants: [Grant] = []
        for policy in index.policiesOfIAMID[iamID] ?? [] {
            grants.append(Grant(policy: policy, target: index.target(of: policy), path: prefix))
        }
        for (group, member) in index.groupsOfMember[iamID] ?? [] where !group.isPublicAccess {
            let step = AccessStep.accessGroup(id: group.id, name: group.displayName,
                                              dynamicRule: index.dynamicRuleName(group, member))
            for policy in index.policiesOfGroup[group.id] ?? [] {
                grants.append(Grant(policy: policy, target: index.target(of: policy), path: prefix + [step]))
            }
        }
        for policy in index.policiesOfGroup[AccessGroup.publicAccessID] ?? [] {
            grants.append(Grant(policy: policy, target: index.target(of: policy), path: prefix + [.publicAccess]))
        }
        return grants
    }

    static func order(_ a: Grant, _ b: Grant) -> Bool {
        (a.path.pathDescription, a.target.key, a.policy.id) < (b.path.pathDescription, b.target.key, b.policy.id)
    }
}
