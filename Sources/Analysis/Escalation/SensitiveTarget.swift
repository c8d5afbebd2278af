import Model

/// A target short of account administration whose administration the `privilege-escalation` rule still flags (as a
/// warning): Administrator on all of a sensitive service — keys, secrets, or IAM identities — or on all resources in
/// a resource group. Whoever holds it can read or destroy what it protects and assign access to it.
package enum SensitiveTarget: Sendable, Hashable, Comparable {
    /// A service, by its policy `serviceName`: one of `services`.
    case service(String)
    /// A resource group of the account, by id.
    case resourceGroup(id: String)

    /// The sensitive services, with their names: Key Protect and Hyper Protect Crypto Services (encryption keys),
    /// Secrets Manager (secrets), IAM Identity (API keys, service IDs and trusted profiles of everyone).
    package static let services: [(name: String, title: String)] = [
        ("kms", "Key Protect"), ("hs-crypto", "Hyper Protect Crypto Services"),
        ("secrets-manager", "Secrets Manager"), ("iam-identity", "IAM Identity"),
    ]

    /// The account's sensitive targets: the services, then its resource groups.
    package static func all(in account: IAMAccount) -> [SensitiveTarget] {
        services.map { .service($0.name) } + account.resourceGroups.map { .resourceGroup(id: $0.id) }
    }

    /// A stable id, e.g. `service:kms`, `resource_group:<id>`.
    package var id: String {
        switch self {
        case .service(let name): "service:" + name
        case .resourceGroup(let id): "resource_group:" + id
        }
    }

    /// "Key Protect (kms)", "resource group Production".
    package func label(in account: IAMAccount) -> String {
        switch self {
        case .service(let name):
            (Self.services.first { $0.name == name }?.title).map { "\($0) (\(name))" } ?? name
        case .resourceGroup(let id):
            "resource group " + (account.resourceGroups.first { $0.id == id }?.name ?? id)
        }
    }

    /// Whether Administrator on `target` administers all of this target: the target covers it whole, unnarrowed.
    func isCovered(by target: PolicyTarget) -> Bool {
        covers(target.scope) && target.qualifiers.isEmpty
    }

    private func covers(_ scope: PolicyTarget.Scope) -> Bool {
        switch (self, scope) {
        case (_, .everything): return true
        case (.service(let name), .serviceInAccount(let service)), (.service(let name), .accountManagementService(let service)):
            return name == service
        case (.service(let name), .allIAMEnabledServices):
            return !AccountManagementServices.all.contains(name)
        case (.service(let name), .resourceGroupResources(let group)):
            return group == "*" && !AccountManagementServices.all.contains(name)
        case (.service(let name), .allAccountManagement):
            return AccountManagementServices.all.contains(name)
        case (.service(let name), .allIAMAccountManagement):
            return AccountManagementServices.iam.contains(name)
        case (.resourceGroup, .allIAMEnabledServices): return true
        case (.resourceGroup(let id), .resourceGroupResources(let group)): return group == id || group == "*"
        case (.service, .resourceGroupItself), (.service, .serviceInResourceGroup), (.service, .instance),
             (.service, .subResource), (.resourceGroup, .allAccountManagement), (.resourceGroup, .allIAMAccountManagement),
             (.resourceGroup, .accountManagementService), (.resourceGroup, .resourceGroupItself),
             (.resourceGroup, .serviceInResourceGroup), (.resourceGroup, .serviceInAccount), (.resourceGroup, .instance),
             (.resourceGroup, .subResource):
            return false
        }
    }

    package static func < (lhs: SensitiveTarget, rhs: SensitiveTarget) -> Bool { lhs.id < rhs.id }
}
