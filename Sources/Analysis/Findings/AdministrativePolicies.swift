import Model

/// What the policies of one path source (an IAM id's own, an access group's) grant in terms of administering the
/// account, worked out once per source: an identity's administration is then the union over its paths.
struct AdministrativePolicies {
    /// Administrator on all account management services, not narrowed; by target, then id.
    let accountManagement: [AdministrativePolicy]
    /// Administrator on all IAM-enabled services, not narrowed; by target, then id.
    let allServices: [AdministrativePolicy]
    /// Whether a policy grants Manager on all IAM-enabled services.
    let managerOnAllServices: Bool
    /// Administrator on anything but a resource group itself — what lets the holder assign access to it; by target,
    /// then id.
    let assigning: [AdministrativePolicy]

    /// The administration the policies at `rows` of `table` grant. (`index` is borrowed: an initialiser's arguments
    /// are otherwise owned, and the whole index was copied for every source.)
    init(_ rows: [Int32], in table: PolicyTable, _ index: borrowing AccessIndex) {
        // Only policies granting Administrator or Manager count; the others are left out before sorting.
        let candidates = rows.filter { table.rows[Int($0)].traits.contains(.administratorOrManager) }
        let targets = candidates.map { table.target(of: $0) }
        let ids = candidates.map { table.policies.id(of: $0) }
        let order = candidates.indices.sorted { (targets[$0].key, ids[$0]) < (targets[$1].key, ids[$1]) }
        var accountManagement: [AdministrativePolicy] = [], allServices: [AdministrativePolicy] = []
        var assigning: [AdministrativePolicy] = []
        var managerOnAllServices = false
        for position in order {
            let target = targets[position], row = candidates[position], roleIDs = table.policies.roleIDs(of: row)
            let allIAMEnabledServices = AdministrationFindings.coversAllIAMEnabledServices(target)
            if allIAMEnabledServices && roleIDs.contains(where: AdministrationFindings.isManager) {
                managerOnAllServices = true
            }
            guard roleIDs.contains(where: AdministrationFindings.isAdministrator) else { continue }
            let administrative = AdministrativePolicy(id: ids[position], entity: table.entities[Int(row)],
                                                      isConditional: table.policies.isConditional(row),
                                                      targetLabel: index.label(of: target))
            if AdministrationFindings.coversAllAccountManagement(target) { accountManagement.append(administrative) }
            if allIAMEnabledServices { allServices.append(administrative) }
            if case .resourceGroupItself = target.scope { continue }
            assigning.append(administrative)
        }
        self.accountManagement = accountManagement
        self.allServices = allServices
        self.managerOnAllServices = managerOnAllServices
        self.assigning = assigning
    }

    var isEmpty: Bool { accountManagement.isEmpty && allServices.isEmpty && !managerOnAllServices && assigning.isEmpty }
}
