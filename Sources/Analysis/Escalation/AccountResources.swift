import Model

/// The resources of one account management service that a primitive gains — access groups of `iam-groups`, service
/// IDs or trusted profiles of `iam-identity` — with the nodes they lead to, in the account's order. A target that names
/// one resource exactly (`resource` stringEquals an id) is tested against that resource only, so the many policies
/// on single groups or service IDs cost one test each rather than one per resource of the account.
struct AccountResources: Sendable {
    /// The service the resources belong to, e.g. `iam-groups`.
    let service: String
    /// Their `resourceType` in policies, e.g. `group`.
    let resourceType: String
    private let ids: [String]
    private let nodes: [EscalationNode]
    private let positionsByID: [String: [Int]]
    /// Each resource's node's number in the graph's `EscalationNumbering`, by position, once a link names it
    /// (negative until then): the many policies on single groups or service IDs look the number up here.
    var numbers: [Int]

    /// - Parameter resources: each resource's id and the node a primitive on it leads to, in the account's order.
    init(service: String, resourceType: String, _ resources: [(id: String, node: EscalationNode)]) {
        self.service = service
        self.resourceType = resourceType
        let ids = resources.map(\.id)
        self.ids = ids
        nodes = resources.map(\.node)
        positionsByID = Dictionary(grouping: ids.indices, by: { ids[$0] })
        numbers = Array(repeating: -1, count: ids.count)
    }

    /// The positions of the resources `target` includes whole (`PolicyTarget.includes(accountResource:type:of:)`),
    /// in the account's order.
    func positions(includedBy target: PolicyTarget) -> [Int] {
        let candidates = exactResource(target).map { positionsByID[$0] ?? [] } ?? Array(ids.indices)
        return candidates.filter { target.includes(accountResource: ids[$0], type: resourceType, of: service) }
    }

    /// The nodes of the resources `target` includes whole, in the account's order.
    func nodes(includedBy target: PolicyTarget) -> [EscalationNode] {
        positions(includedBy: target).map { nodes[$0] }
    }

    /// The node of the resource at `position`.
    func node(at position: Int) -> EscalationNode { nodes[position] }

    /// The one id the target's `resource` attribute can equal, when it tests equality with one string (a superset
    /// test: `includes` still decides).
    func exactResource(_ target: PolicyTarget) -> String? {
        guard let attribute = target.attributes.first(where: { $0.key == "resource" && $0.operator == "stringEquals" }),
              case .string(let value) = attribute.value else { return nil }
        return value
    }
}
