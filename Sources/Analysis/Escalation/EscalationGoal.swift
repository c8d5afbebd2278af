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
    func edges(_ graph: EscalationGraph, index: AccessIndex) -> [EscalationEdge] {
        let account = index.account
        var edges: [EscalationEdge] = []
        if case .accountAdministration = self, let owner = account.info?.ownerIAMID {
            edges.append(EscalationEdge(from: .identity(iamID: owner), to: .accountAdministration, kind: .holds))
        }
        // The administration goals read only what may administer; any role on an instance may reach it.
        let capabilities: [[EscalationGraph.Capability]] = switch self {
        case .accountAdministration, .sensitiveAdministration: graph.capabilities
        case .instance: graph.allCapabilities(in: index)
        }
        for (node, held) in zip(graph.capabilityNodes, capabilities) {
            edges += goalEdges(from: node, holding: held, sensitive: graph.sensitiveTargets)
        }
        return edges
    }

    private func goalEdges(from source: EscalationNode, holding held: [EscalationGraph.Capability],
                           sensitive: SensitiveTargets) -> [EscalationEdge] {
        func holds(_ capability: EscalationGraph.Capability, _ role: String, _ node: EscalationNode) -> EscalationEdge {
            EscalationEdge(from: source, to: node, kind: .holds, policyID: capability.policyID, roleCRN: role,
                           isConditional: capability.isConditional)
        }
        switch self {
        case .accountAdministration:
            // The roles first: most policies grant neither Administrator nor Manager, and a role's name is cheaper to
            // test than a target.
            if let capability = held.first(where: {
                $0.traits.contains(.administrator) && $0.coverage?.allAccountManagement == true
            }), let role = capability.roleCRNs.first(where: AdministrationFindings.isAdministrator) {
                return [holds(capability, role, .accountAdministration)]
            }
            // Each half on its own: the search combines the halves an identity holds through its policies and groups.
            let halves = [(EscalationNode.AdministrationPart.administrator, RoleTraits.administrator,
                           AdministrationFindings.isAdministrator),
                          (.manager, .manager, AdministrationFindings.isManager)].compactMap { part, trait, isRole -> EscalationEdge? in
                guard let capability = held.first(where: {
                    $0.traits.contains(trait) && $0.coverage?.allIAMEnabledServices == true
                }), let role = capability.roleCRNs.first(where: isRole) else { return nil }
                return holds(capability, role, .administrationPart(part))
            }
            return halves
        case .instance(let instance):
            var credentials: EscalationEdge?
            for capability in held where capability.target.match(instance) == .full {
                if let role = capability.roleCRNs.first(where: { $0.contains(":serviceRole:") || AdministrationFindings.isAdministrator($0) }) {
                    return [holds(capability, role, .instance(guid: instance.instanceID))]
                }
                if credentials == nil, let role = capability.roleCRNs.first(where: {
                    EscalationPrimitive.createServiceCredentials.documentedRoles.contains(RoleName.fromCRN($0))
                }) {
                    credentials = EscalationEdge(from: source, to: .instance(guid: instance.instanceID),
                                                 kind: .primitive(.createServiceCredentials),
                                                 policyID: capability.policyID, roleCRN: role,
                                                 isConditional: capability.isConditional, isInferred: true)
                }
            }
            return credentials.map { [$0] } ?? []
        case .sensitiveAdministration:
            // One edge per target the node administers, by the first policy that covers it.
            var edges: [EscalationEdge] = []
            var reached = Set<Int>()
            for capability in held {
                guard let role = capability.roleCRNs.first(where: AdministrationFindings.isAdministrator) else { continue }
                for target in capability.coverage?.sensitive ?? [] where reached.insert(target).inserted {
                    edges.append(holds(capability, role, .administration(sensitive.all[target])))
                }
            }
            return edges
        }
    }
}
