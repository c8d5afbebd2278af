/// The order a holder's changes are listed in: by target, role, policy and path as they read, then, for changes that
/// read alike (two paths through groups or profiles of the same name, two roles of the same name), by role CRN and
/// the path's ids, so that the order never depends on the order the paths were compared in.
///
/// The roles a diff describes are far fewer than its changes, so they are sorted by target label, role name and
/// policy id once, each given its rank (equal for roles equal in all three); a holder's changes are then ordered by
/// their roles' ranks, and the words and ids of their paths compared only for changes of equal rank.
struct GrantRanks: Sendable {
    /// By `GrantedRole.number`.
    private let rank: [Int]

    /// Ranks `grants`, the diff's roles by `GrantedRole.number`, which must hold the role of every change later sorted.
    init(_ grants: [GrantedRole]) {
        let ordered = grants.sorted { a, b in
            if a.targetLabel != b.targetLabel { return a.targetLabel < b.targetLabel }
            if a.role != b.role { return a.role < b.role }
            return a.policyID < b.policyID
        }
        var rank = [Int](repeating: 0, count: grants.count)
        var current = 0
        for (offset, grant) in ordered.enumerated() {
            if offset > 0 {
                let previous = ordered[offset - 1]
                if previous.targetLabel != grant.targetLabel || previous.role != grant.role
                    || previous.policyID != grant.policyID { current = offset }
            }
            if rank.indices.contains(grant.number) { rank[grant.number] = current }
        }
        self.rank = rank
    }

    /// `changes` in the order described above (changes whose roles were not ranked compared in words throughout).
    func sorted(_ changes: [AccessChange]) -> [AccessChange] {
        let ranks = changes.map { rank.indices.contains($0.grant.number) ? rank[$0.grant.number] : nil }
        return changes.indices.sorted { i, j in
            if let x = ranks[i], let y = ranks[j], x != y { return x < y }
            let a = changes[i], b = changes[j]
            if a.targetLabel != b.targetLabel { return a.targetLabel < b.targetLabel }
            if a.role != b.role { return a.role < b.role }
            if a.policyID != b.policyID { return a.policyID < b.policyID }
            let aVia = a.via, bVia = b.via
            if aVia != bVia { return aVia < bVia }
            if a.roleID != b.roleID { return a.roleID < b.roleID }
            return a.path.ids.lexicographicallyPrecedes(b.path.ids)
        }.map { changes[$0] }
    }
}
