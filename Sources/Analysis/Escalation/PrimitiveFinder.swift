import Model

/// Finds the escalation primitives that one policy (or a grantable scope's own roles) enables.
struct PrimitiveFinder {
    let actions: RoleActions
    /// The access groups one may add oneself to (Public Access aside).
    var groups: AccountResources
    /// The service IDs one may create an API key for.
    var serviceIDs: AccountResources
    /// The trusted profiles whose trust one may edit.
    var profiles: AccountResources
    /// Instances that compute-resource links of trusted profiles name, narrowed per target before the full test.
    let trustedCompute: InstanceCandidates
    /// The IAM id of the trusted profile each of `trustedCompute.instances` leads to.
    let trustedComputeProfiles: [String]
    /// What each role on each service says about each primitive, once asked: the same few roles recur on every policy.
    private var verdicts: [VerdictKey: Verdict] = [:]

    private struct VerdictKey: Hashable {
        let primitive: EscalationPrimitive
        let role: String
        let service: String?
    }

    /// Whether a role enables a primitive: by its actions, by its documented name (inferred), or not.
    private enum Verdict {
        case enables, inferred, no
    }

    /// Link types whose workloads run on a cluster or Code Engine project named by the link's CRN.
    static let workloadLinkTypes: Set<String> = ["IKS_SA", "ROKS_SA", "CE"]

    init(account: IAMAccount, actions: RoleActions) {
        self.actions = actions
        groups = AccountResources(service: "iam-groups", resourceType: "group", account.accessGroups.compactMap {
            $0.isPublicAccess ? nil : ($0.id, .accessGroup(id: $0.id))
        })
        serviceIDs = AccountResources(service: "iam-identity", resourceType: "serviceid",
                                      account.serviceIDs.map { ($0.id, .identity(iamID: $0.iamID)) })
        profiles = AccountResources(service: "iam-identity", resourceType: "profile",
                                    account.trustedProfiles.map { ($0.id, .identity(iamID: $0.iamID)) })
        // The workload links' CRNs, then the first instance with each: a few links, many instances, so only the CRNs
        // some link names are kept.
        var workloads: [(crn: String, profile: String)] = []
        for profile in account.trustedProfiles {
            for link in profile.links {
                guard let type = link.crType, Self.workloadLinkTypes.contains(type), let crn = link.link?.crn else { continue }
                workloads.append((crn, profile.iamID))
            }
        }
        let linked = Set(workloads.map(\.crn))
        var byCRN: [String: Int] = [:]
        let all = account.resourceInstances
        for position in all.indices {
            if let crn = all[position].crnString, linked.contains(crn), byCRN[crn] == nil { byCRN[crn] = position }
        }
        var instances: [ResourceInstance] = [], profileIAMIDs: [String] = []
        for (crn, profile) in workloads {
            guard let instance = byCRN[crn].map({ all[$0] }) ?? CRN(crn).flatMap({ account.instancesByGUID[$0.serviceInstance] })
            else { continue }
            instances.append(instance)
            profileIAMIDs.append(profile)
        }
        trustedCompute = InstanceCandidates(instances)
        trustedComputeProfiles = profileIAMIDs
    }

