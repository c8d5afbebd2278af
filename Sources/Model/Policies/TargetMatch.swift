/// How a policy target relates to an existing instance or resource group.
package enum TargetMatch: Sendable, Hashable, Comparable {
    /// The target does not include it.
    case none
    /// The target includes part of it (sub-resources, or tags the snapshot cannot check).
    case partial
    /// The target includes all of it.
    case full
}

extension PolicyTarget {
    /// Whether the target includes the instance, honouring `stringEquals`, `stringMatch`, `stringExists`,
    /// `stringEqualsAnyOf`, `stringMatchAnyOf`, `serviceType`, `resourceGroupId: *` and the CRN's service name,
    /// region, account and guid.
    package func match(_ instance: ResourceInstance) -> TargetMatch {
        var result = TargetMatch.full
        // The CRN's `a/<account>` scope, read in place: this runs for every instance a target may match.
        if let account, let scope = instance.crn?.scope, scope.hasPrefix("a/"), !Self.test(account, scope.dropFirst(2)) {
            return .none
        }
        for attribute in attributes {
            switch attribute.key {
            case "serviceType":
                // Instances belong to IAM-enabled services; account management services have none.
                guard attribute.value.description == "service" else { return .none }
            case "service_group_id":
                return .none
            case "resourceType" where attribute.value.description == "resource-group":
                return .none
            case "serviceName", "serviceInstance", "region", "resourceGroupId":
                guard Self.test(attribute, instanceValue(attribute.key, instance)) else { return .none }
            default:
                // resourceType, resource and service-specific attributes select something inside the instance.
                result = .partial
            }
        }
        if !tags.isEmpty { result = min(result, .partial) }
        return result
    }

    /// Whether the target includes every resource of a resource group (so a map can point at the group).
    package func coversWhole(resourceGroup id: String) -> Bool {
        switch scope {
        case .everything, .allIAMEnabledServices: qualifiers.isEmpty
        case .resourceGroupResources(let group): (group == id || group == "*") && qualifiers.isEmpty
        case .allAccountManagement, .allIAMAccountManagement, .accountManagementService, .resourceGroupItself,
             .serviceInResourceGroup, .serviceInAccount, .instance, .subResource: false
        }
    }

    /// Whether the target is the resource group itself (`resourceType=resource-group`).
    package func isResourceGroup(_ id: String) -> Bool {
        guard case .resourceGroupItself = scope, let resource = attributes.first(where: { $0.key == "resource" }) else {
            return false
        }
        return Self.test(resource, id)
    }

    private func instanceValue(_ key: String, _ instance: ResourceInstance) -> String? {
        switch key {
        case "serviceName": instance.serviceName
        case "serviceInstance": instance.instanceID
        case "region": instance.region
        case "resourceGroupId": instance.resourceGroupID
        default: nil
        }
    }

    /// Evaluates one attribute test against a resource's value (`nil`: the resource has no such attribute).
    static func test<Actual: StringProtocol>(_ attribute: PolicyAttribute, _ actual: Actual?) -> Bool {
        switch attribute.operator {
        case "stringExists":
            let exists = actual.map { !$0.isEmpty } ?? false
            if case .bool(let flag) = attribute.value { return exists == flag }
            return exists == (attribute.value.description == "true")
        case "stringMatch", "stringMatchAnyOf":
            guard let actual else { return false }
            let text = String(actual)
            return attribute.value.containsString { Glob.matches($0, text) }
        default: // stringEquals (the v1 default), stringEqualsAnyOf
            guard let actual else { return false }
            if attribute.key == "resourceGroupId", attribute.value.containsString(where: { $0 == "*" }) { return true }
            return attribute.value.containsString { $0 == actual }
        }
    }
}

extension PolicyTarget {
    /// Whether the target includes one resource of an account management service — an access group of `iam-groups`,
    /// a service ID or trusted profile of `iam-identity` — as a whole: all account management services, all IAM
    /// account management services, the service, or that resource by `resource` (and `resourceType`, when the policy
    /// names one). Targets narrowed by tags or other attributes the snapshot cannot check do not count.
    package func includes(accountResource id: String, type resourceType: String, of service: String) -> Bool {
        guard tags.isEmpty else { return false }
        switch scope {
        case .everything, .allAccountManagement: return qualifiers.isEmpty
        case .allIAMAccountManagement: return AccountManagementServices.iam.contains(service) && qualifiers.isEmpty
        case .accountManagementService(let name): return name == service && qualifiers.isEmpty
        case .subResource(let name, _, _, _):
            guard name == service else { return false }
            return attributes.allSatisfy { attribute in
                switch attribute.key {
                case "serviceName": true
                case "resourceType": Self.test(attribute, resourceType)
                case "resource": Self.test(attribute, id)
                default: false
                }
            }
        case .allIAMEnabledServices, .resourceGroupResources, .resourceGroupItself, .serviceInResourceGroup,
             .serviceInAccount, .instance:
            return false
        }
    }
}
