import Foundation
import Snapshot

/// Builds an `IAMAccount` from a snapshot and reports everything wrong with it: the reader's problems (files,
/// checksums), decoding problems (types, duplicates) and dangling references.
package enum AccountLoader {
    /// The account and every problem found, from the snapshot directory at `directory`.
    package static func load(directory: URL) throws(SnapshotReader.Unreadable) -> (account: IAMAccount, problems: [ValidationProblem]) {
        load(try SnapshotReader.load(directory))
    }

    /// The account and every problem found, from an already read snapshot.
    ///
    /// The access policies — on large accounts half of all decoding — are decoded on another thread while this one
    /// decodes the other collections; each part has its own `CollectionDecoder`, and their problems are joined in
    /// collection order, so the result does not depend on the timing.
    package static func load(_ snapshot: LoadedSnapshot) -> (account: IAMAccount, problems: [ValidationProblem]) {
        let policyPart = Concurrent {
            var decoder = CollectionDecoder(snapshot)
            let access = policies(.accessPolicies, &decoder)
            let authorizations = policies(.authorizationPolicies, &decoder)
            return (access: access, authorizations: authorizations, problems: decoder.problems, unreadable: decoder.unreadable)
        }
        var decoder = CollectionDecoder(snapshot)
        let users = decoder.list(.users, User.self, id: \.iamID)
        let serviceIDs = decoder.list(.serviceIDs, ServiceID.self, id: \.id)
        var profiles = decoder.list(.trustedProfiles, TrustedProfile.self, id: \.id)
        let links = decoder.perParent(.trustedProfileLinks, ProfileLink.self, id: \.id)
        let claimRules = decoder.perParent(.trustedProfileRules, ProfileClaimRule.self, id: \.id)
        let identities = decoder.perParent(.trustedProfileIdentities, ProfileIdentity.self, id: \.iamID)
        var groups = decoder.list(.accessGroups, AccessGroup.self, id: \.id)
        let members = decoder.perParent(.accessGroupMembers, GroupMember.self, id: \.iamID)
        let groupRules = decoder.perParent(.accessGroupRules, GroupRule.self, id: \.id)
        let usage = decoder.volatile(snapshot.policyUsage, file: VolatileArea.policyUsage.file, [String: PolicyUsage].self) ?? [:]

        for index in profiles.indices {
            profiles[index].links = links[profiles[index].id] ?? []
            profiles[index].rules = claimRules[profiles[index].id] ?? []
            profiles[index].identities = identities[profiles[index].id] ?? []
        }
        for index in groups.indices {
            groups[index].members = members[groups[index].id] ?? []
            groups[index].rules = groupRules[groups[index].id] ?? []
        }

        // The collections after the policies, with their own decoder so that their problems follow the policies'.
        var rest = CollectionDecoder(snapshot)
        let info = rest.object(.account, AccountInfo.self)
        let accessGroupSettings = rest.object(.accessGroupSettings, AccessGroupSettings.self)
        let roles = rest.roles()
        let policyTemplates = rest.list(.policyTemplates, PolicyTemplate.self, id: \.id)
        let policyAssignments = rest.list(.policyAssignments, PolicyAssignment.self, id: \.id)
        let resourceGroups = rest.list(.resourceGroups, ResourceGroup.self, id: \.id)
        let resourceInstances = rest.list(.resourceInstances, ResourceInstance.self, id: \.id)
        let apiKeys = rest.list(.apiKeys, APIKey.self, id: \.id)
        let identitySettings = rest.object(.identitySettings, IdentitySettings.self)
        let resourceKeys = rest.list(.resourceKeys, ResourceKey.self, id: \.id)
        let cbrZones = rest.list(.cbrZones, CBRZone.self, id: \.id)
        let cbrRules = rest.list(.cbrRules, CBRRule.self, id: \.id)
        let cbrAccountSettings = rest.object(.cbrAccountSettings, CBRAccountSettings.self)
        let identityProviders = rest.list(.identityProviders, IdentityProvider.self, id: \.id)
        let loginSettings = rest.object(.loginSettings, LoginSettings.self)
        var collections = CollectionStore()
        for kind in CollectionKind.allCases {
            switch kind.registration.holding {
            case .property: break
            case .stored(let decode): decode(&rest, &collections)
            }
        }
        let activity = rest.volatile(snapshot.activity, file: VolatileArea.activity.file, ActivityReport.self)
        let mfa = rest.volatile(snapshot.mfa, file: VolatileArea.mfa.file, MFAReport.self)

        let decoded = policyPart.value
        var unknown = snapshot.unknown
        for kind in decoder.unreadable.union(decoded.unreadable).union(rest.unreadable) { unknown[kind] = .unreadable }
        let manifest = snapshot.manifest
        let account = IAMAccount(
            accountID: manifest.accountID, fetchedAt: Timestamp(manifest.fetchedAt), scope: manifest.scope,
            info: info,
            users: users, serviceIDs: serviceIDs, trustedProfiles: profiles, accessGroups: groups,
            accessGroupSettings: accessGroupSettings,
            accessPolicies: withUsage(decoded.access, usage), authorizationPolicies: withUsage(decoded.authorizations, usage),
            roles: roles, policyTemplates: policyTemplates, policyAssignments: policyAssignments,
            resourceGroups: resourceGroups, resourceInstances: resourceInstances, apiKeys: apiKeys,
            identitySettings: identitySettings, resourceKeys: resourceKeys, cbrZones: cbrZones, cbrRules: cbrRules,
            cbrAccountSettings: cbrAccountSettings, identityProviders: identityProviders, loginSettings: loginSettings,
            collections: collections, activity: activity, mfa: mfa, unknown: unknown)

        var problems = snapshot.problems + decoder.problems + decoded.problems + rest.problems
        problems += ReferenceCheck(account: account, members: members, groupRules: groupRules, links: links,
                                   claimRules: claimRules, identities: identities).problems
        return (account, problems)
    }

    /// The policies with their last permit from the volatile area.
    private static func withUsage(_ policies: [Policy], _ usage: [String: PolicyUsage]) -> [Policy] {
        guard !usage.isEmpty else { return policies }
        return policies.map { policy in
            var policy = policy
            policy.lastPermitAt = usage[policy.id]?.lastPermitAt
            policy.lastPermitFrequency = usage[policy.id]?.lastPermitFrequency
            return policy
        }
    }

    /// Decodes a policy file and drops v1 placeholders in favour of the v2 policy; sorted by id.
    private static func policies(_ kind: CollectionKind, _ decoder: inout CollectionDecoder) -> [Policy] {
        let raw = decoder.list(kind, RawPolicy.self, id: { $0.id }).map(\.normalized)
        let real = Set(raw.filter { !$0.isPlaceholder }.map(\.id))
        var result: [Policy] = []
        for (index, policy) in raw.enumerated() {
            if policy.isPlaceholder {
                if !real.contains(policy.id) {
                    decoder.report(ValidationProblem(.warning, file: kind.fileName, path: "$[\(index)]",
                        "v1 placeholder of v2-only policy \"\(policy.id)\" without the v2 policy: its access is unknown"))
                }
                continue
            }
            result.append(policy)
        }
        return result.sorted { $0.id < $1.id }
    }
}
