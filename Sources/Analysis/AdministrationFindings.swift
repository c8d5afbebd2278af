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
            let held = c.administrativePaths(of: iamID)
            let management = grants(held, c) { $0.accountManagement }
            let services = grants(held, c) { $0.allServices }
            guard !management.isEmpty || !services.isEmpty else { return nil }
            let manager = held.contains { $0.policies.managerOnAllServices }
            var parts: [String] = []
            if !management.isEmpty { parts.append("Administrator on all account management services " + sources(management)) }
            if !services.isEmpty {
                parts.append("Administrator\(manager ? " + Manager" : "") on all IAM-enabled services " + sources(services))
            }
            let full = !management.isEmpty && !services.isEmpty && manager
            // The first policies are named; the access groups and profiles behind the others stand for them.
            let named = policies(management + services, c).prefix(listedScopes)
            let namedIDs = Set(named.map(\.id))
            let others = (management + services).filter { !namedIDs.contains($0.policy.id) }.map(\.path)
            return Finding(.accountAdministrator, entities: [c.identity(iamID)] + named + holders(of: others, c),
                           why: parts.joined(separator: "; ") + (full ? ": full account administration" : ""))
        }
    }

    /// Scopes a `can-assign-access` finding names; the rest are counted per path, so that an identity holding
    /// Administrator through hundreds of policies makes one readable finding, not pages of text.
    static let listedScopes = 5

    static func accessAssigners(_ c: FindingContext) -> [Finding] {
        let owner = c.account.info?.ownerIAMID
        var subjects = c.subjects
        if let owner, !subjects.contains(owner) { subjects.append(owner) }
        return subjects.sorted().compactMap { iamID in
            var listed: [Grant] = []
            var unlisted: [(path: AccessPath, count: Int)] = []
            for (path, policies) in c.administrativePaths(of: iamID) where !policies.assigning.isEmpty {
                let shown = policies.assigning.prefix(listedScopes - listed.count)
                listed += shown.map { Grant(policy: $0, target: c.index.target(of: $0), path: path.steps) }
                if policies.assigning.count > shown.count { unlisted.append((path, policies.assigning.count - shown.count)) }
            }
            guard iamID == owner || !listed.isEmpty else { return nil }
            var scopes = listed.map { "Administrator on \(c.index.label(of: $0.target)) " + sources([$0]) }
            if !unlisted.isEmpty { scopes.append(moreScopes(unlisted, of: iamID)) }
            return Finding(.canAssignAccess, entities: [c.identity(iamID)] + policies(listed, c) + holders(of: unlisted.map(\.path.steps), c),
                           why: "can assign access as " + ((iamID == owner ? ["account owner (everything)"] : []) + scopes)
                               .joined(separator: "; "))
        }
    }

    /// The grants `select` picks from each path's administrative policies, held through that path.
    private static func grants(_ held: [(path: AccessPath, policies: AdministrativePolicies)], _ c: FindingContext,
                               _ select: (AdministrativePolicies) -> [Policy]) -> [Grant] {
        held.flatMap { path, policies in
            select(policies).map { Grant(policy: $0, target: c.index.target(of: $0), path: path.steps) }
        }
    }

    /// "and 42 more scopes (40 via access group Ops, 2 direct: `iamgraph access --identity IBMid-…` lists them)".
    private static func moreScopes(_ unlisted: [(path: AccessPath, count: Int)], of iamID: String) -> String {
        let total = unlisted.reduce(0) { $0 + $1.count }
        return "and \(total) more scope\(total == 1 ? "" : "s") ("
            + unlisted.map { "\($0.count) " + ($0.path.steps.isEmpty ? "direct" : "via " + $0.path.steps.pathDescription) }
                .joined(separator: ", ")
            + ": `iamgraph access --identity \(iamID)` lists them)"
    }

    /// The access groups and trusted profiles `paths` go through, each once.
    private static func holders(of paths: [[AccessStep]], _ c: FindingContext) -> [FindingEntity] {
        var seen = Set<String>()
        return paths.joined().compactMap { step -> FindingEntity? in
            switch step {
            case .accessGroup(let id, _, _): seen.insert(id).inserted ? c.group(id) : nil
            case .trustedProfile(_, let iamID, _): seen.insert(iamID).inserted ? c.identity(iamID) : nil
            case .publicAccess: seen.insert(AccessGroup.publicAccessID).inserted ? c.group(AccessGroup.publicAccessID) : nil
            }
        }
    }

    /// "(policy a649…, direct)" or "(policies 3b8c…, 5a6c…, 7d1e… and 4 more, via access group Admins)" — one
    /// parenthesis per path.
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
            let listed = ids.prefix(listedPolicies).joined(separator: ", ")
                + (ids.count > listedPolicies ? " and \(ids.count - listedPolicies) more" : "")
            return "(polic\(ids.count == 1 ? "y" : "ies") \(listed), \(path == "direct" ? "direct" : "via " + path))"
        }.joined(separator: " ")
    }

    /// Policy ids a why names per path; the rest are counted.
    static let listedPolicies = 3

    private static func policies(_ grants: [Grant], _ c: FindingContext) -> [FindingEntity] {
        var seen = Set<String>()
        return grants.filter { seen.insert($0.policy.id).inserted }.map { c.policy($0.policy) }
    }
}
