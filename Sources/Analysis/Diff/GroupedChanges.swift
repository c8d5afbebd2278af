/// A run of one cause's access changes (`ChangePosition`s, in holder order) grouped into the effects they read as —
/// by direction, policy (with its target and condition: `GrantedRole.PolicyKey`) and way (`PathIDs`), in the order
/// of their first change — before the effects are told in words (`effects`). Two runs of one cause, the second
/// after the first in holder order, join (`append`) into the groups of both together: so one cause's changes are
/// grouped on two threads, each run with tables of its own, and joined in order.
struct GroupedChanges: Sendable {
    /// What an effect's changes share: direction, policy number and way number.
    struct Key: Hashable, Sendable {
        let direction: AccessChange.Direction
        let policy: Int
        let way: Int
    }

    /// The changes of one effect.
    struct Group: Sendable {
        let key: Key
        /// The group's first change: the effect's policy, target, condition and way are read from it.
        let first: ChangePosition
        /// The roles of its changes, by `GrantedRole.number`, each once, in the order first seen.
        var grants: [Int]
        /// Its holders, as offsets into `SnapshotDiff.access`, each once, in holder order.
        var holders: [Int]

        /// How much telling its effect costs, about: by its holders.
        var weight: Int { 1 + grants.count + holders.count }
    }

    /// A role seen in a group (of more than `fewRoles`): each group lists a role once.
    private struct Seen: Hashable {
        let group: Int
        let grant: Int
    }

    /// Up to how many roles a group's are told apart by looking through them rather than by a set.
    private static let fewRoles = 8

    /// In the order of their first change.
    private(set) var groups: [Group] = []
    /// Each key's offset in `groups`.
    private var groupOfKey: [Key: Int] = [:]

    /// The changes at `positions`, grouped.
    init(_ positions: some Sequence<ChangePosition>) {
        var seen = Set<Seen>()
        // A holder's changes of one effect are often next to each other: the last key is looked up once.
        var lastKey: Key?, lastGroup = 0
        for position in positions {
            let key = Key(direction: position.direction, policy: position.policy, way: position.way)
            let group: Int
            if key == lastKey {
                group = lastGroup
            } else if let known = groupOfKey[key] {
                group = known
            } else {
                group = groups.count
                groupOfKey[key] = group
                groups.append(Group(key: key, first: position, grants: [], holders: []))
            }
            lastKey = key
            lastGroup = group
            // A group's roles are few: looked through, until there are `fewRoles` and a set is seeded with them.
            let known = groups[group].grants.count
            if known < Self.fewRoles ? !groups[group].grants.contains(position.grant)
                : seen.insert(Seen(group: group, grant: position.grant)).inserted {
                groups[group].grants.append(position.grant)
                if known + 1 == Self.fewRoles {
                    for grant in groups[group].grants { seen.insert(Seen(group: group, grant: grant)) }
                }
            }
            // A holder's changes are next to each other: each holder is listed once.
            if groups[group].holders.last != position.holder { groups[group].holders.append(position.holder) }
        }
    }

    /// `later`'s groups joined to these, as if its changes had followed these ones in one run: a group of both keeps
    /// its first change here and gains `later`'s roles not seen here and its holders (the holder on the seam once);
    /// the others follow in `later`'s order.
    mutating func append(_ later: GroupedChanges) {
        for group in later.groups {
            guard let known = groupOfKey[group.key] else {
                groupOfKey[group.key] = groups.count
                groups.append(group)
                continue
            }
            // Among a few roles, looked through; among many, by a set.
            if groups[known].grants.count <= Self.fewRoles && group.grants.count <= Self.fewRoles {
                for grant in group.grants where !groups[known].grants.contains(grant) { groups[known].grants.append(grant) }
            } else {
                let seen = Set(groups[known].grants)
                groups[known].grants += group.grants.filter { !seen.contains($0) }
            }
            let seam = groups[known].holders.last != nil && groups[known].holders.last == group.holders.first
            groups[known].holders += group.holders.dropFirst(seam ? 1 : 0)
        }
    }

    /// The effects of the groups at `offsets`, in their order; `holders` are `access`' holders, `grants` the diff's
    /// roles by `GrantedRole.number`.
    func effects(_ offsets: Range<Int>, of access: [IdentityAccessChanges], holders: [AccessHolder],
                 grants: [GrantedRole]) -> [AccessEffect] {
        // Consecutive groups often have the same roles (one policy's groups, by way) or the same holders (one
        // member's groups, by policy): an effect shares the arrays its predecessor made for them rather than making
        // its own — one array retained instead of one allocated and each of its strings retained.
        var lastGrants: [Int]?, told = Roles(), lastHolders: [Int]?, listed: [AccessHolder] = []
        return groups[offsets].map { group in
            let first = access[group.first.holder].change(at: group.first.change)
            if group.grants != lastGrants {
                told = Roles(group.grants, of: grants)
                lastGrants = group.grants
            }
            if group.holders != lastHolders {
                listed = group.holders.map { holders[$0] }
                lastHolders = group.holders
            }
            return AccessEffect(direction: group.key.direction, roles: told.roles, roleIDs: told.roleIDs,
                                policyID: first.policyID, targetLabel: first.targetLabel, way: first.way,
                                condition: first.condition, holders: listed, isPrivileged: told.isPrivileged)
        }
    }

    /// A group's roles as its effect lists them: each role CRN once, in the order first seen, with its short name.
    private struct Roles {
        private(set) var roleIDs: [String] = []
        private(set) var roles: [String] = []
        /// Whether any of them is privileged on its target.
        private(set) var isPrivileged = false

        init() {}

        /// The roles numbered `numbers` among `grants` (by `GrantedRole.number`), told apart by CRN: among a few,
        /// by looking through them; among many, by a set.
        init(_ numbers: [Int], of grants: [GrantedRole]) {
            var seen = Set<String>()
            let many = numbers.count > GroupedChanges.fewRoles
            for number in numbers {
                let grant = grants[number]
                isPrivileged = isPrivileged || grant.isPrivileged
                if many ? seen.insert(grant.roleID).inserted : !roleIDs.contains(grant.roleID) {
                    roleIDs.append(grant.roleID)
                    roles.append(grant.role)
                }
            }
        }
    }
}
