import Analysis
import Model

/// The CSV columns of both access reports, the same for each so that their files can be concatenated and filtered
/// in a spreadsheet: who holds the access, how much of the instance (resource reports only), one role per record,
/// where the policy applies in structured columns beside the readable target, then the policy, path and conditions,
/// and the context-based restrictions on what the row reaches.
enum AccessRecord {
    static let header = [
        "holder_kind", "holder_id", "holder_name", "match", "role", "service", "instance_id", "instance_name",
        "resource_group_id", "resource_group_name", "region", "resource_type", "resource", "target", "scope",
        "policy_id", "path", "conditions", "network",
    ]

    /// The records of one grant: `holder` (kind, id, name) and `match`, then one role's `grant` columns each.
    static func records(holder: [String], match: String, grant: [[String]]) -> [[String]] {
        grant.map { holder + [match] + $0 }
    }

    /// The columns from `role` on, one array per role: built once per policy and path, as a resource's table repeats
    /// one policy for every member of a big group. Where the policy names an instance, its service, resource group
    /// and region come from the instance when the policy does not name them.
    static func grantColumns(policy: Policy, target: PolicyTarget, roles: [String], label: String, path: String,
                             conditions: String, network: String, index: AccessIndex) -> [[String]] {
        let (instanceID, resourceType, resource) = parts(target.scope)
        let instance = instanceID.flatMap { index.account.instancesByGUID[$0] }
        let groupID = target.resourceGroupID ?? instance?.resourceGroupID
        let place = [
            target.serviceName ?? instance?.serviceName ?? "", instanceID ?? "", instance?.name ?? "",
            groupID ?? "", groupID.flatMap { index.account.resourceGroupsByID[$0]?.name } ?? "",
            target.region ?? instance?.region ?? "", resourceType ?? "", resource ?? "", label, target.scopeName,
            policy.id, path, conditions, network,
        ]
        return roles.map { [$0] + place }
    }

    /// The instance, resource type and resource a scope names.
    private static func parts(_ scope: PolicyTarget.Scope) -> (instance: String?, resourceType: String?, resource: String?) {
        switch scope {
        case .instance(_, let guid): (guid, nil, nil)
        case .subResource(_, let instance, let resourceType, let resource): (instance, resourceType, resource)
        case .resourceGroupItself(let group): (nil, "resource-group", group)
        case .everything, .allIAMEnabledServices, .allAccountManagement, .allIAMAccountManagement,
             .accountManagementService, .resourceGroupResources, .serviceInResourceGroup, .serviceInAccount:
            (nil, nil, nil)
        }
    }
}
