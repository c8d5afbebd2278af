import GraphValues

/// The class a target merges into on a large account's overview, so that edges merge by class: a scope above any
/// single service (everything, all account management, all IAM-enabled services, one account management service)
/// stays itself; a service's account-wide scopes are one class ("kms across the account") and its scopes within resource
/// groups and instances another ("kms in resource groups and instances"); scopes without a service merge by kind
/// of scope.
struct TargetClass: Hashable {
    /// Unique per class; a target that stays itself has its node id.
    let key: String
    /// The class in a reviewer's words (a target that stays itself: its label).
    let label: String
    let service: String?

    init(_ target: Node) {
        let scope = target.attributes["scope"] ?? ""
        let service = target.attributes["service"]
        self.service = service
        switch scope {
        case "account", "all_account_management", "all_iam_account_management", "all_iam_enabled_services",
             "account_management_service":
            key = target.id
            label = target.label
        case "service_in_account":
            let name = service ?? "?"
            key = "service:" + name
            label = "\(name) across the account"
        case "resource_group_resources":
            key = "scoped:" + scope
            label = service.map { "All \($0) in a resource group" } ?? "All resources in a resource group"
        case "resource_group":
            key = "scoped:" + scope
            label = "A resource group itself"
        default:
            let name = service ?? scope.replacingOccurrences(of: "_", with: " ")
            key = "scoped:" + name
            label = "\(name) in resource groups and instances"
        }
    }

    /// The node standing for several targets of the class: its label with the count, the first members' labels in
    /// the tooltip.
    func node(members: [Node]) -> Node {
        var node = Node(id: "aggregate:target-class:" + key, kind: .target,
                        label: "\(label) — \(members.count) scopes",
                        attributes: ["members": Overview.sample(members), "count": String(members.count)],
                        flags: .aggregate)
        node.attributes["service"] = service
        return node
    }
}
