import Model

/// Who can reach one instance, and how.
package struct ResourceAccess: Sendable, Hashable {
    /// The holder: an identity's IAM id, an access group id (the group as a whole), or a service for authorizations.
    package enum Holder: Sendable, Hashable {
        case identity(iamID: String)
        case accessGroup(id: String)
        case service(name: String, instance: String?)
        /// A linked compute resource, or what a claim rule admits, through a trusted profile holding the access.
        case profileAssumer(ProfileAssumer)
        /// A service credential on the instance, holding what its backing service ID holds there.
        case serviceCredential(ServiceCredential)
    }

    package let holder: Holder
    package let policy: Policy
    package let target: PolicyTarget
    /// Whether the policy covers the whole instance or only part of it.
    package let match: TargetMatch
    /// How the holder gets the policy (empty: assigned to it).
    package let path: [AccessStep]
}

/// Everyone who can reach an instance: through instance, service-wide, resource-group-wide and account-wide policies,
/// expanded through access groups and trusted profiles (to the identities, linked compute resources and claim rules that
/// may assume them), plus services authorized to it.
package enum WhoHasAccess {
    /// One row per holder, policy and path, in the order `reach` finds them.
    package static func to(_ instance: ResourceInstance, in index: AccessIndex) -> [ResourceAccess] {
        let reach = reach(instance, in: index)
        return reach.rows.map(reach.access)
    }

    /// The same rows, compactly: each holder, policy and path held once however many rows share it.
    package static func reach(_ instance: ResourceInstance, in index: AccessIndex) -> ResourceReach {
        var found = Rows()
        let credentials = ServiceCredential.onInstance(instance, in: index.account)
        for policy in index.account.accessPolicies where policy.isActive {
            let target = index.target(of: policy)
            let match = target.match(instance)
            guard match != .none else { continue }
            let reaching = found.add(ResourceReach.Reaching(policy: policy, target: target, match: match))
            var holders: [(iamID: String, path: Int)] = []
            if let iamID = policy.subjectValue("iam_id") {
                holders.append((iamID, found.path([])))
            } else if let groupID = policy.subjectValue("access_group_id") {
                // The group as a whole; Public Access stands for everyone and has no member list to expand.
                found.add(.accessGroup(id: groupID), reaching, found.path([]))
                if groupID != AccessGroup.publicAccessID, let group = index.account.groupsByID[groupID] {
                    // One path per kind of membership, shared by every member's row (a group can have thousands).
                    var paths: [[String?]: Int] = [:]
                    for member in group.members {
                        let rule = index.dynamicRuleName(group, member), lapsed = index.lapse(of: member)
                        let path = paths[[rule, lapsed]]
                            ?? found.path([.accessGroup(id: groupID, name: group.displayName, dynamicRule: rule, lapsedSince: lapsed)])
                        paths[[rule, lapsed]] = path
                        holders.append((member.iamID, path))
                    }
                }
            }
            for (iamID, path) in holders {
                found.add(.identity(iamID: iamID), reaching, path)
                for credential in credentials[iamID] ?? [] { found.add(.serviceCredential(credential), reaching, path) }
                // Identities that may assume a profile holding the access get it too.
                guard let profile = index.account.profilesByIAMID[iamID] else { continue }
                let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
                let viaProfile = found.path([step] + found.paths[path])
                for identity in profile.identities where identity.iamID != iamID {
                    found.add(.identity(iamID: identity.iamID), reaching, viaProfile)
                }
                for assumer in ProfileAssumer.all(of: profile) {
                    found.add(.profileAssumer(assumer), reaching, viaProfile)
                }
            }
        }
        for policy in index.account.authorizationPolicies where policy.isActive {
            let target = index.target(of: policy)
            let match = target.match(instance)
            guard match != .none, let service = policy.subjectValue("serviceName") else { continue }
            let reaching = found.add(ResourceReach.Reaching(policy: policy, target: target, match: match))
            found.add(.service(name: service, instance: policy.subjectValue("serviceInstance")), reaching, found.path([]))
        }
        return ResourceReach(holders: found.holders, policies: found.policies, paths: found.paths, rows: found.rows)
    }

    /// The rows as they are found: holders and paths numbered on first sight, duplicates (by holder, policy id and
    /// path) dropped.
    private struct Rows {
        private(set) var holders: [ResourceAccess.Holder] = []
        private(set) var policies: [ResourceReach.Reaching] = []
        private(set) var paths: [[AccessStep]] = []
        private(set) var rows: [ResourceReach.Row] = []
        private var holderNumbers: [ResourceAccess.Holder: Int] = [:]
        private var pathNumbers: [[AccessStep]: Int] = [:]
        /// Policy id → the first policy with it: rows are told apart by policy id.
        private var policyNumbers: [String: Int] = [:]
        /// Each policy → the first policy with its id.
        private var firstWithID: [Int] = []
        private var seen: Set<ResourceReach.Row> = []

        /// The number of a policy reaching the instance.
        mutating func add(_ reaching: ResourceReach.Reaching) -> Int {
            let number = policies.count
            policies.append(reaching)
            firstWithID.append(policyNumbers[reaching.policy.id] ?? number)
            policyNumbers[reaching.policy.id] = firstWithID[number]
            return number
        }

        /// The number of a path.
        mutating func path(_ steps: [AccessStep]) -> Int {
            if let known = pathNumbers[steps] { return known }
            paths.append(steps)
            pathNumbers[steps] = paths.count - 1
            return paths.count - 1
        }

        /// Adds a row unless the holder already has one for a policy of the same id and the same path.
        mutating func add(_ holder: ResourceAccess.Holder, _ policy: Int, _ path: Int) {
            let number = holderNumbers[holder] ?? holders.count
            if number == holders.count {
                holders.append(holder)
                holderNumbers[holder] = number
            }
            guard seen.insert(ResourceReach.Row(holder: number, policy: firstWithID[policy], path: path)).inserted else { return }
            rows.append(ResourceReach.Row(holder: number, policy: policy, path: path))
        }
    }
}
