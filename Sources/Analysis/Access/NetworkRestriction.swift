import Model

/// A context-based-restrictions rule protecting an instance: requests to it are allowed only from the rule's network
/// zones (when the rule is enforced), whoever holds the access.
public struct NetworkRestriction: Sendable, Hashable {
    public let rule: CBRRule
    /// The zones the rule allows, by id, with their names when the snapshot holds them.
    public let zones: [(id: String, name: String?)]
    /// Whether the rule names only part of the instance (a resource type or resource inside it, or an attribute
    /// iamgraph does not evaluate).
    public let partial: Bool

    /// The rules whose resources include `instance`, in the snapshot's order (by id).
    public static func protecting(_ instance: ResourceInstance, in account: IAMAccount) -> [NetworkRestriction] {
        let zoneNames = Dictionary(account.cbrZones.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return account.cbrRules.compactMap { rule in
            let matches = rule.resources.compactMap { match($0, instance, accountID: account.accountID) }
            guard !matches.isEmpty else { return nil }
            return NetworkRestriction(rule: rule, zones: rule.zoneIDs.map { ($0, zoneNames[$0] ?? nil) },
                                      partial: !matches.contains(false))
        }
    }

    /// `nil` when the resource's attributes exclude the instance; otherwise whether it names only part of it.
    private static func match(_ attributes: [CBRRule.Attribute], _ instance: ResourceInstance, accountID: String) -> Bool? {
        var partial = false
        for attribute in attributes {
            let actual: String?
            switch attribute.name {
            case "accountId": actual = accountID
            case "serviceName": actual = instance.serviceName
            case "serviceInstance": actual = instance.instanceID
            case "region": actual = instance.region
            case "resourceGroupId": actual = instance.resourceGroupID
            default:
                partial = true
                continue
            }
            // CBR attributes are exact values (`stringEquals`); anything else is not evaluated and counts as partial.
            if let op = attribute.operator, op != "stringEquals" {
                partial = true
                continue
            }
            guard actual == attribute.value else { return nil }
        }
        return partial
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.rule == b.rule && a.partial == b.partial && a.zones.map(\.id) == b.zones.map(\.id)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(partial)
        hasher.combine(zones.map(\.id))
    }
}
