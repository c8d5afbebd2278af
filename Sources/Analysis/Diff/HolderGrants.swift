/// One holder's access changes as runs of roles gained or lost through one way each (`ChangedWays` numbered and
/// described), before they are made into changes and sorted: a run of thousands of roles is a reference to a list
/// its source's holders share.
struct HolderGrants: Sendable {
    /// Roles gained or lost through one way, made by one origin.
    struct Run: Sendable {
        let roles: [GrantedRole]
        let way: HeldPath
        let origin: AccessChange.Origin

        init(_ roles: [GrantedRole], _ way: HeldPath, _ origin: AccessChange.Origin) {
            self.roles = roles
            self.way = way
            self.origin = origin
        }
    }

    let holder: AccessHolder
    /// `holder.sortKey`.
    let sortKey: (Int, String, String)
    let lost: [Run]
    let gained: [Run]

    /// How many changes the runs make.
    var count: Int { Self.count(lost) + Self.count(gained) }

    /// The holder's changes, each list in `ranks`' order.
    func changes(_ ranks: GrantRanks) -> IdentityAccessChanges {
        IdentityAccessChanges(holder: holder, gained: ranks.sorted(Self.changes(gained, .gained)),
                              lost: ranks.sorted(Self.changes(lost, .lost)))
    }

    private static func count(_ runs: [Run]) -> Int { runs.reduce(0) { $0 + $1.roles.count } }

    private static func changes(_ runs: [Run], _ direction: AccessChange.Direction) -> [AccessChange] {
        var changes: [AccessChange] = []
        changes.reserveCapacity(count(runs))
        for run in runs {
            for role in run.roles { changes.append(AccessChange(direction, role, through: run.way, by: run.origin)) }
        }
        return changes
    }
}
