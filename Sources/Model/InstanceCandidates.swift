/// Narrows the instances a target may match before the full test: by guid, service name or resource group when the
/// target names one exactly, so coverage stays linear in practice instead of targets × instances.
public struct InstanceCandidates: Sendable {
    private let all: [ResourceInstance]
    private let byGUID: [String: [ResourceInstance]]
    private let byService: [String: [ResourceInstance]]
    private let byResourceGroup: [String: [ResourceInstance]]

    public init(_ instances: [ResourceInstance]) {
        all = instances
        byGUID = Dictionary(grouping: instances, by: \.instanceID)
        byService = Dictionary(grouping: instances, by: { $0.serviceName ?? "" })
        byResourceGroup = Dictionary(grouping: instances, by: { $0.resourceGroupID ?? "" })
    }

    /// The instances the target may match (a superset of those it does); test each with `PolicyTarget.match`.
    public func instances(for target: PolicyTarget) -> [ResourceInstance] {
        if let exact = exactValue("serviceInstance", target) { return byGUID[exact] ?? [] }
        if let exact = exactValue("serviceName", target) { return byService[exact] ?? [] }
        if let exact = exactValue("resourceGroupId", target) { return byResourceGroup[exact] ?? [] }
        return all
    }

    private func exactValue(_ key: String, _ target: PolicyTarget) -> String? {
        guard let attribute = target.attributes.first(where: { $0.key == key }), attribute.operator == "stringEquals",
              case .string(let value) = attribute.value, !value.contains("*") else { return nil }
        return value
    }
}