    /// Appends to `links` the links of the primitives that a policy on `target` with `roles` (whose traits are
    /// `traits`) enables for `node` — one per group, service ID or profile the target names exactly, one per fan-out
    /// for a target that includes them by wildcard or whole — and numbers them in `numbering` as they are made. The
    /// policy's parts are passed as they are, not made into a capability: most policies that get here give no link.
    /// - Parameters:
    ///   - source: `node`'s number once a link names it (negative until then).
    ///   - policyID: the policy's id (nil for a grantable scope's own roles).
    mutating func links(from node: EscalationNode, numbered source: inout Int, on target: PolicyTarget, roles: [String],
                        traits: RoleTraits, policyID: String?, isConditional: Bool, fanOuts: inout EscalationFanOuts,
                        into links: inout [EscalationLink], numbering: inout EscalationNumbering) {
        func edge(_ primitive: EscalationPrimitive, to target: EscalationNode, role: (crn: String, inferred: Bool)) -> EscalationEdge {
            EscalationEdge(from: node, to: target, kind: .primitive(primitive), policyID: policyID, roleCRN: role.crn,
                           action: primitive.action, isConditional: isConditional, isInferred: role.inferred)
        }
        func add(_ primitive: EscalationPrimitive, to target: EscalationNode, numbered slot: inout Int,
                 role: (crn: String, inferred: Bool)) {
            guard target != node else { return }
            let from = numbering.number(node, cachedIn: &source)
            let to = numbering.number(target, cachedIn: &slot)
            numbering.link(from: from, to: to, primitive: true)
            links.append(EscalationLink(edge(primitive, to: target, role: role)))
        }
        func add(_ primitive: EscalationPrimitive, toEvery fanOut: Int?, role: (crn: String, inferred: Bool)) {
            guard let fanOut, let first = fanOuts.members[fanOut].first(where: { $0 != node }) else { return }
            let from = numbering.number(node, cachedIn: &source)
            numbering.link(from: from, toEvery: fanOut, of: fanOuts.members, primitive: true)
            links.append(EscalationLink(edge(primitive, to: first, role: role), fanOut: fanOut))
        }
        func add(_ primitive: EscalationPrimitive, toEach resources: inout AccountResources,
                 role: (crn: String, inferred: Bool)) {
            guard resources.exactResource(target) == nil else {
                for position in resources.positions(includedBy: target) {
                    add(primitive, to: resources.node(at: position), numbered: &resources.numbers[position], role: role)
                }
                return
            }
            let kind = resources.service + "/" + resources.resourceType
            add(primitive, toEvery: fanOuts.index(kind, target) { resources.nodes(includedBy: target) },
                role: role)
        }
        // The roles' traits first: a test of them is cheaper than one of the target, and most policies fail it.
        if traits.contains(.addGroupMember), Self.mayInclude(target, resourcesOf: "iam-groups"),
           let role = enabling(.addGroupMember, roles, on: "iam-groups") {
            add(.addGroupMember, toEach: &groups, role: role)
        }
        let identityService = !traits.isDisjoint(with: [.createServiceIDAPIKey, .editProfileTrust])
            && Self.mayInclude(target, resourcesOf: "iam-identity")
        if identityService, traits.contains(.createServiceIDAPIKey),
           let role = enabling(.createServiceIDAPIKey, roles, on: "iam-identity") {
            add(.createServiceIDAPIKey, toEach: &serviceIDs, role: role)
        }
        if identityService, traits.contains(.editProfileTrust),
           let role = enabling(.editProfileTrust, roles, on: "iam-identity") {
            add(.editProfileTrust, toEach: &profiles, role: role)
        }
        if traits.contains(.runTrustedWorkload), trustedCompute.hasPositions(for: target),
           let role = enabling(.runTrustedWorkload, roles, on: nil) {
            // Policies on a service or resource group reach many linked clusters: one fan-out per target.
            let profiles = fanOuts.index("trusted-workloads", target) {
                trustedCompute.positions(matching: target).map { .identity(iamID: trustedComputeProfiles[$0]) }
            }
            add(.runTrustedWorkload, toEvery: profiles, role: role)
        }
        if case .resourceGroupItself = target.scope {
            // Administrator on a resource group itself lets one rename it, not assign access to what is in it.
        } else if traits.contains(.assignAccess), let role = enabling(.assignAccess, roles, on: target.serviceName) {
            var unknown = -1
            add(.assignAccess, to: .grantableScope(key: target.key), numbered: &unknown, role: role)
        }
    }

    /// Whether the target can include resources of the account management service at all: checked before looking at
    /// every group, service ID or profile, so that the many policies on instances and resource groups cost nothing.
    static func mayInclude(_ target: PolicyTarget, resourcesOf service: String) -> Bool {
        switch target.scope {
        case .everything, .allAccountManagement: true
        case .allIAMAccountManagement: AccountManagementServices.iam.contains(service)
        case .accountManagementService(let name): name == service
        case .subResource(let name, _, _, _): name == service
        case .allIAMEnabledServices, .resourceGroupResources, .resourceGroupItself, .serviceInResourceGroup,
             .serviceInAccount, .instance:
            false
        }
    }

    /// The first of `roles` that carries the primitive's action on `service` — by the snapshot's action list, or,
    /// where the list says nothing about the service, by IBM's documented role names (inferred).
    mutating func enabling(_ primitive: EscalationPrimitive, _ roles: [String],
                           on service: String?) -> (crn: String, inferred: Bool)? {
        for role in roles {
            switch verdict(primitive, role: role, on: service) {
            case .enables: return (role, false)
            case .inferred: return (role, true)
            case .no: continue
            }
        }
        return nil
    }

    private mutating func verdict(_ primitive: EscalationPrimitive, role: String, on service: String?) -> Verdict {
        let key = VerdictKey(primitive: primitive, role: role, service: service)
        if let known = verdicts[key] { return known }
        let documented = primitive.documentedRoles.contains(RoleName.fromCRN(role))
        let verdict: Verdict
        if let action = primitive.action {
            switch actions.answer(action, role: role, on: service) {
            case .yes: verdict = .enables
            case .no: verdict = .no
            case .unknown: verdict = documented ? .inferred : .no
            }
        } else {
            verdict = documented ? .inferred : .no
        }
        verdicts[key] = verdict
        return verdict
    }
}
