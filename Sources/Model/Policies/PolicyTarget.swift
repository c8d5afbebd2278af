/// What a policy applies to, classified into the policy types of the IBM Cloud docs, with the qualifiers (region,
/// tags, other attributes) that narrow it.
package struct PolicyTarget: Sendable, Hashable {
    /// The policy types of the IBM docs.
    package enum Scope: Sendable, Hashable {
        /// Only `accountId`: everything in the account.
        case everything
        /// `serviceType=service`: all IAM-enabled services (all resources in the account).
        case allIAMEnabledServices
        /// `serviceType=platform_service`: all account management services.
        case allAccountManagement
        /// `service_group_id=IAM`: all IAM account management services.
        case allIAMAccountManagement
        /// One account management service, e.g. `iam-groups` or `billing`.
        case accountManagementService(String)
        /// Only `resourceGroupId`: all resources in a resource group.
        case resourceGroupResources(String)
        /// `resourceType=resource-group, resource=X`: the resource group itself (viewing, renaming it).
        case resourceGroupItself(String)
        /// `serviceName` and `resourceGroupId`.
        case serviceInResourceGroup(service: String, resourceGroup: String)
        /// `serviceName` alone: the service across the account.
        case serviceInAccount(String)
        /// `serviceInstance`: one instance.
        case instance(service: String?, guid: String)
        /// `resourceType`/`resource` (or service-specific attributes) inside an instance or service.
        case subResource(service: String?, instance: String?, resourceType: String?, resource: String?)
    }

    /// Resource attributes other than `accountId`, sorted by key.
    package let attributes: [PolicyAttribute]
    package let tags: [PolicyAttribute]
    package let scope: Scope
    /// The `accountId` test, kept apart: every policy has one, so it does not define the scope.
    package let account: PolicyAttribute?

    /// Attribute keys that define the scope; the rest are qualifiers.
    static let scopeKeys: Set<String> = ["serviceName", "serviceInstance", "resourceGroupId", "serviceType",
                                         "service_group_id", "resourceType", "resource"]

    /// `homeAccount` is the account the policy belongs to (the snapshot's): a test for it is left out of `key`, as
    /// every policy of the account has one; any other account test (another account, another operator) is in it.
    /// Without a home account, any account test is in the key.
    package init(resource: [PolicyAttribute], tags: [PolicyAttribute] = [], homeAccount: String? = nil) {
        // One pass and one array: every account has a target per policy, so each copy and string made here is made
        // hundreds of thousands of times on a large account.
        var account: PolicyAttribute?, attributes: [PolicyAttribute] = []
        attributes.reserveCapacity(resource.count)
        for attribute in resource {
            if attribute.key != "accountId" {
                attributes.append(attribute)
            } else if account == nil {
                account = attribute
            }
        }
        if attributes.count > 1 { attributes.sort { ($0.key, $0.operator) < ($1.key, $1.operator) } }
        self.account = account
        self.attributes = attributes
        self.tags = tags.count > 1 ? tags.sorted { ($0.key, $0.value.description) < ($1.key, $1.value.description) } : tags
        scope = Self.classify(attributes)
        key = Self.key(account: account.flatMap { test in
            test.operator == "stringEquals" && test.value.description == homeAccount ? nil : test
        }, attributes: attributes, tags: self.tags)
    }

    /// The target of `policy`, a policy of the account `homeAccount`.
    package init(_ policy: Policy, homeAccount: String) {
        self.init(resource: policy.resource, tags: policy.resourceTags, homeAccount: homeAccount)
    }

    /// A stable key naming what the policy reaches: its attributes and tags, e.g. `resourceGroupId=abc,serviceName=kms`,
    /// led by the account test when it is not for the home account (`accountId=other,serviceName=kms`): two targets
    /// with one key reach the same resources. Stored: node ids, sorting and diffs use it for every grant.
    package let key: String

    /// Region, tags and service-specific attributes that narrow the scope.
    package var qualifiers: [PolicyAttribute] {
        attributes.filter { !Self.scopeKeys.contains($0.key) } + tags.map {
            PolicyAttribute(key: "tag:" + $0.key, operator: $0.operator, value: $0.value)
        }
    }

    /// Whether any attribute or tag uses `stringMatch` wildcards.
    package var usesWildcards: Bool {
        func wildcard(_ attribute: PolicyAttribute) -> Bool {
            attribute.operator.hasPrefix("stringMatch") && attribute.value.containsString(where: Glob.hasWildcards)
        }
        return attributes.contains(where: wildcard) || tags.contains(where: wildcard)
    }

    /// The resource group the scope names, if any.
    package var resourceGroupID: String? { value("resourceGroupId") }
    /// The service the scope names, if any.
    package var serviceName: String? { value("serviceName") }
    /// The region qualifier, if any.
    package var region: String? { value("region") }

    func value(_ key: String) -> String? {
        attributes.first { $0.key == key }.map { $0.value.description }
    }

    /// `key`: the parts (the account test when given, each attribute, each tag as `tag:…`), each `key=value` or
    /// `key operator value`, joined by commas; `account` when there is none. Made into one string.
    private static func key(account: PolicyAttribute?, attributes: [PolicyAttribute], tags: [PolicyAttribute]) -> String {
        guard account != nil || !attributes.isEmpty || !tags.isEmpty else { return "account" }
        var key = ""
        key.reserveCapacity(24 * (attributes.count + tags.count + 1))
        if let account { append(account, to: &key) }
        for attribute in attributes {
            if !key.isEmpty { key += "," }
            append(attribute, to: &key)
        }
        for tag in tags {
            if !key.isEmpty { key += "," }
            key += "tag:"
            append(tag, to: &key)
        }
        return key
    }

    /// Appends `key=value`, or `key operator value` for an operator other than `stringEquals` (never empty).
    private static func append(_ attribute: PolicyAttribute, to text: inout String) {
        text += attribute.key
        if attribute.operator == "stringEquals" {
            text += "="
        } else {
            text += " "
            text += attribute.operator
            text += " "
        }
        switch attribute.value {
        case .string(let value): text += value
        case .bool, .list: text += attribute.value.description
        }
    }

    private static func classify(_ attributes: [PolicyAttribute]) -> Scope {
        // The first attribute of each scope key (attributes are sorted), found in one pass.
        var service, group, instance, resourceType, resource, serviceType, serviceGroup: PolicyAttribute?
        var specific = false
        for attribute in attributes {
            switch attribute.key {
            case "serviceName": if service == nil { service = attribute }
            case "resourceGroupId": if group == nil { group = attribute }
            case "serviceInstance": if instance == nil { instance = attribute }
            case "resourceType": if resourceType == nil { resourceType = attribute }
            case "resource": if resource == nil { resource = attribute }
            case "serviceType": if serviceType == nil { serviceType = attribute }
            case "service_group_id": if serviceGroup == nil { serviceGroup = attribute }
            case "region": break
            default: specific = true
            }
        }
        return classify(service: service?.value.description, group: group?.value.description,
                        instance: instance?.value.description, resourceType: resourceType?.value.description,
                        resource: resource?.value.description, serviceType: serviceType, serviceGroup: serviceGroup,
                        specific: specific)
    }

    /// The scope of the attributes' first values of each scope key; `specific` when an attribute other than those and
    /// `region` narrows it.
    static func classify(service: String?, group: String?, instance: String?, resourceType: String?,
                                 resource: String?, serviceType: PolicyAttribute?, serviceGroup: PolicyAttribute?,
                                 specific: Bool) -> Scope {
        if resourceType == "resource-group", let resource { return .resourceGroupItself(resource) }
        if resourceType != nil || resource != nil || (specific && (service != nil || instance != nil)) {
            return .subResource(service: service, instance: instance, resourceType: resourceType, resource: resource)
        }
        if let instance { return .instance(service: service, guid: instance) }
        if let service {
            if AccountManagementServices.all.contains(service) { return .accountManagementService(service) }
            if let group { return .serviceInResourceGroup(service: service, resourceGroup: group) }
            return .serviceInAccount(service)
        }
        switch serviceType?.value.description {
        case "platform_service": return .allAccountManagement
        case "service": return group.map { .resourceGroupResources($0) } ?? .allIAMEnabledServices
        default: break
        }
        if serviceGroup?.value.description == "IAM" { return .allIAMAccountManagement }
        if let group { return .resourceGroupResources(group) }
        return .everything
    }

    /// Whether the scope is about managing the account (account management services).
    package var isAccountManagement: Bool {
        switch scope {
        case .allAccountManagement, .allIAMAccountManagement, .accountManagementService, .everything: true
        case .allIAMEnabledServices, .resourceGroupResources, .resourceGroupItself, .serviceInResourceGroup,
             .serviceInAccount, .instance, .subResource: false
        }
    }
}
