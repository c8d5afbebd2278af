import Model
import Snapshot

/// Effective access compared holder by holder, path by path. Every grant is a policy of some `AccessPath`'s source
/// (an IAM id's own policies or an access group's) held through that path, so what each source stopped and started
/// granting is worked out once (`SourceGrants`), and a holder's path that exists in both snapshots only picks up its
/// source's delta; a path that exists in one snapshot only (a membership added or removed) gains or loses all its
/// source grants. The cost is linear in the paths of both snapshots plus the changes found, instead of in every
/// identity's full grant list. Public Access grants are compared once, for everyone.
///
/// The holders' paths are matched on two threads (`ChangedWays`), each half of the holders on one; the ways that
/// changed something are then numbered and their roles described in holder order on one thread (a few per holder),
/// and each holder's changes made and sorted on two threads again.
enum AccessDiff {
    /// The collections effective access is computed from.
    static let inputs: [CollectionKind] = [
        .accessGroups, .accessGroupMembers, .accessPolicies, .trustedProfiles, .trustedProfileIdentities,
    ]

    /// Each holder's changes, in `AccessHolder` order, and every role they describe, by `GrantedRole.number`.
    static func changes(old: AccessIndex, new: AccessIndex) -> (changes: [IdentityAccessChanges], grants: [GrantedRole]) {
        var grants = SourceGrants(old: old, new: new)
        let iamIDs = holders(old).union(holders(new)).sorted()
        let deltas = grants.deltas
        // Everyone first (offset 0), then each IAM id.
        let count = iamIDs.count + 1
        let changed = SideBySide.pieces(count) { range in
            range.compactMap { offset -> ChangedWays? in
                guard offset > 0 else {
                    return ChangedWays({ .everyone }, old: [AccessIndex.publicAccessPath],
                                       new: [AccessIndex.publicAccessPath], deltas: deltas, oldIndex: old, newIndex: new)
                }
                return ChangedWays(iamID: iamIDs[offset - 1], old: old, new: new, deltas: deltas)
            }
        }
        grants.describe(changed.flatMap(\.asked))
        var ways = Numbering<PathIDs>()
        let found = changed.map { $0.grants(&grants, ways: &ways) }
        let keys = found.map(\.sortKey)
        let ordered = keys.indices.sorted { keys[$0] < keys[$1] }.map { found[$0] }
        let ranks = GrantRanks(grants.described)
        // Each holder's changes made and sorted, the holders in pieces of about as many changes.
        let made = SideBySide.pieces(ordered.count, weight: { ordered[$0].count }) { range in
            range.map { ordered[$0].changes(ranks) }
        }
        return (made, grants.described)
    }

    /// Every IAM id the snapshot knows as an identity or names in a membership, a policy subject or a profile's
    /// trusted identities.
    private static func holders(_ index: AccessIndex) -> Set<String> {
        Set(index.account.identities.map(\.iamID)).union(index.groupsOfMember.keys).union(index.policiesOfIAMID.keys)
            .union(index.profilesAssumableBy.keys)
    }
}
