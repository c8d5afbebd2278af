import Model

/// Roles a review must notice: Administrator and Manager anywhere; Editor and Operator too on account management.
enum PrivilegedRoles {
    static func isPrivileged(roleIDs: [String], target: PolicyTarget) -> Bool {
        let names = Set(roleIDs.map(RoleName.fromCRN))
        if !names.isDisjoint(with: ["Administrator", "Manager"]) { return true }
        return target.isAccountManagement && !names.isDisjoint(with: ["Editor", "Operator"])
    }
}
