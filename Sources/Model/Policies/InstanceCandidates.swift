/// Narrows the instances a target may match before the full test: by guid, service name or resource group when the
/// target names one exactly, so coverage stays linear in practice instead of targets × instances.
package struct InstanceCandidates: Sendable {
    /// The instances, in the order given.
    package let instances: [ResourceInstance]
    private let byGUID: [String: [Int]]
    private let byService: [String: [Int]]
    private let byResourceGroup: [String: [Int]]
    /// Every position, for a target that names no instance, service or resource group exactly (made once: many
    /// targets are such).
    private let all: [Int]

    package init(_ instances: [ResourceInstance]) {
        self.instances = instances
        // Guids are (nearly) one per instance: their table is made its full size at once, not grown by rehashing.
        var byGUID: [String: [Int]] = [:]
        byGUID.reserveCapacity(instances.count)
        var byService: [String: [Int]] = [:], byResourceGroup: [String: [Int]] = [:]
        for position in instances.indices {
            byGUID[instances[position].instanceID, default: []].append(position)
            byService[instances[position].serviceName ?? "", default: []].append(position)
            byResourceGroup[instances[position].resourceGroupID ?? "", default: []].append(position)
        }
        self.byGUID = byGUID
        self.byService = byService
        self.byResourceGroup = byResourceGroup
        all = Array(instances.indices)
    }

    /// The positions in `instances` of those the target may match (a superset of those it does); test each with
    /// `PolicyTarget.match`.
    /// Of the instances each exact attribute allows, the fewest: a service in a resource group is tested against
    /// that group's instances of any service or that service's in any group, whichever are fewer.
    package func positions(for target: PolicyTarget) -> [Int] {
        let exact = ExactValues(target)
        if let guid = exact.serviceInstance { return byGUID[guid] ?? [] }
        let byName = exact.serviceName.map { byService[$0] ?? [] }
        let byGroup = exact.resourceGroupID.map { byResourceGroup[$0] ?? [] }
        return [byName, byGroup].compactMap { $0 }.min { $0.count < $1.count } ?? all
    }

    /// Whether `positions(for:)` is not empty, found without making it: a caller that only asks whether a target may
    /// match any instance (for every policy of a large account) need not pay for the list.
    package func hasPositions(for target: PolicyTarget) -> Bool {
        let exact = ExactValues(target)
        if let guid = exact.serviceInstance { return byGUID[guid] != nil }
        guard exact.serviceName != nil || exact.resourceGroupID != nil else { return !all.isEmpty }
        // Each table holds only non-empty lists, so the smaller of the named lists is empty when either is missing.
        return (exact.serviceName.map { byService[$0] != nil } ?? true)
            && (exact.resourceGroupID.map { byResourceGroup[$0] != nil } ?? true)
    }

    /// The positions in `instances` of those the target matches (in part or in full).
    package func positions(matching target: PolicyTarget) -> [Int] {
        // The instances read in place: a copy of each retains every string in it.
        instances.withUnsafeBufferPointer { instances in
            positions(for: target).filter { target.match(instances[$0]) != .none }
        }
    }

    /// The instances the target may match (a superset of those it does); test each with `PolicyTarget.match`.
    package func instances(for target: PolicyTarget) -> [ResourceInstance] {
        positions(for: target).map { instances[$0] }
    }

    /// The values the target's first `serviceInstance`, `serviceName` and `resourceGroupId` attributes equal exactly
    /// (`stringEquals` a string without a wildcard), found in one pass over its attributes. The target is borrowed, not
    /// copied (an initialiser takes its arguments owned): every policy of a large account may be asked about.
    private struct ExactValues {
        var serviceInstance: String?
        var serviceName: String?
        var resourceGroupID: String?

        init(_ target: borrowing PolicyTarget) {
            var seen = (serviceInstance: false, serviceName: false, resourceGroupID: false)
            for attribute in target.attributes {
                switch attribute.key {
                case "serviceInstance" where !seen.serviceInstance:
                    seen.serviceInstance = true
                    serviceInstance = Self.exact(attribute)
                case "serviceName" where !seen.serviceName:
                    seen.serviceName = true
                    serviceName = Self.exact(attribute)
                case "resourceGroupId" where !seen.resourceGroupID:
                    seen.resourceGroupID = true
                    resourceGroupID = Self.exact(attribute)
                default:
                    continue
                }
            }
        }

        /// The attribute's value when it equals one string exactly.
        private static func exact(_ attribute: PolicyAttribute) -> String? {
            guard attribute.operator == "stringEquals", case .string(let value) = attribute.value,
                  !value.utf8.contains(UInt8(ascii: "*")) || !value.contains(where: { $0 == "*" }) else { return nil }
            return value
        }
    }
}
