extension PolicyTarget {
    /// The label a review uses, in the words of the IBM docs, with qualifiers:
    /// "All resources in resource group prod", "kms in resource group prod (region us-south)".
    /// Operators other than a plain `stringEquals` read as such: "All resources in any resource group"
    /// (`stringExists true`), "services matching kms* across the account", "any of resource groups a, b".
    /// `resourceGroupName` and `instanceName` turn ids into names where the snapshot knows them. With `homeAccount`
    /// (the snapshot's account id), a policy whose `accountId` names another account says so.
    package func label(resourceGroupName: (String) -> String? = { _ in nil },
                      instanceName: (String) -> String? = { _ in nil },
                      homeAccount: String? = nil) -> String {
        func attribute(_ key: String) -> PolicyAttribute? { attributes.first { $0.key == key } }
        func phrase(_ key: String, _ noun: String, _ plural: String, plain: (String) -> String,
                    name: (String) -> String = { $0 }) -> String {
            guard let attribute = attribute(key) else { return plain("") }
            if AttributePhrase.isPlain(attribute) { return plain(attribute.value.description) }
            return AttributePhrase(noun: noun, plural: plural).text(attribute, name: name)
        }
        func groupName(_ id: String) -> String { resourceGroupName(id) ?? id }
        func instanceText(_ guid: String) -> String { instanceName(guid).map { "\($0) (\(guid))" } ?? guid }
        func group() -> String {
            phrase("resourceGroupId", "resource group", "resource groups", plain: { "resource group \(groupName($0))" },
                   name: groupName)
        }
        func service(_ plainText: (String) -> String) -> String {
            phrase("serviceName", "service", "services", plain: plainText)
        }
        func instance() -> String {
            phrase("serviceInstance", "instance", "instances", plain: { "instance \(instanceText($0))" }, name: instanceText)
        }
        var text: String
        switch scope {
        case .everything: text = "Everything in the account"
        case .allIAMEnabledServices: text = "All IAM-enabled services (all resources in the account)"
        case .allAccountManagement: text = "All account management services"
        case .allIAMAccountManagement: text = "All IAM account management services"
        case .accountManagementService: text = service { "Account management service \($0)" }
        case .resourceGroupResources: text = "All resources in \(group())"
        case .resourceGroupItself(let id):
            text = phrase("resource", "resource group", "resource groups", plain: { _ in "Resource group \(groupName(id))" },
                          name: groupName).capitalisedFirst + " itself"
        case .serviceInResourceGroup: text = "\(service { $0 }) in \(group())"
        case .serviceInAccount: text = "\(service { $0 }) across the account"
        case .instance(let serviceName, _):
            text = phrase("serviceInstance", "instance", "instances", plain: { "Instance \(instanceText($0))" },
                          name: instanceText) + (serviceName == nil ? "" : " of \(service { $0 })")
        case .subResource(let serviceName, let guid, let type, let resource):
            var parts: [String] = []
            if type != nil { parts.append(phrase("resourceType", "resource type", "resource types", plain: { "resource type \($0)" })) }
            if resource != nil { parts.append(phrase("resource", "resource", "resources", plain: { "resource \($0)" })) }
            if parts.isEmpty { parts.append("part") }
            text = parts.joined(separator: " / ")
            if guid != nil { text += " in \(instance())" } else if serviceName != nil { text += " of \(service { $0 })" }
        }
        var qualifierText = qualifiers.filter { $0.key != "resourceGroupId" }.map { q in
            AttributePhrase.isPlain(q) ? "\(q.key) \(q.value)" : AttributePhrase(noun: q.key, plural: q.key).text(q)
        }
        if let account {
            let accountText = AttributePhrase(noun: "account", plural: "accounts").text(account)
            if let homeAccount, isForeign(to: homeAccount) {
                qualifierText.append("in \(accountText), not this account")
            } else if !AttributePhrase.isPlain(account) {
                qualifierText.append(accountText)
            }
        }
        if !qualifierText.isEmpty { text += " (" + qualifierText.joined(separator: ", ") + ")" }
        return text
    }

    /// Whether the policy's `accountId` test excludes `accountID`: the policy is about another account.
    package func isForeign(to accountID: String) -> Bool {
        account.map { !Self.test($0, accountID) } ?? false
    }

    /// The short name of the policy type, for legends and JSON: `account`, `iam_services`, `instance`, …
    package var scopeName: String {
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

private extension String {
    /// The text with its first character upper-cased: a phrase at the start of a label.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
