extension PolicyTarget {
    /// The label a review uses, in the words of the IBM docs, with qualifiers:
    /// "All resources in resource group prod", "kms in resource group prod (region us-south)".
    /// `resourceGroupName` and `instanceName` turn ids into names where the snapshot knows them.
    public func label(resourceGroupName: (String) -> String? = { _ in nil },
                      instanceName: (String) -> String? = { _ in nil }) -> String {
        func group(_ id: String) -> String { id == "*" ? "any resource group" : "resource group \(resourceGroupName(id) ?? id)" }
        func instance(_ guid: String) -> String { instanceName(guid).map { "\($0) (\(guid))" } ?? guid }
        var text: String
        switch scope {
        case .everything: text = "Everything in the account"
        case .allIAMEnabledServices: text = "All IAM-enabled services (all resources in the account)"
        case .allAccountManagement: text = "All account management services"
        case .allIAMAccountManagement: text = "All IAM account management services"
        case .accountManagementService(let service): text = "Account management service \(service)"
        case .resourceGroupResources(let id): text = "All resources in \(group(id))"
        case .resourceGroupItself(let id): text = "Resource group \(resourceGroupName(id) ?? id) itself"
        case .serviceInResourceGroup(let service, let id): text = "\(service) in \(group(id))"
        case .serviceInAccount(let service): text = "\(service) across the account"
        case .instance(let service, let guid): text = "Instance \(instance(guid))" + (service.map { " of \($0)" } ?? "")
        case .subResource(let service, let guid, let type, let resource):
            var parts: [String] = []
            if let type { parts.append("resource type \(type)") }
            if let resource { parts.append("resource \(resource)") }
            if parts.isEmpty { parts.append("part") }
            text = parts.joined(separator: " / ")
            if let guid { text += " in instance \(instance(guid))" } else if let service { text += " of \(service)" }
        }
        let qualifierText = qualifiers.filter { !($0.key == "resourceGroupId") }.map { q in
            q.operator == "stringEquals" ? "\(q.key) \(q.value)" : "\(q.key) \(q.operator) \(q.value)"
        }
        if !qualifierText.isEmpty { text += " (" + qualifierText.joined(separator: ", ") + ")" }
        return text
    }

    /// The short name of the policy type, for legends and JSON: `account`, `iam_services`, `instance`, …
    public var scopeName: String {
        switch scope {
        case .everything: "account"
        case .allIAMEnabledServices: "all_iam_enabled_services"
        case .allAccountManagement: "all_account_management"
        case .allIAMAccountManagement: "all_iam_account_management"
        case .accountManagementService: "account_management_service"
        case .resourceGroupResources: "resource_group_resources"
        case .resourceGroupItself: "resource_group"
        case .serviceInResourceGroup: "service_in_resource_group"
        case .serviceInAccount: "service_in_account"
        case .instance: "instance"
        case .subResource: "resource_in_instance"
        }
    }
}
