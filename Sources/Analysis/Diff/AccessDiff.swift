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

    static func changes(old: AccessIndex, new: AccessIndex) -> [IdentityAccessChanges] {
        var grants = SourceGrants(old: old, new: new)
        var result: [IdentityAccessChanges] = []
        func compare(_ holder: @autoclosure () -> AccessHolder, _ oldPaths: [AccessPath], _ newPaths: [AccessPath]) {
            var lost: [AccessChange] = [], gained: [AccessChange] = []
            let oldByIDs = byStepIDs(oldPaths), newByIDs = byStepIDs(newPaths)
            for ids in Set(oldByIDs.keys).union(newByIDs.keys) {
                switch (oldByIDs[ids], newByIDs[ids]) {
                case let (oldPath?, newPath?):
                    guard let delta = grants.delta(oldPath.source) else { continue }
                    lost += delta.lost.map { $0.held(through: oldPath.steps, by: .policy) }
                    gained += delta.gained.map { $0.held(through: newPath.steps, by: .policy) }
                case let (oldPath?, nil):
                    lost += grants.all(oldPath.source, as: .lost).map { $0.held(through: oldPath.steps, by: .path) }
                case let (nil, newPath?):
                    gained += grants.all(newPath.source, as: .gained).map { $0.held(through: newPath.steps, by: .path) }
                case (nil, nil):
                    continue
                }
            }
            if !lost.isEmpty || !gained.isEmpty {
                result.append(IdentityAccessChanges(holder: holder(), gained: sorted(gained), lost: sorted(lost)))
            }
        }
        compare(.everyone, [AccessIndex.publicAccessPath], [AccessIndex.publicAccessPath])
        for iamID in holders(old).union(holders(new)).sorted() {
            compare(AccessHolder(iamID: iamID, in: [new, old]), old.paths(of: iamID), new.paths(of: iamID))
        }
        return result.map { (key: $0.holder.sortKey, changes: $0) }.sorted { $0.key < $1.key }.map(\.changes)
    }

    /// Paths by their steps' ids; of two paths with the same ids (a duplicated membership), the first.
    private static func byStepIDs(_ paths: [AccessPath]) -> [[String]: AccessPath] {
        var result: [[String]: AccessPath] = [:]
        for path in paths where result[path.steps.ids] == nil { result[path.steps.ids] = path }
        return result
    }

    /// Every IAM id the snapshot knows as an identity or names in a membership, a policy subject or a profile's
    /// trusted identities.
    private static func holders(_ index: AccessIndex) -> Set<String> {
        Set(index.account.identities.map(\.iamID)).union(index.groupsOfMember.keys).union(index.policiesOfIAMID.keys)
            .union(index.profilesAssumableBy.keys)
    }

    /// By target, role, policy and path; the path's words are made only for changes alike in the rest.
    private static func sorted(_ changes: [AccessChange]) -> [AccessChange] {
        changes.sorted { a, b in
            if a.targetLabel != b.targetLabel { return a.targetLabel < b.targetLabel }
            if a.role != b.role { return a.role < b.role }
            if a.policyID != b.policyID { return a.policyID < b.policyID }
            return a.via < b.via
        }
    }
}
