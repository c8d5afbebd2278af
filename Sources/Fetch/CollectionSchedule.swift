import Snapshot

/// Where each collection stands in a fetch: what its requests wait for, and whether a fetch scoped to one identity
/// reads it. `FetchPlan` derives its order from these, so a new collection is placed by its shape and one switch.
extension CollectionKind {
    /// What a collection's requests wait for.
    enum FetchStart: Sendable, Equatable {
        /// Nothing: the collection is requested as the fetch starts.
        case atOnce
        /// The ids of its `parent` collection: one listing per parent.
        case parents
        /// The services named by policies and instances: `/v2/roles` is asked once per service.
        case namedServices
    }

    /// What the collection's requests wait for, from its shape.
    var fetchStart: FetchStart {
        switch shape {
        case .list, .object: .atOnce
        case .perParent: .parents
        case .roles: .namedServices
        }
    }

    /// Whether a fetch scoped to one identity (`--identity`) reads the collection: the identity's access groups with
    /// their members and rules, its and their policies, and the roles that name what those grant.
    var inIdentityScope: Bool {
        switch self {
        case .accessGroups, .accessGroupMembers, .accessGroupRules, .accessPolicies, .roles: true
        case .account, .users, .serviceIDs, .trustedProfiles, .trustedProfileLinks, .trustedProfileRules,
             .trustedProfileIdentities, .accessGroupSettings, .authorizationPolicies, .policyTemplates,
             .policyAssignments, .resourceGroups, .resourceInstances, .apiKeys, .identitySettings: false
        }
    }

    /// Whether the collection names services whose roles `roles.json` must hold (policies and instances do).
    var namesServices: Bool { holdsPolicies || self == .resourceInstances }

    /// The collections a fetch reads: all of them, or those in an identity's scope.
    static func fetched(identityScoped: Bool) -> [CollectionKind] {
        allCases.filter { !identityScoped || $0.inIdentityScope }
    }

    /// The collections requested as a fetch starts. An identity's policies are not among them: they are asked per
    /// access group of the identity, so they wait for its groups.
    static func startingAtOnce(identityScoped: Bool) -> [CollectionKind] {
        fetched(identityScoped: identityScoped).filter { $0.fetchStart == .atOnce && !(identityScoped && $0.holdsPolicies) }
    }
}
