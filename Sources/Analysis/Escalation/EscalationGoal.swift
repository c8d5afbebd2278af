import Model

/// Where escalation paths end.
package enum EscalationGoal: Sendable, Hashable {
    /// Account administration: Administrator on all account management services, Administrator + Manager on all
    /// IAM-enabled services (held together by one identity, through any of its policies and groups), or ownership.
    case accountAdministration
    /// Access to one service instance: a service role or Administrator on all of it.
    case instance(ResourceInstance)
    /// Administration of any sensitive target (`SensitiveTarget`): a sensitive service or a resource group.
    case sensitiveAdministration

    /// The nodes a path may end in.
    func nodes(in account: IAMAccount) -> [EscalationNode] {
        switch self {
        case .accountAdministration: [.accountAdministration]
        case .instance(let instance): [.instance(guid: instance.instanceID)]
        case .sensitiveAdministration: SensitiveTarget.all(in: account).map(EscalationNode.administration)
        }
    }

    /// The goal's edges: who already holds it (for account administration, also who holds half of it), and (for an
    /// instance) who can create service credentials on it.
    func edges(_ graph: EscalationGraph, account: IAMAccount) -> [EscalationEdge] {
        var edges: [EscalationEdge] = []
        if case .accountAdministration = self, let owner = account.info?.ownerIAMID {
            edges.append(EscalationEdge(from: .identity(iamID: owner), to: .accountAdministration, kind: .holds))
        }
        let targets = SensitiveTargets(account)
        for (node, held) in zip(graph.capabilityNodes, graph.capabilities) {
            held.withUnsafeBufferPointer { edges += goalEdges(from: node, holding: $0, sensitive: targets) }
        }
        return edges
    }

    /// `held` is read in place, through its buffer: copying each capability for every goal dominated on large accounts.
    private func goalEdges(from source: EscalationNode, holding held: UnsafeBufferPointer<EscalationGraph.Capability>,
                           sensitive: SensitiveTargets) -> [EscalationEdge] {
        func holds(_ capability: EscalationGraph.Capability, _ role: String, _ node: EscalationNode) -> EscalationEdge {
            EscalationEdge(from: source, to: node, kind: .holds, policyID: capability.policyID, roleCRN: role,
                           isConditional: capability.isConditional)
        }
        switch self {
        case .accountAdministration:
            if let position = held.indices.first(where: {
                AdministrationFindings.coversAllAccountManagement(held[$0].target)
                    && held[$0].roleCRNs.contains(where: AdministrationFindings.isAdministrator)
            }), let role = held[position].roleCRNs.first(where: AdministrationFindings.isAdministrator) {
                return [holds(held[position], role, .accountAdministration)]
            }
            // Each half on its own: the search combines the halves an identity holds through its policies and groups.
            let allServices = held.indices.filter { AdministrationFindings.coversAllIAMEnabledServices(held[$0].target) }
            let halves = [(EscalationNode.AdministrationPart.administrator, AdministrationFindings.isAdministrator),
                          (.manager, AdministrationFindings.isManager)].compactMap { part, isRole -> EscalationEdge? in
                guard let position = allServices.first(where: { held[$0].roleCRNs.contains(where: isRole) }),
                      let role = held[position].roleCRNs.first(where: isRole) else { return nil }
                return holds(held[position], role, .administrationPart(part))
            }
            return halves
        case .instance(let instance):
            var credentials: EscalationEdge?
            for position in held.indices where held[position].target.match(instance) == .full {
                if let role = held[position].roleCRNs.first(where: { $0.contains(":serviceRole:") || AdministrationFindings.isAdministrator($0) }) {
                    return [holds(held[position], role, .instance(guid: instance.instanceID))]
                }
                if credentials == nil, let role = held[position].roleCRNs.first(where: {
                    EscalationPrimitive.createServiceCredentials.documentedRoles.contains(RoleName.fromCRN($0))
                }) {
                    credentials = EscalationEdge(from: source, to: .instance(guid: instance.instanceID),
                                                 kind: .primitive(.createServiceCredentials),
                                                 policyID: held[position].policyID, roleCRN: role,
                                                 isConditional: held[position].isConditional, isInferred: true)
                }
            }
            return credentials.map { [$0] } ?? []
        case .sensitiveAdministration:
            // One edge per target the node administers, by the first policy that covers it.
            var edges: [EscalationEdge] = []
            var reached = Set<Int>()
            for position in held.indices {
                guard let role = held[position].roleCRNs.first(where: AdministrationFindings.isAdministrator) else { continue }
                for target in sensitive.covered(by: held[position].target) where reached.insert(target).inserted {
                    edges.append(holds(held[position], role, .administration(sensitive.all[target])))
                }
            }
            return edges
        }
    }
}
