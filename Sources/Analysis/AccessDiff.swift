import Model
import Snapshot

/// Effective access compared holder by holder: every identity either snapshot knows of (listed, a group member, a
/// policy subject or allowed to assume a trusted profile) gets its grants from `EffectiveAccess` in both, one per role,
/// matched by policy, role, target, path and condition. Public Access grants are compared once, for everyone, rather
/// than for each identity. Linear in the grants of both snapshots.
enum AccessDiff {
    /// The collections effective access is computed from.
    static let inputs: [CollectionKind] = [
        .accessGroups, .accessGroupMembers, .accessPolicies, .trustedProfiles, .trustedProfileIdentities,
    ]

    static func changes(old: AccessIndex, new: AccessIndex) -> [IdentityAccessChanges] {
        var result: [IdentityAccessChanges] = []
        func compare(_ holder: AccessHolder, _ before: [Grant], _ after: [Grant]) {
            let oldGrants = keyed(before), newGrants = keyed(after)
            let lost = oldGrants.filter { newGrants[$0.key] == nil }
                .map { AccessChange(.lost, roleID: $0.key.roleID, of: $0.value, in: old) }
            let gained = newGrants.filter { oldGrants[$0.key] == nil }
                .map { AccessChange(.gained, roleID: $0.key.roleID, of: $0.value, in: new) }
            if !lost.isEmpty || !gained.isEmpty {
                result.append(IdentityAccessChanges(holder: holder, gained: gained.sorted(by: order), lost: lost.sorted(by: order)))
            }
        }
        compare(.everyone, publicGrants(old), publicGrants(new))
        for iamID in holders(old).union(holders(new)).sorted() {
            compare(AccessHolder(iamID: iamID, in: [new, old]), identityGrants(iamID, old), identityGrants(iamID, new))
        }
        return result.sorted { $0.holder < $1.holder }
    }

    /// What makes two grants the same: the policy, one of its roles, the target, the path by ids (renaming a group
    /// is not a change of access) and the condition.
    private struct GrantKey: Hashable {
        let policyID: String
        let roleID: String
        let target: String
        let path: [String]
        let condition: String?
    }

    private static func keyed(_ grants: [Grant]) -> [GrantKey: Grant] {
        var keyed: [GrantKey: Grant] = [:]
        for grant in grants {
            let path = grant.path.map { step in
                switch step {
                case .accessGroup(let id, _, _): "access_group:" + id
                case .trustedProfile(_, let iamID, _): "trusted_profile:" + iamID
                case .publicAccess: "public_access"
                }
            }
            for roleID in grant.roleIDs {
                keyed[GrantKey(policyID: grant.policy.id, roleID: roleID, target: grant.target.key, path: path,
                               condition: grant.policy.rule?.description)] = grant
            }
        }
        return keyed
    }

    /// Every IAM id the snapshot knows as an identity or names in a membership, a policy subject or a profile's
    /// trusted identities.
    private static func holders(_ index: AccessIndex) -> Set<String> {
        Set(index.account.identities.map(\.iamID)).union(index.groupsOfMember.keys).union(index.policiesOfIAMID.keys)
            .union(index.profilesAssumableBy.keys)
    }

    /// An identity's grants, without those of Public Access (compared once, for everyone).
    private static func identityGrants(_ iamID: String, _ index: AccessIndex) -> [Grant] {
        EffectiveAccess.grants(of: iamID, in: index).filter { !$0.path.contains(.publicAccess) }
    }

    private static func publicGrants(_ index: AccessIndex) -> [Grant] {
        (index.policiesOfGroup[AccessGroup.publicAccessID] ?? []).map {
            Grant(policy: $0, target: index.target(of: $0), path: [.publicAccess])
        }
    }

    private static func order(_ a: AccessChange, _ b: AccessChange) -> Bool {
        (a.targetLabel, a.role, a.policyID, a.via) < (b.targetLabel, b.role, b.policyID, b.via)
    }
}
