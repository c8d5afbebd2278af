import Model

/// Roles a review must notice: Administrator and Manager anywhere; Editor and Operator too on account management.
/// The maps flag them, and `diff` marks and counts privileged gains.
package enum PrivilegedRoles {
    /// Whether granting `roleIDs` (role CRNs) on `target` is privileged.
    package static func isPrivileged(roleIDs: [String], target: PolicyTarget) -> Bool {
        let names = roleIDs.map(RoleName.fromCRN)
        if names.contains(where: { $0 == "Administrator" || $0 == "Manager" }) { return true }
        return target.isAccountManagement && names.contains { $0 == "Editor" || $0 == "Operator" }
    }
}
