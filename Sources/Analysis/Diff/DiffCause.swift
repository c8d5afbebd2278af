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
        // The holders in two parts of about as many changes, gathered side by side, then joined in holder order.
        let split = SideBySide.split(access.count) { access[$0].count }
        let (first, later) = SideBySide.parts(access.count, split: split) { [position] holders in
            gather(access[holders], from: holders.lowerBound, causes: position, count: entities.count,
                   policies: policies, grants: grants.count)
        }
        var groups = consume first
        groups.append(later)
        let offsets = (0...entities.count).filter { groups.has(cause: $0) }
        let effects = made(offsets, of: groups, access: access, grants: grants)
        return zip(offsets, effects).map { DiffCause(change: entities.indices.contains($0) ? entities[$0] : nil, effects: $1) }
    }

    /// The changes of `holders` (the holders of `access` from offset `first`) grouped into their effects by the offset
    /// of their cause among the `count` entity changes (`causes`), those without a listed cause at offset `count`;
    /// `policies` is how many policies the diff's roles number (`GrantedRole.policyNumber`), `grants` how many roles.
    private static func gather(_ holders: ArraySlice<IdentityAccessChanges>, from first: Int, causes: [EntityKey: Int],
                               count: Int, policies: Int, grants: Int) -> EffectGroups {
        func find(_ candidates: [(EntityChange.Kind, String)]) -> Int {
            candidates.lazy.compactMap { causes[EntityKey(kind: $0.0, id: $0.1)] }.first ?? count
        }
        var groups = EffectGroups(causes: count + 1, grants: grants)
        // The cause of a policy's change is the same for every holder, looked up once per policy.
        var causeOfPolicy = [Int?](repeating: nil, count: policies)
        // The cause of a path's opening or closing is the same for each of the holder's grants through it: by the
        // way's `idsNumber` (one way per number among a holder's opened and closed ways), for the holder at the same
        // offset in `holderOfWay`.
        var causeOfWay: [Int] = [], holderOfWay: [Int] = []
        for (holderOffset, holderChanges) in zip(first..., holders) {
            let holder = holderChanges.holder
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
                    let way = change.way.idsNumber
                    if way >= holderOfWay.count {
                        holderOfWay += repeatElement(-1, count: way + 1 - holderOfWay.count)
                        causeOfWay += repeatElement(count, count: way + 1 - causeOfWay.count)
                    }
                    if holderOfWay[way] == holderOffset {
                        cause = causeOfWay[way]
                    } else {
                        cause = find(Self.pathCandidates(change.path, holder: holder))
                        causeOfWay[way] = cause
                        holderOfWay[way] = holderOffset
                    }
                }
                groups.add(ChangePosition(holder: holderOffset, change: changeOffset, change), cause: cause)
            }
        }
        return groups
    }

    /// The effects of the causes at `offsets`, made side by side on two threads, the causes split in two parts of
    /// about as many holders.
    private static func made(_ offsets: [Int], of groups: EffectGroups, access: [IdentityAccessChanges],
                             grants: [GrantedRole]) -> [[AccessEffect]] {
        let holders = access.map(\.holder)
        let split = SideBySide.split(offsets.count) { groups.weight(of: offsets[$0]) }
        let effects = SideBySide.parts(offsets.count, split: split) { range in
            range.map { groups.effects(of: offsets[$0], access: access, holders: holders, grants: grants) }
        }
        return effects.first + effects.later
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
