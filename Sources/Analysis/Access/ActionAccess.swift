import Model
import Snapshot

/// One way an identity can perform an action: a role of a policy it holds through a path (a row of `ActionReach`).
package struct ActionGrant: Sendable {
    package let iamID: String
    package let policy: Policy
    package let target: PolicyTarget
    /// The role that carries the action (or may: see `answer`).
    package let roleCRN: String
    package let path: [AccessStep]
    /// `.yes` when the snapshot lists the action for the role, `.unknown` when it lists no actions for the role on
    /// that service (never `.no`: those grants are left out).
    package let answer: RoleActions.Answer
    /// The role's actions that match the pattern, sorted (none when `answer` is `.unknown`).
    package let actions: [String]
}

/// Who can perform an action (wildcards like `kms.secrets.*` allowed), optionally on one instance: every identity
/// whose policies grant a role carrying it, through each of its paths. Worked out per path source, so the cost follows
/// the memberships, not members × policies.
package enum ActionAccess {
    /// Action prefixes any service's roles may carry (assigning access, instances, tags, network rules).
    static let platformPrefixes: Set<Substring> = ["iam", "resource-controller", "global-search-tagging", "cbr"]

    /// The collections the answer reads.
    package static let reads = WhoHasAccess.reads.union([.roles])

    /// Whether a policy on `target` can grant an action of the service `prefix` names: a policy on a service grants
    /// that service's actions (and the platform's); one on a wider scope grants account management actions only if it
    /// covers account management, and other services' only if it covers resources.
    static func covers(_ target: PolicyTarget, service: String?, actionPrefix prefix: Substring) -> Bool {
        if platformPrefixes.contains(prefix) || Glob.hasWildcards(String(prefix)) { return true }
        if let service { return service == prefix }
        switch target.scope {
        case .everything: return true
        case .allAccountManagement: return AccountManagementServices.all.contains(String(prefix))
        case .allIAMAccountManagement: return AccountManagementServices.iam.contains(String(prefix))
        case .allIAMEnabledServices, .resourceGroupResources: return !AccountManagementServices.all.contains(String(prefix))
        case .accountManagementService, .resourceGroupItself, .serviceInResourceGroup, .serviceInAccount, .instance,
             .subResource:
            return false
        }
    }

    /// Who can perform `pattern` (on `instance` if given): rows ordered by IAM id, path, policy and role.
    package static func reach(of pattern: String, on instance: ResourceInstance? = nil, in index: AccessIndex) -> ActionReach {
        let actions = RoleActions(index.account.roles)
        let prefix = RoleActions.servicePrefix(of: pattern)
        // Per source, the roles of its policies that carry the action.
        var carried: [ActionReach.Carried] = []
        var sourceNumbers: [AccessPath.Source: Int] = [:]
        var sources: [[Int]] = []
        for policy in index.account.accessPolicies where policy.isActive {
            let target = index.target(of: policy)
            if let instance, target.match(instance) == .none { continue }
            let service = target.serviceName ?? instance?.serviceName
            guard covers(target, service: service, actionPrefix: prefix) else { continue }
            let source: AccessPath.Source
            if let iamID = policy.subjectValue("iam_id") {
                source = .subject(iamID: iamID)
            } else if let group = policy.subjectValue("access_group_id") {
                source = .accessGroup(id: group)
            } else {
                continue
            }
            for role in policy.roleIDs {
                let match = actions.matching(pattern, role: role, on: service ?? String(prefix))
                switch match.answer {
                case .yes, .unknown:
                    let number = sourceNumbers[source] ?? sources.count
                    if number == sources.count {
                        sources.append([])
                        sourceNumbers[source] = number
                    }
                    sources[number].append(carried.count)
                    carried.append(ActionReach.Carried(policy: policy, target: target, role: role, answer: match.answer,
                                                        actions: match.actions))
                case .no: continue
                }
            }
        }
        var holders: [String] = []
        var pathNumbers: [[AccessStep]: Int] = [:]
        var paths: [[AccessStep]] = []
        var segments: [ActionReach.Segment] = []
        var start = 0
        for iamID in index.subjects {
            let reached = index.paths(of: iamID) { sourceNumbers[$0] != nil } + [AccessIndex.publicAccessPath]
            for path in reached {
                guard let source = sourceNumbers[path.source] else { continue }
                if holders.last != iamID { holders.append(iamID) }
                let number = pathNumbers[path.steps] ?? paths.count
                if number == paths.count {
                    paths.append(path.steps)
                    pathNumbers[path.steps] = number
                }
                segments.append(ActionReach.Segment(holder: holders.count - 1, path: number, source: source, start: start))
                start += sources[source].count
            }
        }
        return ActionReach(holders: holders, paths: paths, carried: carried, sources: sources, segments: segments)
    }
}
