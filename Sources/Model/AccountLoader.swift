import Foundation
import Snapshot

/// Builds an `IAMAccount` from a snapshot and reports everything wrong with it: the reader's problems (files,
/// checksums), decoding problems (types, duplicates) and dangling references.
public enum AccountLoader {
    /// The account and every problem found, from the snapshot directory at `directory`.
    public static func load(directory: URL) throws(SnapshotReader.Unreadable) -> (account: IAMAccount, problems: [ValidationProblem]) {
        load(try SnapshotReader.load(directory))
    }

    /// The account and every problem found, from an already read snapshot.
    public static func load(_ snapshot: LoadedSnapshot) -> (account: IAMAccount, problems: [ValidationProblem]) {
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
        let accessPolicies = policies(.accessPolicies, &decoder, usage: usage)
        let authorizations = policies(.authorizationPolicies, &decoder, usage: usage)

        for index in profiles.indices {
            profiles[index].links = links[profiles[index].id] ?? []
            profiles[index].rules = claimRules[profiles[index].id] ?? []
            profiles[index].identities = identities[profiles[index].id] ?? []
        }
        for index in groups.indices {
            groups[index].members = members[groups[index].id] ?? []
            groups[index].rules = groupRules[groups[index].id] ?? []
        }

        var unknown = snapshot.unknown
        for kind in decoder.unreadable { unknown[kind] = .unreadable }
        let manifest = snapshot.manifest
        let account = IAMAccount(
            accountID: manifest.accountID, fetchedAt: Timestamp(manifest.fetchedAt), scope: manifest.scope,
            info: decoder.object(.account, AccountInfo.self),
            users: users, serviceIDs: serviceIDs, trustedProfiles: profiles, accessGroups: groups,
            accessGroupSettings: decoder.object(.accessGroupSettings, AccessGroupSettings.self),
            accessPolicies: accessPolicies, authorizationPolicies: authorizations, roles: decoder.roles(),
            policyTemplates: decoder.list(.policyTemplates, PolicyTemplate.self, id: \.id),
            policyAssignments: decoder.list(.policyAssignments, PolicyAssignment.self, id: \.id),
            resourceGroups: decoder.list(.resourceGroups, ResourceGroup.self, id: \.id),
            resourceInstances: decoder.list(.resourceInstances, ResourceInstance.self, id: \.id),
            apiKeys: decoder.list(.apiKeys, APIKey.self, id: \.id),
            identitySettings: decoder.object(.identitySettings, IdentitySettings.self),
            activity: decoder.volatile(snapshot.activity, file: VolatileArea.activity.file, ActivityReport.self),
            unknown: unknown)

        var problems = snapshot.problems + decoder.problems
        problems += ReferenceCheck(account: account, members: members, groupRules: groupRules, links: links,
                                   claimRules: claimRules, identities: identities).problems
        return (account, problems)
    }

    /// Decodes a policy file, drops v1 placeholders in favour of the v2 policy, attaches usage from the volatile area.
    private static func policies(_ kind: CollectionKind, _ decoder: inout CollectionDecoder,
                                 usage: [String: PolicyUsage]) -> [Policy] {
        let raw = decoder.list(kind, RawPolicy.self, id: { $0.id }).map(\.normalized)
        let real = Set(raw.filter { !$0.isPlaceholder }.map(\.id))
        var result: [Policy] = []
        for (index, var policy) in raw.enumerated() {
            if policy.isPlaceholder {
                if !real.contains(policy.id) {
                    decoder.report(ValidationProblem(.warning, file: kind.fileName, path: "$[\(index)]",
                        "v1 placeholder of v2-only policy \"\(policy.id)\" without the v2 policy: its access is unknown"))
                }
                continue
            }
            policy.lastPermitAt = usage[policy.id]?.lastPermitAt
            policy.lastPermitFrequency = usage[policy.id]?.lastPermitFrequency
            result.append(policy)
        }
        return result.sorted { $0.id < $1.id }
    }
}
