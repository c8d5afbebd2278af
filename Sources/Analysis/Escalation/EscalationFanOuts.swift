import Model

/// The sets of account resources that wildcard policy targets include — "every access group in the account", "every
/// service ID the target includes" — each computed once and shared by every policy with that target, by index.
struct EscalationFanOuts: Sendable {
    /// Each fan-out's nodes, in the account's order.
    private(set) var members: [[EscalationNode]] = []
    private var positions: [Key: Int] = [:]

    private struct Key: Hashable {
        let service: String
        let resourceType: String
        let target: PolicyTarget
    }

    /// The index of the fan-out of `resources` that `target` includes, made on first use; nil when it includes none.
    mutating func index(of resources: AccountResources, includedBy target: PolicyTarget) -> Int? {
        let key = Key(service: resources.service, resourceType: resources.resourceType, target: target)
        if let known = positions[key] { return members[known].isEmpty ? nil : known }
        positions[key] = members.count
        members.append(resources.nodes(includedBy: target))
        return members[members.count - 1].isEmpty ? nil : members.count - 1
    }
}
