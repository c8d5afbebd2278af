import Model

/// The sets of nodes that wildcard policy targets reach — "every access group in the account", "every service ID the
/// target includes", "the trusted profiles of the clusters in resource group R" — each computed once and shared by
/// every policy with that target, by index.
struct EscalationFanOuts: Sendable {
    /// Each fan-out's nodes, in the account's order.
    private(set) var members: [[EscalationNode]] = []
    private var positions: [Key: Int] = [:]

    /// Hashed by the kind and the target's key text alone (every policy of a large account looks its target up, and
    /// hashing every attribute of it dominated), compared by the whole target: keys whose texts collide stay apart.
    private struct Key: Hashable {
        let kind: String
        let target: PolicyTarget

        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(target.key)
        }
    }

    /// The index of the fan-out of `kind` (e.g. `iam-groups/group`) that `target` reaches, its members made by
    /// `members` on first use; nil when it reaches none.
    mutating func index(_ kind: String, _ target: PolicyTarget, members make: () -> [EscalationNode]) -> Int? {
        let key = Key(kind: kind, target: target)
        let index = positions[key] ?? {
            positions[key] = members.count
            members.append(make())
            return members.count - 1
        }()
        return members[index].isEmpty ? nil : index
    }
}
