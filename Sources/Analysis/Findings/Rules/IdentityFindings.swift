import Model
import Snapshot

/// Rules about identities: users, service IDs and trusted profiles in no access group, service IDs whose API keys
/// lead to no access, trusted profiles nothing can assume.
enum IdentityFindings {
    /// Identities that are members of no access group (the Public Access group, which everyone is in, aside).
    static func inNoGroup(_ iamIDs: some Sequence<String>, _ rule: RuleID, _ c: FindingContext) -> [Finding] {
        let policies = c.policies
        return iamIDs.compactMap { iamID in
            // Memberships read in place: each is a group and a member, not copied to be tested.
            let memberships = c.index.groupsOfMember[iamID] ?? []
            guard !memberships.indices.contains(where: { !InPlace.isPublicAccess(memberships, $0) }) else { return nil }
            let direct = policies.rows(ofIAMID: iamID) ?? []
            let profiles = c.index.profilesAssumableBy[iamID] ?? []
            var why = "member of no access group; "
            why += direct.isEmpty ? "no policy is assigned to it directly"
                : "\(direct.count) polic\(direct.count == 1 ? "y is" : "ies are") assigned to it directly: "
                  + direct.map { policies.policies.id(of: $0) }.joined(separator: ", ")
            if !profiles.isEmpty { why += "; may assume " + profiles.map { $0.name ?? $0.id }.joined(separator: ", ") }
            return Finding(rule, entities: [c.identity(iamID)] + direct.map { c.policy($0) }, why: why)
        }
    }
}

/// `service-id-key-without-access`: Service ID with API keys but no access.
struct ServiceIDKeyWithoutAccessRule: AlwaysEvaluatedRule {
    static let id = "service-id-key-without-access"
    static let severity = Severity.warning
    static let title = "Service ID with API keys but no access"
    static let summary =
        "The service ID has API keys, but no policy reaches it (directly, through access groups or through trusted profiles)."
    static let fix =
        "Delete the API keys (or the service ID) if nothing uses them."
    static let requires: Set<CollectionKind> = [.apiKeys, .serviceIDs, .accessPolicies, .accessGroups, .accessGroupMembers, .trustedProfileIdentities]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        let keysByOwner = Dictionary(grouping: c.account.apiKeys.filter { $0.iamID != nil }, by: { $0.iamID! })
        return c.account.serviceIDs.compactMap { serviceID in
            guard let keys = keysByOwner[serviceID.iamID], !keys.isEmpty else { return nil }
            // Some path (Public Access aside) to a source with a policy is access; no grant list needs building.
            guard !c.index.paths(of: serviceID.iamID).contains(where: { !c.index.policies(of: $0.source).isEmpty }) else { return nil }
            let names = keys.map { key in
                (key.name.map { "\($0) (\(key.id))" } ?? key.id) + (key.disabled == true ? " [disabled]" : "")
                    + (key.locked == true ? " [locked]" : "")
            }
            return Finding(.serviceIDKeyWithoutAccess,
                           entities: [c.identity(serviceID.iamID)] + keys.map { FindingEntity(.apiKey, id: $0.id, name: $0.name) },
                           why: "no policy reaches it (directly, through an access group or a trusted profile), yet "
                               + "\(keys.count) API key\(keys.count == 1 ? "" : "s") can log in as it: "
                               + names.joined(separator: ", "))
        }
    }
}

/// `user-in-no-group`: User in no access group.
struct UserInNoGroupRule: AlwaysEvaluatedRule {
    static let id = "user-in-no-group"
    static let severity = Severity.note
    static let title = "User in no access group"
    static let summary =
        "The user is a member of no access group."
    static let fix =
        "Add the user to the access groups of their team, or remove the user from the account."
    static let requires: Set<CollectionKind> = [.users, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        IdentityFindings.inNoGroup(c.account.users.lazy.map(\.iamID), .userInNoGroup, c)
    }
}

/// `service-id-in-no-group`: Service ID in no access group.
struct ServiceIDInNoGroupRule: AlwaysEvaluatedRule {
    static let id = "service-id-in-no-group"
    static let severity = Severity.note
    static let title = "Service ID in no access group"
    static let summary =
        "The service ID is a member of no access group."
    static let fix =
        "Grant the service ID's access through an access group, or delete it if unused."
    static let requires: Set<CollectionKind> = [.serviceIDs, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        IdentityFindings.inNoGroup(c.account.serviceIDs.lazy.map(\.iamID), .serviceIDInNoGroup, c)
    }
}

/// `profile-in-no-group`: Trusted profile in no access group.
struct ProfileInNoGroupRule: AlwaysEvaluatedRule {
    static let id = "profile-in-no-group"
    static let severity = Severity.note
    static let title = "Trusted profile in no access group"
    static let summary =
        "The trusted profile is a member of no access group."
    static let fix =
        "Grant the profile's access through an access group."
    static let requires: Set<CollectionKind> = [.trustedProfiles, .accessGroups, .accessGroupMembers]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        IdentityFindings.inNoGroup(c.account.trustedProfiles.lazy.map(\.iamID), .profileInNoGroup, c)
    }
}

/// `profile-unassumable`: Trusted profile nothing can assume.
struct ProfileUnassumableRule: AlwaysEvaluatedRule {
    static let id = "profile-unassumable"
    static let severity = Severity.note
    static let title = "Trusted profile nothing can assume"
    static let summary =
        "The trusted profile has no claim rules, no compute-resource links and no identities allowed to assume it, so nothing can use it."
    static let fix =
        "Add a claim rule, a compute-resource link or an identity, or delete the profile."
    static let requires: Set<CollectionKind> = [.trustedProfiles, .trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        c.account.trustedProfiles.compactMap { profile in
            guard profile.rules.isEmpty, profile.links.isEmpty, profile.identities.isEmpty else { return nil }
            let policies = c.grants(of: profile.iamID).filter { !$0.path.contains(.publicAccess) }.count
            return Finding(.profileUnassumable, entities: [c.identity(profile.iamID)],
                           why: "no claim rules, no compute-resource links and no identities may assume it"
                               + (policies > 0 ? "; its \(policies) grant\(policies == 1 ? "" : "s") reach no one" : ""))
        }
    }
}
