import Model

/// The account's sensitive targets (`SensitiveTarget.all`), indexed by what a policy scope can cover: a scope names
/// at most one resource group, or covers every resource group, so the targets Administrator on a scope administers
/// are found among a few candidates instead of by testing every target — a large account has thousands of
/// Administrator policies and hundreds of resource groups.
struct SensitiveTargets {
    /// The targets in the goal's order: the services, then the resource groups.
    let all: [SensitiveTarget]
    /// The position of each distinct service target, in order.
    private let services: [Int]
    /// The position of each distinct resource group target, in order.
    private let resourceGroups: [Int]
    /// The position of the resource group target with this id.
    private let resourceGroupByID: [String: Int]

    init(_ account: IAMAccount) {
        let all = SensitiveTarget.all(in: account)
        self.all = all
        var seen = Set<SensitiveTarget>(), services: [Int] = [], resourceGroups: [Int] = []
        var resourceGroupByID: [String: Int] = [:]
        // A target listed twice (a resource group id the snapshot repeats) is one goal: only its first position.
        for (position, target) in all.enumerated() where seen.insert(target).inserted {
            switch target {
            case .service: services.append(position)
            case .resourceGroup(let id):
                resourceGroups.append(position)
                resourceGroupByID[id] = position
            }
        }
        self.services = services
        self.resourceGroups = resourceGroups
        self.resourceGroupByID = resourceGroupByID
    }

    /// The positions, ascending, of the distinct targets that Administrator on `target` administers whole
    /// (`SensitiveTarget.isCovered(by:)`).
    func covered(by target: PolicyTarget) -> [Int] {
        let groups: [Int]
        switch target.scope {
        case .everything, .allIAMEnabledServices: groups = resourceGroups
        case .resourceGroupResources(let id): groups = id == "*" ? resourceGroups : resourceGroupByID[id].map { [$0] } ?? []
        case .allAccountManagement, .allIAMAccountManagement, .accountManagementService, .resourceGroupItself,
             .serviceInResourceGroup, .serviceInAccount, .instance, .subResource:
            groups = []
        }
        return (services + groups).filter { all[$0].isCovered(by: target) }
    }
}
