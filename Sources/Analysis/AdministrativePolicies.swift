import Model

/// What the policies of one path source (an IAM id's own, an access group's) grant in terms of administering the
/// account, worked out once per source: an identity's administration is then the union over its paths.
struct AdministrativePolicies {
    /// Administrator on all account management services, not narrowed; by target, then id.
    let accountManagement: [Policy]
    /// Administrator on all IAM-enabled services, not narrowed; by target, then id.
    let allServices: [Policy]
    /// Whether a policy grants Manager on all IAM-enabled services.
    let managerOnAllServices: Bool
    /// Administrator on anything but a resource group itself — what lets the holder assign access to it; by target,
    /// then id.
    let assigning: [Policy]

    init(_ policies: [Policy], in index: AccessIndex) {
        let ordered = policies.map { (key: [index.target(of: $0).key, $0.id], policy: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.policy)
        func administrator(_ policy: Policy) -> Bool { policy.roleIDs.contains(where: AdministrationFindings.isAdministrator) }
        accountManagement = ordered.filter { administrator($0) && AdministrationFindings.coversAllAccountManagement(index.target(of: $0)) }
        allServices = ordered.filter { administrator($0) && AdministrationFindings.coversAllIAMEnabledServices(index.target(of: $0)) }
        managerOnAllServices = ordered.contains {
            $0.roleIDs.contains(where: AdministrationFindings.isManager) && AdministrationFindings.coversAllIAMEnabledServices(index.target(of: $0))
        }
        assigning = ordered.filter { policy in
            if case .resourceGroupItself = index.target(of: policy).scope { return false }
            return administrator(policy)
        }
    }

    var isEmpty: Bool { accountManagement.isEmpty && allServices.isEmpty && !managerOnAllServices && assigning.isEmpty }
}
