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
    /// The access policies — on large accounts half of all decoding — and their usage are decoded on another thread
    /// while this one decodes the other collections; each part has its own `CollectionDecoder`, and their problems
    /// are joined in collection order, so the result does not depend on the timing.
    ///
    /// The snapshot is consumed: its collection files are handed to the decoders (`CollectionFiles`), and each file's
    /// bytes are freed once decoded, unless the caller keeps a copy of the snapshot (an export of the raw files does).
    package static func load(_ snapshot: consuming LoadedSnapshot) -> (account: IAMAccount, problems: [ValidationProblem]) {
        load(snapshot, checkingReferences: true)
    }

    /// The account alone, for a command that does not report the snapshot's problems: as `load(_:)` gives it, without
    /// the check of dangling references, which only finds problems (a tenth of a second on a large account, after
    /// everything else is decoded).
    package static func account(_ snapshot: consuming LoadedSnapshot) -> IAMAccount {
        load(snapshot, checkingReferences: false).account
    }

    private static func load(_ snapshot: consuming LoadedSnapshot,
                             checkingReferences: Bool) -> (account: IAMAccount, problems: [ValidationProblem]) {
        let files = CollectionFiles(snapshot.takeFiles())
        let snapshot = snapshot
        let policyPart = Concurrent {
            var usageDecoder = CollectionDecoder(files)
            let usage = usageDecoder.volatile(snapshot.policyUsage, file: VolatileArea.policyUsage.file,
                                              [String: PolicyUsage].self) ?? [:]
            var decoder = CollectionDecoder(files)
            let access = policies(.accessPolicies, usage: usage, &decoder)
            let authorizations = policies(.authorizationPolicies, usage: usage, &decoder)
            return (access: access, authorizations: authorizations, usageProblems: usageDecoder.problems,
                    problems: decoder.problems, unreadable: decoder.unreadable)
        }
        var decoder = CollectionDecoder(files)
        let users = decoder.list(.users, User.self, id: \.iamID)
        let serviceIDs = decoder.list(.serviceIDs, ServiceID.self, id: \.id)
        var profiles = decoder.list(.trustedProfiles, TrustedProfile.self, id: \.id)
        let links = decoder.perParent(.trustedProfileLinks, ProfileLink.self, id: \.id)
        let claimRules = decoder.perParent(.trustedProfileRules, ProfileClaimRule.self, id: \.id)
        let identities = decoder.perParent(.trustedProfileIdentities, ProfileIdentity.self, id: \.iamID)
        var groups = decoder.list(.accessGroups, AccessGroup.self, id: \.id)
        let members = decoder.perParent(.accessGroupMembers, GroupMember.self, id: \.iamID)
        let groupRules = decoder.perParent(.accessGroupRules, GroupRule.self, id: \.id)

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
        var rest = CollectionDecoder(files)
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
            accessPolicies: decoded.access, authorizationPolicies: decoded.authorizations,
            roles: roles, policyTemplates: policyTemplates, policyAssignments: policyAssignments,
            resourceGroups: resourceGroups, resourceInstances: resourceInstances, apiKeys: apiKeys,
            identitySettings: identitySettings, resourceKeys: resourceKeys, cbrZones: cbrZones, cbrRules: cbrRules,
            cbrAccountSettings: cbrAccountSettings, identityProviders: identityProviders, loginSettings: loginSettings,
            collections: collections, activity: activity, mfa: mfa, unknown: unknown)

        var problems = snapshot.problems + decoder.problems + decoded.usageProblems + decoded.problems + rest.problems
        if checkingReferences {
            problems += ReferenceCheck(account: account, members: members, groupRules: groupRules, links: links,
                                       claimRules: claimRules, identities: identities).problems
        }
        return (account, problems)
    }

    /// Decodes a policy file, drops v1 placeholders in favour of the v2 policy and adds each policy's last permit
    /// from the volatile area (`usage`); sorted by id. The policies are changed in place: a large account holds tens
    /// of thousands, and every copy of one retains each of its fields.
    private static func policies(_ kind: CollectionKind, usage: [String: PolicyUsage],
                                 _ decoder: inout CollectionDecoder) -> [Policy] {
        var policies = decoder.list(kind, RawPolicy.self, id: { $0.id }).map(\.normalized)
        var real = Set<String>(minimumCapacity: policies.count)
        var placeholders: [Int] = []
        for index in policies.indices {
            if policies[index].isPlaceholder { placeholders.append(index) } else { real.insert(policies[index].id) }
        }
        for index in placeholders where !real.contains(policies[index].id) {
            decoder.report(ValidationProblem(.warning, file: kind.fileName, path: "$[\(index)]",
                "v1 placeholder of v2-only policy \"\(policies[index].id)\" without the v2 policy: its access is unknown"))
        }
        if !placeholders.isEmpty { policies.removeAll(where: \.isPlaceholder) }
        policies.sort { $0.id < $1.id }
        if !usage.isEmpty {
            for index in policies.indices {
                guard let used = usage[policies[index].id] else { continue }
                policies[index].lastPermitAt = used.lastPermitAt
                policies[index].lastPermitFrequency = used.lastPermitFrequency
            }
        }
        return policies
    }
}
