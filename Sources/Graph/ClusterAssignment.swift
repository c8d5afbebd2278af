import GraphValues
import Model

/// Boxes targets, instances and resource groups by resource group or by service.
enum ClusterAssignment {
    static func clusters(_ nodes: [Node], by clustering: ViewOptions.Clustering, account: IAMAccount) -> [Cluster] {
        guard clustering != .none else { return [] }
        var members: [String: [String]] = [:]
        for node in nodes {
            let key: String?
            switch (clustering, node.kind) {
            case (.resourceGroup, .target), (.resourceGroup, .serviceInstance):
                key = node.attributes["resource_group"].flatMap { $0 == "*" ? nil : $0 }
            case (.resourceGroup, .resourceGroup):
                key = node.attributes["id"]
            case (.service, .target), (.service, .serviceInstance):
                key = node.attributes["service"]
            default:
                key = nil
            }
            if let key { members[key, default: []].append(node.id) }
        }
        return members.map { key, ids in
            let label = clustering == .resourceGroup
                ? "resource group " + (account.resourceGroupsByID[key]?.displayName ?? key)
                : "service " + key
            return Cluster(id: "\(clustering.rawValue):\(key)", label: label, nodeIDs: ids)
        }
    }
}
