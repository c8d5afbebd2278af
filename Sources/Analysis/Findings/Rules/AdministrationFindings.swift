import Model
import Snapshot

/// Rules about who administers the account: account administrators and, per the IBM docs' table, who can assign
/// access. Both look at each identity's effective access, so grants through access groups and trusted profiles count.
enum AdministrationFindings {
    static func isAdministrator(_ roleID: String) -> Bool { roleID.hasSuffix(":role:Administrator") }
    static func isManager(_ roleID: String) -> Bool { roleID.hasSuffix(":serviceRole:Manager") }

    /// Whether the target is all account management services, unnarrowed.
    static func coversAllAccountManagement(_ target: PolicyTarget) -> Bool {
        guard target.qualifiers.isEmpty else { return false }
        switch target.scope {
        case .everything, .allAccountManagement: return true
        case .allIAMEnabledServices, .allIAMAccountManagement, .accountManagementService, .resourceGroupResources,
             .resourceGroupItself, .serviceInResourceGroup, .serviceInAccount, .instance, .subResource: return false
        }
    }

    /// Whether the target is all IAM-enabled services (every resource of the account), unnarrowed.
    static func coversAllIAMEnabledServices(_ target: PolicyTarget) -> Bool {
        guard target.qualifiers.isEmpty else { return false }
        switch target.scope {
        case .everything, .allIAMEnabledServices: return true
        case .resourceGroupResources(let group): return group == "*"
        case .allAccountManagement, .allIAMAccountManagement, .accountManagementService, .resourceGroupItself,
             .serviceInResourceGroup, .serviceInAccount, .instance, .subResource: return false
        }
    }

    /// Whether a subject's administrative paths hold Administrator on all account management services or on all
    /// IAM-enabled services: what makes it an account administrator.
    static func administers(_ paths: [FindingContext.AdministrativePath]) -> Bool {
        paths.contains { !$0.policies.accountManagement.isEmpty || !$0.policies.allServices.isEmpty }
    }

    /// The subjects `account-administrator` reports, in its order, found without describing them.
    static func administrators(_ c: FindingContext) -> [String] {
        c.subjects.filter { administers(c.administrativePaths(of: $0)) }
    }

    /// An administrative policy held through one of a subject's administrative paths (by position).
    fileprivate typealias Held = (path: Int, policy: AdministrativePolicy)

    /// Scopes a `can-assign-access` finding names; the rest are counted per path, so that an identity holding
    /// Administrator through hundreds of policies makes one readable finding, not pages of text.
    static let listedScopes = 5

    /// The policies `select` picks from each path's administrative policies, held through that path.
    fileprivate static func held(_ paths: [FindingContext.AdministrativePath],
                                 _ select: (AdministrativePolicies) -> [AdministrativePolicy]) -> [Held] {
        paths.indices.flatMap { position in select(paths[position].policies).map { (path: position, policy: $0) } }
    }

    /// "and 42 more scopes (40 via access group Ops, 2 direct: `iamgraph access --identity IBMid-…` lists them)".
    fileprivate static func moreScopes(_ unlisted: [(path: Int, count: Int)], in paths: [FindingContext.AdministrativePath],
                                       of iamID: String) -> String {
        let total = unlisted.reduce(0) { $0 + $1.count }
        return "and \(total) more scope\(total == 1 ? "" : "s") ("
            + unlisted.map { "\($0.count) " + (paths[$0.path].path.steps.isEmpty ? "direct" : "via " + paths[$0.path].description) }
                .joined(separator: ", ")
            + ": `iamgraph access --identity \(iamID)` lists them)"
    }

    /// The access groups and trusted profiles the paths at these positions go through, each once.
    fileprivate static func holders(of positions: [Int], in paths: [FindingContext.AdministrativePath],
                                    _ c: FindingContext) -> [FindingEntity] {
        var seenPaths = Set<Int>()
        var seen = Set<String>()
        return positions.filter { seenPaths.insert($0).inserted }.flatMap { paths[$0].path.steps }.compactMap { step -> FindingEntity? in
            switch step {
            case .accessGroup(let id, _, _, _): seen.insert(id).inserted ? c.group(id) : nil
            case .trustedProfile(_, let iamID, _): seen.insert(iamID).inserted ? c.identity(iamID) : nil
            case .publicAccess: seen.insert(AccessGroup.publicAccessID).inserted ? c.group(AccessGroup.publicAccessID) : nil
            }
        }
    }

    /// "(policy a649…, direct)" or "(policies 3b8c…, 5a6c…, 7d1e… and 4 more, via access group Admins)" — one
    /// parenthesis per path description.
    fileprivate static func sources(_ held: [Held], _ paths: [FindingContext.AdministrativePath]) -> String {
        // Few descriptions per why: a list searched in order is cheaper than hashing them.
        var groups: [(path: String, policies: [AdministrativePolicy])] = []
        for (position, policy) in held {
            let path = paths[position].description
            guard let group = groups.firstIndex(where: { $0.path == path }) else {
                groups.append((path, [policy]))
                continue
            }
            if !groups[group].policies.contains(where: { $0.id == policy.id }) { groups[group].policies.append(policy) }
        }
        return groups.map { path, policies in
            let listed = policies.prefix(listedPolicies).map(\.listedID).joined(separator: ", ")
                + (policies.count > listedPolicies ? " and \(policies.count - listedPolicies) more" : "")
            return "(polic\(policies.count == 1 ? "y" : "ies") \(listed), \(path == "direct" ? "direct" : "via " + path))"
        }.joined(separator: " ")
    }

