import Model
import Snapshot

/// Effective access compared holder by holder, path by path. Every grant is a policy of some `AccessPath`'s source
/// (an IAM id's own policies or an access group's) held through that path, so what each source stopped and started
/// granting is worked out once (`SourceGrants`), and a holder's path that exists in both snapshots only picks up its
/// source's delta; a path that exists in one snapshot only (a membership added or removed) gains or loses all its
/// source grants. The cost is linear in the paths of both snapshots plus the changes found, instead of in every
/// identity's full grant list. Public Access grants are compared once, for everyone.
enum AccessDiff {
    /// The collections effective access is computed from.
    static let inputs: [CollectionKind] = [
        .accessGroups, .accessGroupMembers, .accessPolicies, .trustedProfiles, .trustedProfileIdentities,
    ]

    /// Each holder's changes, in `AccessHolder` order, and every role they describe, by `GrantedRole.number`.
    static func changes(old: AccessIndex, new: AccessIndex) -> (changes: [IdentityAccessChanges], grants: [GrantedRole]) {
        var grants = SourceGrants(old: old, new: new)
        var ways = Numbering<PathIDs>()
        var result: [IdentityAccessChanges] = []
        func compare(_ holder: @autoclosure () -> AccessHolder, _ oldPaths: [AccessPath], _ newPaths: [AccessPath]) {
            var lost: [AccessChange] = [], gained: [AccessChange] = []
            /// `path` as its changes share it, made only for a path that changed something.
            func held(_ path: AccessPath, _ ids: PathIDs) -> HeldPath { HeldPath(path.steps, idsNumber: ways.number(ids)) }
            let oldByIDs = byStepIDs(oldPaths), newByIDs = byStepIDs(newPaths)
            for (ids, oldPath) in oldByIDs {
                if let newPath = newByIDs[ids] {
                    guard let delta = grants.delta(oldPath.source) else { continue }
                    if !delta.lost.isEmpty {
                        let way = held(oldPath, ids)
                        lost += delta.lost.map { AccessChange(.lost, $0, through: way, by: .policy) }
                    }
                    if !delta.gained.isEmpty {
                        let way = held(newPath, ids)
                        gained += delta.gained.map { AccessChange(.gained, $0, through: way, by: .policy) }
                    }
                } else {
                    let closed = grants.all(oldPath.source, as: .lost)
                    guard !closed.isEmpty else { continue }
                    let way = held(oldPath, ids)
                    lost += closed.map { AccessChange(.lost, $0, through: way, by: .path) }
                }
            }
            for (ids, newPath) in newByIDs where oldByIDs[ids] == nil {
                let opened = grants.all(newPath.source, as: .gained)
                guard !opened.isEmpty else { continue }
                let way = held(newPath, ids)
                gained += opened.map { AccessChange(.gained, $0, through: way, by: .path) }
            }
            if !lost.isEmpty || !gained.isEmpty {
                result.append(IdentityAccessChanges(holder: holder(), gained: gained, lost: lost))
            }
        }
        compare(.everyone, [AccessIndex.publicAccessPath], [AccessIndex.publicAccessPath])
        for iamID in holders(old).union(holders(new)).sorted() {
            compare(AccessHolder(iamID: iamID, in: [new, old]), old.paths(of: iamID), new.paths(of: iamID))
        }
        let ranks = GrantRanks(grants.described)
        let keys = result.map(\.holder.sortKey)
        var changes = keys.indices.sorted { keys[$0] < keys[$1] }.map { result[$0] }
        result = []
        // Each holder's lists are replaced by their sorted copies one holder at a time, so that the changes are not
        // held twice over (on XL, millions of them).
        for position in changes.indices {
            let holder = changes[position]
            changes[position] = IdentityAccessChanges(holder: holder.holder, gained: ranks.sorted(holder.gained),
                                                      lost: ranks.sorted(holder.lost))
        }
        return (changes, grants.described)
    }

    /// Paths by their steps' ids; of two paths with the same ids (a duplicated membership), the first.
    private static func byStepIDs(_ paths: [AccessPath]) -> [PathIDs: AccessPath] {
        var result: [PathIDs: AccessPath] = [:]
        for path in paths where result[PathIDs(steps: path.steps)] == nil { result[PathIDs(steps: path.steps)] = path }
        return result
    }

    /// Every IAM id the snapshot knows as an identity or names in a membership, a policy subject or a profile's
    /// trusted identities.
    private static func holders(_ index: AccessIndex) -> Set<String> {
        Set(index.account.identities.map(\.iamID)).union(index.groupsOfMember.keys).union(index.policiesOfIAMID.keys)
            .union(index.profilesAssumableBy.keys)
    }
}
