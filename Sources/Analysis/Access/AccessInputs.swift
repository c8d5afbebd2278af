import Snapshot

extension EffectiveAccess {
    /// The collections effective access reads: when one is unknown, grants through it may be missing.
    package static let reads: Set<CollectionKind> = [
        .accessPolicies, .accessGroups, .accessGroupMembers, .trustedProfiles, .trustedProfileIdentities,
    ]
}

extension WhoHasAccess {
    /// The collections who-has-access reads: when one is unknown, some who can reach the instance may be missing.
    package static let reads: Set<CollectionKind> = EffectiveAccess.reads.union([
        .authorizationPolicies, .resourceInstances, .resourceKeys, .cbrRules, .cbrZones,
    ])
}
