import Model

/// An entity change and the effective access it changed, collapsed per policy and way: a report leads with these, so
/// the one policy added to a 94-member group reads as one cause, not 188 per-person rows.
package struct DiffCause: Sendable, Hashable {
    /// The entity change behind the access changes; `nil` for changes whose cause the entity diff does not show
    /// (for instance when the collection that holds it is unknown in one snapshot).
    package let change: EntityChange?
    /// The access it changed, collapsed (`AccessEffect`), gains and losses in the order of the holders.
    package let effects: [AccessEffect]

    /// Whether any effect gains a privileged role.
    package var gainsPrivilege: Bool { effects.contains { $0.direction == .gained && $0.isPrivileged } }

    /// The causes of `access` among `entities`: each access change goes to the entity change that made it — the
    /// policy whose source grants something else, or the membership (or trusted-profile identity, or the identity
    /// itself) that opened or closed the holder's way to it. Causes keep the entities' order; entity changes that
    /// changed no access are left out, and access changes without a listed cause come last under `nil`. `grants` are
    /// the roles of the changes, by `GrantedRole.number`.
    static func attribute(_ access: [IdentityAccessChanges], grants: [GrantedRole],
                          to entities: [EntityChange]) -> [DiffCause] {
        var position: [EntityKey: Int] = [:]
        for (offset, change) in entities.enumerated() { position[EntityKey(kind: change.kind, id: change.id)] = offset }
        let policies = (grants.map(\.policyNumber).max() ?? -1) + 1
        // The holders in two parts of about as many changes, gathered side by side; each cause's changes are the
        // first part's, then the later part's.
        let split = SideBySide.split(access.count) { access[$0].count }
        let (first, later) = SideBySide.parts(access.count, split: split) { [position] holders in
            gather(access[holders], from: holders.lowerBound, causes: position, count: entities.count,
                   policies: policies)
        }
        let causes = (0...entities.count).filter { !first[$0].isEmpty || !later[$0].isEmpty }
        let changes: [EntityChange?] = causes.map { $0 < entities.count ? entities[$0] : nil }
        let gathered = causes.map { GatheredChanges(first: first[$0], later: later[$0]) }
        _ = (consume first, consume later)
        let effects = collapse(consume gathered, of: access, grants: grants)
        return zip(changes, effects).map { DiffCause(change: $0, effects: $1) }
    }

    /// The changes of `holders` (the holders of `access` from offset `first`) by the offset of their cause among the
    /// `count` entity changes (`causes`), those without a listed cause at offset `count`; `policies` is how many
    /// policies the diff's roles number (`GrantedRole.policyNumber`).
    private static func gather(_ holders: ArraySlice<IdentityAccessChanges>, from first: Int, causes: [EntityKey: Int],
                               count: Int, policies: Int) -> [[ChangePosition]] {
        func find(_ candidates: [(EntityChange.Kind, String)]) -> Int {
            candidates.lazy.compactMap { causes[EntityKey(kind: $0.0, id: $0.1)] }.first ?? count
        }
        // Changes are gathered by where they are, not copied: a diff of millions of changes is held once.
        var byCause = [[ChangePosition]](repeating: [], count: count + 1)
        // The cause of a policy's change is the same for every holder, looked up once per policy.
        var causeOfPolicy = [Int?](repeating: nil, count: policies)
        for (holderOffset, holderChanges) in zip(first..., holders) {
            let holder = holderChanges.holder
            // The cause of a path's opening or closing is the same for each of the holder's grants through it.
            var causeOfPath: [ObjectIdentifier: Int] = [:]
            for changeOffset in 0..<holderChanges.count {
                let change = holderChanges.change(at: changeOffset)
                let cause: Int
                switch change.origin {
                case .policy:
                    let policy = change.grant.policyNumber
                    if causeOfPolicy.indices.contains(policy), let known = causeOfPolicy[policy] {
                        cause = known
                    } else {
                        cause = find([(.policy, change.policyID)])
                        if causeOfPolicy.indices.contains(policy) { causeOfPolicy[policy] = cause }
                    }
                case .path:
                    if let known = causeOfPath[ObjectIdentifier(change.way)] {
                        cause = known
                    } else {
                        cause = find(Self.pathCandidates(change.path, holder: holder))
                        causeOfPath[ObjectIdentifier(change.way)] = cause
                    }
                }
                byCause[cause].append(ChangePosition(holder: holderOffset, change: changeOffset, change))
            }
        }
        return byCause
    }

    /// Each cause's changes collapsed (as `AccessEffect.collapse` does) on two threads: grouped in pieces of about as
    /// many changes that the two threads take in turn (`RunsSideBySide`), a cause that straddles pieces — on XL one
    /// holds most of the changes — split between them at a change and its groups joined (`GroupedChanges`); then the
    /// effects told in pieces of about as many holders, likewise. Pieces, not two halves: a change that makes a new
    /// group costs several times one that joins a known group, and the many small causes make most of the groups, so
    /// two halves of as many changes left one thread working alone most of the time.
    static func collapse(_ causes: consuming [GatheredChanges], of access: [IdentityAccessChanges],
                         grants: [GrantedRole]) -> [[AccessEffect]] {
        let grouped = group(consume causes)
        let holders = access.map(\.holder)
        let counts = grouped.map(\.groups.count)
        let splits = RunsSideBySide.splits(counts, parts: RunsSideBySide.pieces,
                                           weights: grouped.map { $0.groups.reduce(0) { $0 + $1.weight } }) {
            grouped[$0].groups[$1].weight
        }
        return RunsSideBySide.fragments(counts, splits: splits) { cause, offsets in
            grouped[cause].effects(offsets, of: access, holders: holders, grants: grants)
        } join: { $0 += $1 }
    }

    /// Each cause's changes grouped, in pieces of about as many changes; the changes' positions are freed on
    /// return, before the effects are told.
    private static func group(_ causes: consuming [GatheredChanges]) -> [GroupedChanges] {
        let counts = causes.map(\.count), causes = causes
        let splits = RunsSideBySide.splits(counts, parts: RunsSideBySide.pieces)
        return RunsSideBySide.fragments(counts, splits: splits) { cause, changes in
            GroupedChanges(causes[cause][changes])
        } join: { $0.append($1) }
    }

    /// The entity changes that may have opened or closed `path` for `holder`, most specific first: its membership of
    /// the first group, its permission to assume the first trusted profile (then that profile's membership of the
    /// group after it), and the holder itself.
    private static func pathCandidates(_ path: [AccessStep], holder: AccessHolder) -> [(EntityChange.Kind, String)] {
        var candidates: [(EntityChange.Kind, String)] = []
        switch path.first {
        case .accessGroup(let group, _, _, _)?: candidates.append((.membership, "\(group)/\(holder.iamID)"))
        case .trustedProfile(let profile, let profileIAMID, _)?:
            candidates.append((.profileIdentity, "\(profile)/\(holder.iamID)"))
            if path.count > 1, case .accessGroup(let group, _, _, _) = path[1] {
                candidates.append((.membership, "\(group)/\(profileIAMID)"))
            }
        case .publicAccess?, nil: break
        }
        return candidates + [(.user, holder.iamID), (.serviceID, holder.iamID), (.trustedProfile, holder.iamID)]
    }

    /// An entity change's kind and id, as the causes are looked up by.
    private struct EntityKey: Hashable, Sendable {
        let kind: EntityChange.Kind
        let id: String
    }
}
