import Model

/// Rules about who administers the account: account administrators and, per the IBM docs' table, who can assign
/// access. Both look at each identity's effective access, so grants through access groups and trusted profiles count.
enum AdministrationFindings {
    static let rules: [FindingRule] = [
        FindingRule(.accountAdministrator, findings: administrators),
        FindingRule(.canAssignAccess, findings: accessAssigners),
    ]

    static func isAdministrator(_ roleID: String) -> Bool { roleID.hasSuffix(":role:Administrator") }
    static func isManager(_ roleID: String) -> Bool { roleID.hasSuffix(":serviceRole:Manager") }

    /// Whether the target is all account management services, unnarrowed.
    static func coversAllAccountManagement(_ target: PolicyTarget) -> Bool {
        guard target.qualifiers.isEmpty else { return false }
        switch target.scope {
        case .everything, .allAccountManagement: return true
        default: return false
        }
    }

    /// Whether the target is all IAM-enabled services (every resource of the account), unnarrowed.
    static func coversAllIAMEnabledServices(_ target: PolicyTarget) -> Bool {
        guard target.qualifiers.isEmpty else { return false }
        switch target.scope {
        case .everything, .allIAMEnabledServices: return true
        case .resourceGroupResources(let group): return group == "*"
        default: return false
        }
    }

    static func administrators(_ c: FindingContext) -> [Finding] {
        c.subjects.compactMap { iamID in
            let grants = c.administrativeGrants[iamID] ?? []
            let management = grants.filter { $0.roleIDs.contains(where: isAdministrator) && coversAllAccountManagement($0.target) }
            let services = grants.filter { $0.roleIDs.contains(where: isAdministrator) && coversAllIAMEnabledServices($0.target) }
            guard !management.isEmpty || !services.isEmpty else { return nil }
            let manager = grants.contains { $0.roleIDs.contains(where: isManager) && coversAllIAMEnabledServices($0.target) }
            var parts: [String] = []
            if !management.isEmpty { parts.append("Administrator on all account management services " + sources(management)) }
            if !services.isEmpty {
                parts.append("Administrator\(manager ? " + Manager" : "") on all IAM-enabled services " + sources(services))
            }
            let full = !management.isEmpty && !services.isEmpty && manager
            return Finding(.accountAdministrator, entities: [c.identity(iamID)] + policies(management + services, c),
                           why: parts.joined(separator: "; ") + (full ? ": full account administration" : ""))
        }
    }

    static func accessAssigners(_ c: FindingContext) -> [Finding] {
        let owner = c.account.info?.ownerIAMID
        var subjects = c.subjects
        if let owner, !subjects.contains(owner) { subjects.append(owner) }
        return subjects.sorted().compactMap { iamID in
            let grants = (c.administrativeGrants[iamID] ?? []).filter { grant in
                if case .resourceGroupItself = grant.target.scope { return false }
                return grant.roleIDs.contains(where: isAdministrator)
            }
            guard iamID == owner || !grants.isEmpty else { return nil }
            let scopes = grants.map { "Administrator on \(c.index.label(of: $0.target)) " + sources([$0]) }
            return Finding(.canAssignAccess, entities: [c.identity(iamID)] + policies(grants, c),
                           why: "can assign access as " + ((iamID == owner ? ["account owner (everything)"] : []) + scopes)
                               .joined(separator: "; "))
        }
    }

    /// "(policy a649…, direct)" or "(policies 3b8c…, 5a6c…, via access group Admins)" — one parenthesis per path.
    private static func sources(_ grants: [Grant]) -> String {
        var order: [String] = []
        var byPath: [String: [String]] = [:]
        for grant in grants {
            let path = grant.path.pathDescription
            if byPath[path] == nil { order.append(path) }
            let id = grant.policy.id + (grant.policy.rule == nil ? "" : " [conditional]")
            if byPath[path]?.contains(id) != true { byPath[path, default: []].append(id) }
        }
        return order.map { path in
            let ids = byPath[path]!
            return "(polic\(ids.count == 1 ? "y" : "ies") \(ids.joined(separator: ", ")), \(path == "direct" ? "direct" : "via " + path))"
        }.joined(separator: " ")
    }

    private static func policies(_ grants: [Grant], _ c: FindingContext) -> [FindingEntity] {
        var seen = Set<String>()
        return grants.filter { seen.insert($0.policy.id).inserted }.map { c.policy($0.policy) }
    }
}
