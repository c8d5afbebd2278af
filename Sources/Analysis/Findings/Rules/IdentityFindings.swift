import Model

/// Rules about identities: users, service IDs and trusted profiles in no access group, service IDs whose API keys
/// lead to no access, trusted profiles nothing can assume.
enum IdentityFindings {
    static func usersInNoGroup(_ c: FindingContext) -> [Finding] {
        inNoGroup(c.account.users.map(Identity.user), .userInNoGroup, c)
    }

    static func serviceIDsInNoGroup(_ c: FindingContext) -> [Finding] {
        inNoGroup(c.account.serviceIDs.map(Identity.serviceID), .serviceIDInNoGroup, c)
    }

    static func profilesInNoGroup(_ c: FindingContext) -> [Finding] {
        inNoGroup(c.account.trustedProfiles.map(Identity.trustedProfile), .profileInNoGroup, c)
    }

    /// Identities that are members of no access group (the Public Access group, which everyone is in, aside).
    static func inNoGroup(_ identities: [Identity], _ rule: RuleID, _ c: FindingContext) -> [Finding] {
        identities.compactMap { identity in
            let groups = (c.index.groupsOfMember[identity.iamID] ?? []).filter { !$0.group.isPublicAccess }
            guard groups.isEmpty else { return nil }
            let direct = c.index.policiesOfIAMID[identity.iamID] ?? []
            let profiles = c.index.profilesAssumableBy[identity.iamID] ?? []
            var why = "member of no access group; "
            why += direct.isEmpty ? "no policy is assigned to it directly"
                : "\(direct.count) polic\(direct.count == 1 ? "y is" : "ies are") assigned to it directly: "
                  + direct.map(\.id).joined(separator: ", ")
            if !profiles.isEmpty { why += "; may assume " + profiles.map { $0.name ?? $0.id }.joined(separator: ", ") }
            return Finding(rule, entities: [c.identity(identity.iamID)] + direct.map(c.policy), why: why)
        }
    }

    static func serviceIDKeysWithoutAccess(_ c: FindingContext) -> [Finding] {
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

    static func unassumableProfiles(_ c: FindingContext) -> [Finding] {
        c.account.trustedProfiles.compactMap { profile in
            guard profile.rules.isEmpty, profile.links.isEmpty, profile.identities.isEmpty else { return nil }
            let policies = c.grants(of: profile.iamID).filter { !$0.path.contains(.publicAccess) }.count
            return Finding(.profileUnassumable, entities: [c.identity(profile.iamID)],
                           why: "no claim rules, no compute-resource links and no identities may assume it"
                               + (policies > 0 ? "; its \(policies) grant\(policies == 1 ? "" : "s") reach no one" : ""))
        }
    }
}

extension IdentityFindings {
    /// `no-identity-federation` (CIS 1.19): the account has no active identity provider, so no user logs in through
    /// a corporate IdP. A provider whose `active` is absent counts as active (the API's default).
    static func noIdentityFederation(_ c: FindingContext) -> [Finding] {
        let providers = c.account.identityProviders
        guard !providers.contains(where: { $0.active != false }) else { return [] }
        let why = providers.isEmpty ? "the account has no identity provider"
            : "the account's \(providers.count) identity provider\(providers.count == 1 ? " is" : "s are") all inactive"
        return [Finding(.noIdentityFederation, entities: [.collection(.identityProviders)],
                        why: why + ": users log in with IBMid, not through a corporate IdP")]
    }
}
