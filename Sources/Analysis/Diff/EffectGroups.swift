/// The effects of several causes made while their changes are met, in holder order: each change goes straight to its
/// group — its cause, direction, policy (`GrantedRole.policyNumber`) and way (`HeldPath.idsNumber`) — which keeps its
/// first change, its roles each once and its holders each once. A cause's effects are then its groups in the order
/// of their first change (`AccessEffect.collapse`'s definition), made without keeping where each of millions of
/// changes is nor passing over them twice.
struct EffectGroups: Sendable {
    private struct Key: Hashable, Sendable {
        let cause: Int
        let direction: AccessChange.Direction
        let policy: Int
        let way: Int
    }

    private struct Group: Sendable {
        let key: Key
        /// Where its first change is: the holder's offset in `SnapshotDiff.access` and the change's in its `lost + gained`.
        let holder: Int
        let change: Int
        /// Its roles' `GrantedRole.number`s, each once, in the order first met.
        var grants: [Int]
        /// Its holders' offsets, each once, in order.
        var holders: [Int]
    }

    /// A group's role, as met: which group and which `GrantedRole.number`.
    private struct GroupGrant: Hashable, Sendable {
        let group: Int
        let grant: Int
    }

    private var groups: [Group] = []
    private var groupOfKey: [Key: Int] = [:]
    /// Each cause's groups, by the cause's number, in the order of their first change.
    private var groupsOfCause: [[Int]]
    /// The roles each group has, for a role met again in a group.
    private var grantsMet = Set<GroupGrant>()
    /// By `GrantedRole.number`, the group that last met the role (`-1`: none): a holder's next change of a role is
    /// almost always in the same group as the last holder's, and is then passed over without hashing.
    private var lastGroupOfGrant: [Int]
    /// The group of the change met last, looked up again only when the next change's key differs.
    private var last: (key: Key, group: Int)?

    /// No changes yet, of causes numbered `0..<causes`, roles numbered `0..<grants`.
    init(causes: Int, grants: Int) {
        groupsOfCause = Array(repeating: [], count: causes)
        lastGroupOfGrant = Array(repeating: -1, count: grants)
    }

    /// Adds the change at `position`, of the cause numbered `cause`; the changes are added in holder order, each
    /// holder's in the order of its `lost + gained`.
    mutating func add(_ position: ChangePosition, cause: Int) {
        let key = Key(cause: cause, direction: position.direction, policy: position.policy, way: position.way)
        let group: Int
        if let last, last.key == key {
            group = last.group
        } else if let known = groupOfKey[key] {
            group = known
        } else {
            group = groups.count
            groupOfKey[key] = group
            groups.append(Group(key: key, holder: position.holder, change: position.change, grants: [], holders: []))
            groupsOfCause[cause].append(group)
        }
        last = (key, group)
        if !lastGroupOfGrant.indices.contains(position.grant) || lastGroupOfGrant[position.grant] != group {
            if grantsMet.insert(GroupGrant(group: group, grant: position.grant)).inserted {
                groups[group].grants.append(position.grant)
            }
            if lastGroupOfGrant.indices.contains(position.grant) { lastGroupOfGrant[position.grant] = group }
        }
        // A holder's changes are added one after the other: each holder is listed once.
        if groups[group].holders.last != position.holder { groups[group].holders.append(position.holder) }
    }

    /// Adds the groups of `later`, whose changes all come after this one's (the holders after this one's).
    mutating func append(_ later: consuming EffectGroups) {
        last = nil
        for var other in later.groups {
            let group: Int
            if let known = groupOfKey[other.key] {
                group = known
            } else {
                group = groups.count
                groupOfKey[other.key] = group
                groups.append(Group(key: other.key, holder: other.holder, change: other.change, grants: [], holders: []))
                groupsOfCause[other.key.cause].append(group)
            }
            for grant in other.grants where grantsMet.insert(GroupGrant(group: group, grant: grant)).inserted {
                groups[group].grants.append(grant)
            }
            if groups[group].holders.isEmpty {
                groups[group].holders = other.holders
            } else {
                groups[group].holders += other.holders
            }
            other.holders = []
        }
    }

    /// Whether any change of the cause numbered `cause` was added.
    func has(cause: Int) -> Bool { !groupsOfCause[cause].isEmpty }

    /// How many holders the effects of the cause numbered `cause` list, in all.
    func weight(of cause: Int) -> Int { groupsOfCause[cause].reduce(1) { $0 + groups[$1].holders.count } }

    /// The effects of the cause numbered `cause`, in the order of their first change: the roles by CRN in the order
    /// first met, privileged when any is; `access` are the holders' changes the positions were of, `holders` their
    /// holders, `grants` the diff's roles by `GrantedRole.number`.
    func effects(of cause: Int, access: [IdentityAccessChanges], holders: [AccessHolder],
                 grants: [GrantedRole]) -> [AccessEffect] {
        groupsOfCause[cause].map { number in
            let group = groups[number]
            let first = access[group.holder].change(at: group.change)
            var roleIDs: [String] = [], roles: [String] = [], seen = Set<String>(), isPrivileged = false
            for grant in group.grants.lazy.map({ grants[$0] }) {
                if seen.insert(grant.roleID).inserted {
                    roleIDs.append(grant.roleID)
                    roles.append(grant.role)
                }
                isPrivileged = isPrivileged || grant.isPrivileged
            }
            return AccessEffect(direction: group.key.direction, roles: roles, roleIDs: roleIDs,
                                policyID: first.policyID, targetLabel: first.targetLabel, way: first.way,
                                condition: first.condition, holders: group.holders.map { holders[$0] },
                                isPrivileged: isPrivileged)
        }
    }
}
