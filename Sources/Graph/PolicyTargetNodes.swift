import Analysis
import GraphValues
import Model

/// The node of every active policy's target and the context-based-restrictions mark of grants on it, made once per
/// target key (the first policy's target of a key gives its node). `AccountGraphBuilder` makes them on a thread of
/// their own while it adds the identities, the groups and the policies' subjects: on a large account the targets —
/// their labels and the rules restricting each — cost more than the rest of the graph.
struct PolicyTargetNodes: Sendable {
    private var byKey: [String: (node: Node, mark: NetworkMark)] = [:]

    init(_ index: AccessIndex) {
        let account = index.account
        for policy in account.accessPolicies where policy.isActive { add(index.target(of: policy), index: index) }
        for policy in account.authorizationPolicies where policy.isActive { add(index.target(of: policy), index: index) }
    }

    /// The node and mark of the target whose key is `key`.
    subscript(key: String) -> (node: Node, mark: NetworkMark)? { byKey[key] }

    private mutating func add(_ target: PolicyTarget, index: AccessIndex) {
        guard byKey[target.key] == nil else { return }
        let mark = NetworkMark(index.networkRestrictions.restricting(target))
        byKey[target.key] = (Self.node(of: target, mark: mark, account: index.account), mark)
    }

    /// The target's node: its scope, attributes, resource group, service and instance, with a warning when what it
    /// names does not exist.
    private static func node(of target: PolicyTarget, mark: NetworkMark, account: IAMAccount) -> Node {
        var attributes = ["scope": target.scopeName, "attributes": target.key]
        var flags: Flags = []
        let instance: ResourceInstance? = switch target.scope {
        case .instance(_, let guid): account.instancesByGUID[guid]
        case .subResource(_, let guid?, _, _): account.instancesByGUID[guid]
        case .subResource(_, nil, _, _), .everything, .allIAMEnabledServices, .allAccountManagement,
             .allIAMAccountManagement, .accountManagementService, .resourceGroupResources, .resourceGroupItself,
             .serviceInResourceGroup, .serviceInAccount: nil
        }
        attributes["resource_group"] = target.resourceGroupID ?? instance?.resourceGroupID
        attributes["service"] = target.serviceName ?? instance?.serviceName
        if case .instance(_, let guid) = target.scope, account.isKnown(.resourceInstances),
           account.instancesByGUID[guid] == nil, !Glob.hasWildcards(guid) {
            flags.insert(.warning)
            attributes["warning"] = "instance \(guid) does not exist"
        }
        if let group = target.resourceGroupID, group != "*", account.isKnown(.resourceGroups),
           account.resourceGroupsByID[group] == nil {
            flags.insert(.warning)
            attributes["warning"] = "resource group \(group) does not exist"
        }
        let guid: String? = switch target.scope {
        case .instance(_, let guid): guid
        case .subResource(_, let guid, _, _): guid
        case .everything, .allIAMEnabledServices, .allAccountManagement, .allIAMAccountManagement,
             .accountManagementService, .resourceGroupResources, .resourceGroupItself, .serviceInResourceGroup,
             .serviceInAccount: nil
        }
        attributes["guid"] = guid
        attributes[NetworkMark.attribute] = mark.text
        return Node(id: Node.id(.target, target.key), kind: .target,
                    label: mapLabel(of: target, instance: instance, account: account), attributes: attributes, flags: flags)
    }

    /// The target's label on a map: an instance known by name is named without its GUID (which the tooltip keeps),
    /// so the instance and service names survive shortening.
    private static func mapLabel(of target: PolicyTarget, instance: ResourceInstance?, account: IAMAccount) -> String {
        let full = target.label(resourceGroupName: { account.resourceGroupsByID[$0]?.name },
                                instanceName: { account.instancesByGUID[$0]?.name }, homeAccount: account.accountID)
        guard let instance, instance.name != nil else { return full }
        return full.replacingOccurrences(of: " (\(instance.instanceID))", with: "")
    }
}
