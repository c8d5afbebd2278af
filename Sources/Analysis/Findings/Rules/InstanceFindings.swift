import Model
import Snapshot

/// Rules about service instances: policies and authorizations naming instances that do not exist, and instances no
/// access-group policy reaches.
enum InstanceFindings {
    /// The instance guids that a policy's subject or resource names exactly (`serviceInstance` with `stringEquals` or
    /// `stringEqualsAnyOf`, no wildcards) in this account and that the account does not have. Account management
    /// services have no resource instances, and other accounts' instances are not in the snapshot: neither is checked.
    static func missingInstances(_ attributes: [PolicyAttribute], in account: IAMAccount) -> [String] {
        // Only a policy naming an instance can name a missing one.
        guard attributes.contains(where: { $0.key == "serviceInstance" }) else { return [] }
        func value(_ key: String) -> String? { attributes.first { $0.key == key }?.value.description }
        if let service = value("serviceName"), AccountManagementServices.all.contains(service) { return [] }
        if let owner = value("accountId"), owner != account.accountID { return [] }
        return attributes
            .filter { $0.key == "serviceInstance" && ($0.operator == "stringEquals" || $0.operator == "stringEqualsAnyOf") }
            .flatMap(\.value.strings)
            .filter { !$0.isEmpty && !Glob.hasWildcards($0) && account.instancesByGUID.index(forKey: $0) == nil }
    }

    /// "cloud-object-storage df4a01fb-…" for one side of an authorization.
    fileprivate static func description(_ attributes: [PolicyAttribute]) -> String {
        let parts = ["serviceName", "serviceInstance", "resourceType", "resource"].compactMap { key in
            attributes.first { $0.key == key }?.value.description
        }
        return parts.isEmpty ? "the account" : parts.joined(separator: " ")
    }
}

/// `policy-on-missing-instance`: Policy on a service instance that does not exist.
struct PolicyOnMissingInstanceRule: AlwaysEvaluatedRule {
    static let id = "policy-on-missing-instance"
    static let severity = Severity.warning
    static let title = "Policy on a service instance that does not exist"
    static let summary =
        "An access policy names a service instance (serviceInstance) that is not among the account's resource instances, usually a deleted one."
    static let fix =
        "Delete the policy: the instance it names is gone."
    static let requires: Set<CollectionKind> = [.accessPolicies, .resourceInstances]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return policies.rows(with: .namesInstance).flatMap { row -> [Finding] in
            guard !policies.rows[Int(row)].traits.contains(.authorization) else { return [] }
            return InstanceFindings.missingInstances(policies.policies.resource(of: row), in: c.account).map { guid in
                let subject = c.subject(of: row)
                return Finding(.policyOnMissingInstance,
                               entities: [c.policy(row), c.instance(guid)] + [subject].compactMap { $0 },
                               why: "grants \(c.grantText(row))" + (subject.map { " to \($0.description)" } ?? "")
                                   + ", but the account has no instance \(guid)")
            }
        }
    }
}

/// `authorization-on-missing-instance`: Authorization with a service instance that does not exist.
struct AuthorizationOnMissingInstanceRule: AlwaysEvaluatedRule {
    static let id = "authorization-on-missing-instance"
    static let severity = Severity.warning
    static let title = "Authorization with a service instance that does not exist"
    static let summary =
        "A service-to-service authorization names a source or target service instance of this account that does not exist."
    static let fix =
        "Delete the authorization: the instance it names is gone."
    static let requires: Set<CollectionKind> = [.authorizationPolicies, .resourceInstances]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return policies.rows(with: .authorization).flatMap { row in
            let policy = policies.policies[Int(row)]
            let sides = [("source", policy.subject), ("target", policy.resource)]
            return sides.flatMap { side, attributes in
                InstanceFindings.missingInstances(attributes, in: c.account).map { guid in
                    Finding(.authorizationOnMissingInstance, entities: [c.policy(row), c.instance(guid)],
                            why: "authorizes \(InstanceFindings.description(policy.subject)) to \(InstanceFindings.description(policy.resource)) "
                                + "(\(c.index.roleNames(of: policy))), but the \(side) instance \(guid) does not exist")
                }
            }
        }
    }
}