    /// Policy ids a why names per path; the rest are counted.
    static let listedPolicies = 3

    /// The first `limit` distinct policies, as entities.
    fileprivate static func policies(_ held: [Held], first limit: Int = .max) -> [FindingEntity] {
        var seen = Set<String>()
        var entities: [FindingEntity] = []
        for (_, policy) in held where entities.count < limit && seen.insert(policy.id).inserted {
            entities.append(policy.entity)
        }
        return entities
    }
}

/// `account-administrator`: Account administrator.
struct AccountAdministratorRule: AlwaysEvaluatedRule {
    static let id = "account-administrator"
    static let severity = Severity.warning
    static let title = "Account administrator"
    static let summary =
        "The identity holds Administrator on all account management services or on all IAM-enabled services, directly, through access groups or through a trusted profile."
    static let fix =
        "Keep the number of administrators small; review the list regularly."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.trustedProfileIdentities]

    static func findings(_ c: FindingContext) -> [Finding] {
        c.subjects.compactMap { iamID in
            let paths = c.administrativePaths(of: iamID)
            guard AdministrationFindings.administers(paths) else { return nil }
            let management = AdministrationFindings.held(paths) { $0.accountManagement }
            let services = AdministrationFindings.held(paths) { $0.allServices }
            let manager = paths.contains { $0.policies.managerOnAllServices }
            var parts: [String] = []
            if !management.isEmpty { parts.append("Administrator on all account management services " + AdministrationFindings.sources(management, paths)) }
            if !services.isEmpty {
                parts.append("Administrator\(manager ? " + Manager" : "") on all IAM-enabled services " + AdministrationFindings.sources(services, paths))
            }
            let full = !management.isEmpty && !services.isEmpty && manager
            // The first policies are named; the access groups and profiles behind the others stand for them.
            let all = management + services
            let named = AdministrationFindings.policies(all, first: AdministrationFindings.listedScopes)
            let namedIDs = Set(named.map(\.id))
            let others = all.filter { !namedIDs.contains($0.policy.id) }.map(\.path)
            return Finding(.accountAdministrator, entities: [c.identity(iamID)] + named + AdministrationFindings.holders(of: others, in: paths, c),
                           why: parts.joined(separator: "; ") + (full ? ": full account administration" : ""))
        }
    }
}

/// `can-assign-access`: Can assign access.
struct CanAssignAccessRule: AlwaysEvaluatedRule {
    static let id = "can-assign-access"
    static let severity = Severity.note
    static let title = "Can assign access"
    static let summary =
        "The identity can assign access to others: it is the account owner, or holds Administrator on some scope (all IAM-enabled services, a service, a resource group, an instance, IAM Access Management or Access Groups)."
    static let fix =
        "Keep Administrator roles to the people who need to manage access; review the list regularly."
    static let requires: Set<CollectionKind> = [.accessPolicies, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = [.trustedProfileIdentities, .account]

    static func findings(_ c: FindingContext) -> [Finding] {
        let owner = c.account.info?.ownerIAMID
        // The subjects are sorted: the owner, when not among them, goes where it sorts.
        var subjects = c.subjects
        if let owner, !subjects.contains(owner) { subjects.insert(owner, at: subjects.firstIndex { owner < $0 } ?? subjects.endIndex) }
        return subjects.compactMap { iamID in
            let paths = c.administrativePaths(of: iamID)
            var listed: [AdministrationFindings.Held] = []
            var unlisted: [(path: Int, count: Int)] = []
            for (position, held) in paths.enumerated() where !held.policies.assigning.isEmpty {
                let assigning = held.policies.assigning
                let shown = assigning.prefix(AdministrationFindings.listedScopes - listed.count)
                listed += shown.map { (path: position, policy: $0) }
                if assigning.count > shown.count { unlisted.append((position, assigning.count - shown.count)) }
            }
            guard iamID == owner || !listed.isEmpty else { return nil }
            var scopes = listed.map { "Administrator on \($0.policy.targetLabel) " + AdministrationFindings.sources([$0], paths) }
            if !unlisted.isEmpty { scopes.append(AdministrationFindings.moreScopes(unlisted, in: paths, of: iamID)) }
            return Finding(.canAssignAccess,
                           entities: [c.identity(iamID)] + AdministrationFindings.policies(listed) + AdministrationFindings.holders(of: unlisted.map(\.path), in: paths, c),
                           why: "can assign access as " + ((iamID == owner ? ["account owner (everything)"] : []) + scopes)
                               .joined(separator: "; "))
        }
    }
}
