import Model

/// Who can reach one instance, and how.
public struct ResourceAccess: Sendable, Hashable {
    /// The holder: an identity's IAM id, an access group id (the group as a whole), or a service for authorizations.
    public enum Holder: Sendable, Hashable {
        case identity(iamID: String)
        case accessGroup(id: String)
        case service(name: String, instance: String?)
    }

    public let holder: Holder
    public let policy: Policy
    public let target: PolicyTarget
    /// Whether the policy covers the whole instance or only part of it.
    public let match: TargetMatch
    /// How the holder gets the policy (empty: assigned to it).
    public let path: [AccessStep]
}

/// Everyone who can reach an instance: through instance, service-wide, resource-group-wide and account-wide policies,
/// expanded through access groups and trusted profiles, plus services authorized to it.
public enum WhoHasAccess {
    public static func to(_ instance: ResourceInstance, in index: AccessIndex) -> [ResourceAccess] {
        var result: [ResourceAccess] = []
        for policy in index.account.accessPolicies where policy.isActive {
            let target = index.target(of: policy)
            let match = target.match(instance)
            guard match != .none else { continue }
            func add(_ holder: ResourceAccess.Holder, _ path: [AccessStep]) {
                result.append(ResourceAccess(holder: holder, policy: policy, target: target, match: match, path: path))
            }
            var holders: [(iamID: String, path: [AccessStep])] = []
            if let iamID = policy.subjectValue("iam_id") {
                holders.append((iamID, []))
            } else if let groupID = policy.subjectValue("access_group_id") {
                // The group as a whole; Public Access stands for everyone and has no member list to expand.
                add(.accessGroup(id: groupID), [])
                if groupID != AccessGroup.publicAccessID, let group = index.account.groupsByID[groupID] {
                    // One path per kind of membership, shared by every member's row (a group can have thousands).
                    var paths: [String?: [AccessStep]] = [:]
                    for member in group.members {
                        let rule = index.dynamicRuleName(group, member)
                        let path = paths[rule] ?? [.accessGroup(id: groupID, name: group.displayName, dynamicRule: rule)]
                        paths[rule] = path
                        holders.append((member.iamID, path))
                    }
                }
            }
            for (iamID, path) in holders {
                add(.identity(iamID: iamID), path)
                // Identities that may assume a profile holding the access get it too.
                guard let profile = index.account.profilesByIAMID[iamID] else { continue }
                let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
                for identity in profile.identities where identity.iamID != iamID {
                    add(.identity(iamID: identity.iamID), [step] + path)
                }
            }
        }
        for policy in index.account.authorizationPolicies where policy.isActive {
            let target = index.target(of: policy)
            let match = target.match(instance)
            guard match != .none, let service = policy.subjectValue("serviceName") else { continue }
            result.append(ResourceAccess(holder: .service(name: service, instance: policy.subjectValue("serviceInstance")),
                                         policy: policy, target: target, match: match, path: []))
        }
        // Duplicates by holder, policy and path (hashing ids, not whole policies).
        struct Key: Hashable { let holder: ResourceAccess.Holder; let policy: String; let path: [AccessStep] }
        var seen = Set<Key>()
        return result.filter { seen.insert(Key(holder: $0.holder, policy: $0.policy.id, path: $0.path)).inserted }
    }
}