/// `instance-without-group-access`: Service instance no access-group policy reaches.
struct InstanceWithoutGroupAccessRule: AlwaysEvaluatedRule {
    static let id = "instance-without-group-access"
    static let severity = Severity.warning
    static let title = "Service instance no access-group policy reaches"
    static let summary =
        "No access-group policy reaches the instance: not one naming it, nor one on its service, its resource group, all IAM-enabled services or the account. Only direct policies, if any, give access to it."
    static let fix =
        "Give the team that runs the instance access through an access group (a policy on the instance, its service or its resource group)."
    static let requires: Set<CollectionKind> = [.accessPolicies, .resourceInstances]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        // Each distinct group-policy scope is tested only against the instances it may match (by guid, service or
        // resource group when it names one), so the rule stays near-linear instead of instances × policies.
        let policies = c.policies, targets = policies.targets
        // Each distinct scope by the row of the last group policy on it: the targets are read in place, not copied.
        var groupRows: [String: Int] = [:]
        for (position, row) in policies.rows.enumerated() where row.group != nil && !row.traits.contains(.authorization) {
            groupRows[targets[position].key] = position
        }
        let candidates = InstanceCandidates(c.account.resourceInstances)
        var reached = Array(repeating: false, count: candidates.instances.count)
        var unreachedCount = reached.count
        // Which targets reach an instance does not depend on the order they are tried in: the broadest first (most
        // candidates, then fewest attributes; ties by row) reach most instances at once, so the narrower ones after
        // them test few, and none is tried once every instance is reached.
        // The counts compared are read once per scope, not per comparison.
        let ordered = groupRows.values
            .map { (row: $0, candidates: candidates.positions(for: targets[$0]), attributes: targets[$0].attributes.count) }
            .sorted { a, b in
                guard a.candidates.count == b.candidates.count else { return a.candidates.count > b.candidates.count }
                return a.attributes != b.attributes ? a.attributes < b.attributes : a.row < b.row
            }
        for (row, positions, _) in ordered where unreachedCount > 0 {
            for position in positions where !reached[position] && targets[row].match(candidates.instances[position]) != .none {
                reached[position] = true
                unreachedCount -= 1
            }
        }
        // The direct policies reaching each instance no group policy reaches, found the same way among those only.
        let unreached = candidates.instances.indices.filter { !reached[$0] }.map { candidates.instances[$0] }
        let unreachedCandidates = InstanceCandidates(unreached)
        var directlyReached: [String: [Int32]] = [:]
        if !unreached.isEmpty {
            for (position, row) in policies.rows.enumerated() where row.group == nil && !row.traits.contains(.authorization) {
                for reached in unreachedCandidates.positions(matching: policies.targets[position]) {
                    directlyReached[unreachedCandidates.instances[reached].instanceID, default: []].append(Int32(position))
                }
            }
        }
        return unreached.map { instance in
            let reaching = directlyReached[instance.instanceID] ?? []
            let holders = reaching.map { row in
                policies.policies.id(of: row) + (policies.iamID(of: row).map { " (\(c.index.name(ofIAMID: $0) ?? $0))" } ?? "")
            }
            let group = instance.resourceGroupID.map { c.account.resourceGroupsByID[$0]?.displayName ?? $0 } ?? "none"
            return Finding(.instanceWithoutGroupAccess,
                           entities: [FindingEntity(.serviceInstance, id: instance.instanceID, name: instance.name)]
                               + reaching.map { c.policy($0) },
                           why: "\(instance.serviceName ?? "unknown service") in \(instance.region ?? "no region"), "
                               + "resource group \(group): no access-group policy reaches it; "
                               + (holders.isEmpty ? "no policy reaches it at all"
                                  : "only direct policies do (\(holders.count)): "
                                    + holders.joined(separator: ", ")))
        }
    }
}
