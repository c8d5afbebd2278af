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
    static func administers(_ paths: some Sequence<AdministrativePath>) -> Bool {
        paths.contains { !$0.policies.accountManagement.isEmpty || !$0.policies.allServices.isEmpty }
    }

    /// An administrative policy held through one of a subject's administrative paths (by number in
    /// `Administration.paths`).
    fileprivate typealias Held = (path: Int32, policy: AdministrativePolicy)

    /// Scopes a `can-assign-access` finding names; the rest are counted per path, so that an identity holding
    /// Administrator through hundreds of policies makes one readable finding, not pages of text.
    static let listedScopes = 5

    /// The policies `select` picks from each path's administrative policies, held through that path.
    fileprivate static func held(_ list: [Int32], in administration: Administration,
                                 _ select: (AdministrativePolicies) -> [AdministrativePolicy]) -> [Held] {
        list.flatMap { path in select(administration.paths[Int(path)].policies).map { (path: path, policy: $0) } }
    }

    /// "and 42 more scopes (40 via access group Ops, 2 direct: `iamgraph access --identity ": what says how many
    /// scopes a `can-assign-access` why leaves out, up to the IAM id (`moreScopesEnd` follows it).
    fileprivate static func moreScopes(_ unlisted: [(path: Int32, count: Int)], in administration: Administration) -> String {
        let total = unlisted.reduce(0) { $0 + $1.count }
        return "and \(total) more scope\(total == 1 ? "" : "s") ("
            + unlisted.map { unlisted in
                let path = administration.paths[Int(unlisted.path)]
                return "\(unlisted.count) " + (path.isDirect ? "direct" : "via " + path.description)
            }
            .joined(separator: ", ")
            + ": `iamgraph access --identity "
    }

    /// What follows the IAM id in `moreScopes`.
    fileprivate static let moreScopesEnd = "` lists them)"

    /// The paths of a list that `keep` keeps: what a rule's text depends on, so that subjects whose lists differ only
    /// in the other paths are described once.
    fileprivate static func paths(of list: [Int32], in administration: Administration,
                                  keeping keep: (AdministrativePolicies) -> Bool) -> [Int32] {
        list.filter { keep(administration.paths[Int($0)].policies) }
    }

    /// The access groups and trusted profiles the paths go through, each once.
    fileprivate static func holders(of paths: [Int32], in administration: Administration, _ c: FindingContext) -> [FindingEntity] {
        var seenPaths = Set<Int32>()
        var seen = Set<String>()
        return paths.filter { seenPaths.insert($0).inserted }.flatMap { administration.paths[Int($0)].steps }.compactMap { step -> FindingEntity? in
            switch step {
            case .accessGroup(let id, _, _, _): seen.insert(id).inserted ? c.group(id) : nil
            case .trustedProfile(_, let iamID, _): seen.insert(iamID).inserted ? c.identity(iamID) : nil
            case .publicAccess: seen.insert(AccessGroup.publicAccessID).inserted ? c.group(AccessGroup.publicAccessID) : nil
            }
        }
    }

    /// "(policy a649…, direct)" or "(policies 3b8c…, 5a6c…, 7d1e… and 4 more, via access group Admins)" — one
    /// parenthesis per path description.
    fileprivate static func sources(_ held: [Held], in administration: Administration) -> String {
        // Few descriptions per why: a list searched in order is cheaper than hashing them.
        var groups: [(path: String, policies: [AdministrativePolicy])] = []
        for (number, policy) in held {
            let path = administration.paths[Int(number)].description
            guard let group = groups.firstIndex(where: { $0.path == path }) else {
                groups.append((path, [policy]))
                continue
            }
            if !groups[group].policies.contains(where: { $0.id == policy.id }) { groups[group].policies.append(policy) }
        }
        return groups.map { path, policies in source(policies, via: path) }.joined(separator: " ")
    }

    /// "(policy a649…, direct)" or "(policies 3b8c…, 5a6c…, 7d1e… and 4 more, via access group Admins)": distinct
    /// policies held through one path description.
    fileprivate static func source(_ policies: [AdministrativePolicy], via path: String) -> String {
        let listed = policies.prefix(listedPolicies).map(\.listedID).joined(separator: ", ")
            + (policies.count > listedPolicies ? " and \(policies.count - listedPolicies) more" : "")
        return "(polic\(policies.count == 1 ? "y" : "ies") \(listed), \(path == "direct" ? "direct" : "via " + path))"
    }

    /// Policy ids a why names per path; the rest are counted.
    static let listedPolicies = 3

    /// The first `limit` distinct policies, as entities (a few: those found are searched in order, not hashed).
    fileprivate static func policies(_ held: [Held], first limit: Int) -> [FindingEntity] {
        var entities: [FindingEntity] = []
        for (_, policy) in held where entities.count < limit && !entities.contains(where: { $0.id == policy.id }) {
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
        let administration = c.administration
        // What an administrator's finding says after its identity depends only on its paths with Administrator or
        // Manager on all account management or IAM-enabled services: it is made once for each list of those.
        var described: [[Int32]: (entities: [FindingEntity], why: String)] = [:]
        var ofList = [(entities: [FindingEntity], why: String)?](repeating: nil, count: administration.lists.count)
        return c.administrators.map { position in
            let list = administration.listOfSubject[Int(position)]
            let description = ofList[Int(list)] ?? {
                let paths = AdministrationFindings.paths(of: administration.lists[Int(list)], in: administration) {
                    !$0.accountManagement.isEmpty || !$0.allServices.isEmpty || $0.managerOnAllServices
                }
                let description = described[paths] ?? describe(paths, administration, c)
                described[paths] = description
                return description
            }()
            ofList[Int(list)] = description
            return Finding(.accountAdministrator, entities: FindingEntity.list(c.identity(ofSubject: position), then: description.entities),
                           why: description.why)
        }
    }

    /// The policies and holders an administrator's finding names after its identity, and its why, from its paths.
    private static func describe(_ paths: [Int32], _ administration: Administration, _ c: FindingContext)
    -> (entities: [FindingEntity], why: String) {
        let management = AdministrationFindings.held(paths, in: administration) { $0.accountManagement }
        let services = AdministrationFindings.held(paths, in: administration) { $0.allServices }
        let manager = paths.contains { administration.paths[Int($0)].policies.managerOnAllServices }
        var parts: [String] = []
        if !management.isEmpty {
            parts.append("Administrator on all account management services " + AdministrationFindings.sources(management, in: administration))
        }
        if !services.isEmpty {
            parts.append("Administrator\(manager ? " + Manager" : "") on all IAM-enabled services "
                         + AdministrationFindings.sources(services, in: administration))
        }
        let full = !management.isEmpty && !services.isEmpty && manager
        // The first policies are named; the access groups and profiles behind the others stand for them.
        let all = management + services
        let named = AdministrationFindings.policies(all, first: AdministrationFindings.listedScopes)
        let namedIDs = Set(named.map(\.id))
        let others = all.filter { !namedIDs.contains($0.policy.id) }.map(\.path)
        return (entities: named + AdministrationFindings.holders(of: others, in: administration, c),
                why: parts.joined(separator: "; ") + (full ? ": full account administration" : ""))
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
        let administration = c.administration
        // The subjects are sorted: the owner, when not among them, goes where it sorts (with no position among them,
        // and no path but Public Access's).
        let positioned = c.subjects
        var subjects = positioned.indices.map { (iamID: positioned[$0], position: Int32?(Int32($0))) }
        if let owner, !positioned.contains(owner) {
            subjects.insert((owner, nil), at: positioned.firstIndex { owner < $0 } ?? positioned.endIndex)
        }
        // What a finding says after its identity depends only on its paths with Administrator on some scope: it is
        // made once for each list of those, from texts made once per path.
        var texts = Texts(administration)
        var described: [[Int32]: Assigning] = [:]
        var ofList = [Assigning?](repeating: nil, count: administration.lists.count)
        return subjects.compactMap { iamID, position in
            let list = position.map { administration.listOfSubject[Int($0)] } ?? administration.everyoneElse
            guard iamID == owner || !administration.lists[Int(list)].isEmpty else { return nil }
            let assigning = ofList[Int(list)] ?? {
                let paths = AdministrationFindings.paths(of: administration.lists[Int(list)], in: administration) { !$0.assigning.isEmpty }
                let assigning = described[paths] ?? Assigning(paths, administration, &texts, c)
                described[paths] = assigning
                return assigning
            }()
            ofList[Int(list)] = assigning
            let isOwner = iamID == owner
            guard isOwner || !assigning.listed.isEmpty else { return nil }
            let identity = if let position { c.identity(ofSubject: position) } else { c.identity(iamID) }
            return Finding(.canAssignAccess, entities: FindingEntity.list(identity, then: assigning.entities),
                           why: assigning.why(of: iamID, isOwner: isOwner))
        }
    }

    /// "Administrator on kms across the account (policy a649…, direct)": what a finding lists of a scope its
    /// identity can assign access to, made once per path and listed scope for every subject holding the path.
    private struct Texts {
        private let administration: Administration
        /// The texts of the first `listedScopes` scopes of each path, by path number, made when first asked for.
        private var ofPath: [[String]?]

        init(_ administration: Administration) {
            self.administration = administration
            ofPath = Array(repeating: nil, count: administration.paths.count)
        }

        /// The text of the scope at `position` among a path's assigning policies (`position < listedScopes`).
        mutating func scope(_ position: Int, of path: Int32) -> String {
            if let texts = ofPath[Int(path)] { return texts[position] }
            let held = administration.paths[Int(path)]
            let texts = held.policies.assigning.prefix(AdministrationFindings.listedScopes).map { policy in
                "Administrator on \(policy.targetLabel) " + AdministrationFindings.source([policy], via: held.description)
            }
            ofPath[Int(path)] = texts
            return texts[position]
        }
    }

    /// What a finding says of the scopes its identity can assign access to, worked out from its paths.
    private struct Assigning {
        /// The policies listed, then the access groups and profiles behind the scopes left out.
        let entities: [FindingEntity]
        /// "Administrator on kms across the account (policy a649…, direct); …": the scopes listed, empty for none.
        let listed: String
        /// "; and 3 more scopes …": how many scopes are left out, up to the IAM id; `nil` when none is.
        let moreScopes: String?

        /// The scopes of `paths` (each with Administrator on some scope), in order.
        /// (`c` is borrowed: an initialiser's arguments are otherwise owned, and the context was copied per list.)
        init(_ paths: [Int32], _ administration: Administration, _ texts: inout Texts, _ c: borrowing FindingContext) {
            // The listed policies, each named once (at most `listedScopes` are listed, so all of them are named, as
            // `AdministrationFindings.policies(_:first:)` names them): read in place, not copied into a list first.
            var named: [FindingEntity] = []
            var listedTexts: [String] = []
            var unlisted: [(path: Int32, count: Int)] = []
            for path in paths {
                let assigning = administration.paths[Int(path)].policies.assigning
                let shown = min(assigning.count, AdministrationFindings.listedScopes - listedTexts.count)
                for position in 0..<shown {
                    if !named.contains(where: { $0.id == assigning[position].id }) { named.append(assigning[position].entity) }
                    listedTexts.append(texts.scope(position, of: path))
                }
                if assigning.count > shown { unlisted.append((path, assigning.count - shown)) }
            }
            entities = named + AdministrationFindings.holders(of: unlisted.map(\.path), in: administration, c)
            let listed = listedTexts.joined(separator: "; ")
            self.listed = listed
            moreScopes = unlisted.isEmpty ? nil : "; " + AdministrationFindings.moreScopes(unlisted, in: administration)
            start = Self.opening + listed
        }

        /// What every why starts with.
        private static let opening = "can assign access as "
        /// The why up to the scopes left out, for an identity that is not the account owner (whose `listed` is not
        /// empty): made once for every subject holding these paths.
        private let start: String

        /// "can assign access as account owner (everything); Administrator on …; and 3 more scopes (…: `iamgraph
        /// access --identity IAM-ID` lists them)": the scopes listed and counted, joined by "; ", after the account
        /// owner's "everything" for the owner. Only the IAM id is written per finding.
        func why(of iamID: String, isOwner: Bool) -> String {
            var why = isOwner ? Self.opening + "account owner (everything)" + (listed.isEmpty ? "" : "; " + listed) : start
            guard let moreScopes else { return why }
            let end = AdministrationFindings.moreScopesEnd
            why.reserveCapacity(why.utf8.count + moreScopes.utf8.count + iamID.utf8.count + end.utf8.count)
            why += moreScopes
            why += iamID
            why += end
            return why
        }
    }
}
