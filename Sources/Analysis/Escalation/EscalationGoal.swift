import Model

/// Where escalation paths end.
public enum EscalationGoal: Sendable, Hashable {
    /// Account administration: Administrator on all account management services, Administrator + Manager on all
    /// IAM-enabled services, or ownership.
    case accountAdministration
    /// Access to one service instance: a service role or Administrator on all of it.
    case instance(ResourceInstance)

    /// The goal's node.
    public var node: EscalationNode {
        switch self {
        case .accountAdministration: .accountAdministration
        case .instance(let instance): .instance(guid: instance.instanceID)
        }
    }

    /// The goal's edges: who already holds it, and (for an instance) who can create service credentials on it.
    func edges(_ graph: EscalationGraph, owner: String?) -> [EscalationEdge] {
        var edges: [EscalationEdge] = []
        if case .accountAdministration = self, let owner {
            edges.append(EscalationEdge(from: .identity(iamID: owner), to: node, kind: .holds))
        }
        for node in graph.capabilities.keys.sorted() {
            edges += goalEdges(from: node, holding: graph.capabilities[node] ?? [])
        }
        return edges
    }

    private func goalEdges(from source: EscalationNode, holding held: [EscalationGraph.Capability]) -> [EscalationEdge] {
        func holds(_ capability: EscalationGraph.Capability, _ role: String) -> EscalationEdge {
            EscalationEdge(from: source, to: node, kind: .holds, policyID: capability.policyID, roleCRN: role,
                           isConditional: capability.isConditional)
        }
        switch self {
        case .accountAdministration:
            if let capability = held.first(where: {
                AdministrationFindings.coversAllAccountManagement($0.target) && $0.roleCRNs.contains(where: AdministrationFindings.isAdministrator)
            }), let role = capability.roleCRNs.first(where: AdministrationFindings.isAdministrator) {
                return [holds(capability, role)]
            }
            let allServices = held.filter { AdministrationFindings.coversAllIAMEnabledServices($0.target) }
            guard let administrator = allServices.first(where: { $0.roleCRNs.contains(where: AdministrationFindings.isAdministrator) }),
                  allServices.contains(where: { $0.roleCRNs.contains(where: AdministrationFindings.isManager) }),
                  let role = administrator.roleCRNs.first(where: AdministrationFindings.isAdministrator) else { return [] }
            return [holds(administrator, role)]
        case .instance(let instance):
            var credentials: EscalationEdge?
            for capability in held where capability.target.match(instance) == .full {
                if let role = capability.roleCRNs.first(where: { $0.contains(":serviceRole:") || AdministrationFindings.isAdministrator($0) }) {
                    return [holds(capability, role)]
                }
                if credentials == nil, let role = capability.roleCRNs.first(where: {
                    EscalationPrimitive.createServiceCredentials.documentedRoles.contains(RoleName.fromCRN($0))
                }) {
                    credentials = EscalationEdge(from: source, to: node, kind: .primitive(.createServiceCredentials),
                                                 policyID: capability.policyID, roleCRN: role,
                                                 isConditional: capability.isConditional, isInferred: true)
                }
            }
            return credentials.map { [$0] } ?? []
        }
    }
}
