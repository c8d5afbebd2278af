import Model

/// The escalation graph of an account, PMapper-style: nodes are identities, access groups and scopes one may grant
/// itself roles on; edges are memberships, profile assumptions and escalation primitives, each naming the policy, role
/// and action behind it. Access groups and trusted profiles are single nodes however many members reach them, and a
/// policy on every group, service ID or profile of a target is one link into a shared fan-out, so the graph's size
/// follows the account's policies and memberships, never members × policies or policies × resources.
package struct EscalationGraph: Sendable {
    /// How each link is stored, in the links' order: a membership or an assumption is its numbered nodes alone (most
    /// of a large account's links, made and freed without an edge of strings each), a primitive is an edge of
    /// `primitives`.
    private let stored: [StoredLink]
    /// The primitive links, with the policy, role and action behind each.
    private let primitives: [EscalationLink]
    /// The members of each fan-out the links name.
    let fanOuts: [[EscalationNode]]
    /// The links' nodes numbered, for the searches of every goal.
    let numbering: EscalationNumbering
    /// The policy targets of the grantable scopes, by key.
    package let scopes: [String: PolicyTarget]
    /// The nodes that hold something, sorted by id: identities and access groups with policies, then the grantable
    /// scopes (every `scope:` id sorts after every `identity:` and `access_group:` one). The goals' edges follow this
    /// order.
    let capabilityNodes: [EscalationNode]
    /// What each of `capabilityNodes` holds that may administer, by position: its own policies with Administrator or
    /// Manager among their roles (an identity's direct ones, a group's), or for a grantable scope, any role on it. The
    /// administration goals read nothing else; `allCapabilities(in:)` gives every policy, for an instance goal.
    let capabilities: [[Capability]]
    /// Every identity of the account (`AccessIndex.subjects`), sorted: where the searches start.
    let identities: [String]
    /// The account's sensitive targets, which the capabilities' coverage numbers.
    let sensitiveTargets: SensitiveTargets

    /// How a link is stored: its kind for a free link, whose nodes `numbering` holds; its position in `primitives` for a
    /// primitive.
    private enum StoredLink {
        case memberOf
        case mayAssume
        case primitive(Int)
    }

    /// Every edge as stored, goal edges excluded (they depend on the goal: see `Escalation`), in a deterministic order.
    var links: [EscalationLink] { numbering.from.indices.map(link) }

    /// The link at `position` of `links`.
    func link(_ position: Int) -> EscalationLink {
        switch stored[position] {
        case .memberOf:
            EscalationLink(EscalationEdge(from: numbering.nodes[numbering.from[position]],
                                          to: numbering.nodes[numbering.to[position]], kind: .memberOf))
        case .mayAssume:
            EscalationLink(EscalationEdge(from: numbering.nodes[numbering.from[position]],
                                          to: numbering.nodes[numbering.to[position]], kind: .mayAssume))
        case .primitive(let primitive): primitives[primitive]
        }
    }

    /// Every edge, each fan-out link expanded into one edge per member, in the links' order: as many as policies ×
    /// resources on a large account, so the searches read `links` instead.
    package var edges: [EscalationEdge] {
        links.flatMap { link -> [EscalationEdge] in
            guard let fanOut = link.fanOut else { return [link.edge] }
            return fanOuts[fanOut].filter { $0 != link.edge.from }.map(link.edge.to)
        }
    }

    /// What a node holds through one policy (or, for a grantable scope, through assigning itself roles).
    ///
    /// A class, made once per policy whose roles may do anything here (`RoleTraits`) and never changed: the graph
    /// hands each capability to the primitive and goal tests, and a reference costs one retain where a copy of the
    /// target, roles and id cost one per string and array in them — on a large account, with the other rules reading
    /// the same targets on the other thread, most of the graph's time.
    final class Capability: Sendable {
        let target: PolicyTarget
        let roleCRNs: [String]
        /// What the roles may do, as `RoleTraitsTable` finds it.
        let traits: RoleTraits
        let policyID: String?
        let isConditional: Bool
        /// What the target covers that the administration goals test, when the roles may administer (nil otherwise):
        /// found once, where the target is at hand, rather than by a copy of it per goal and test.
        let coverage: Coverage?

        /// Whether the target covers all account management services, all IAM-enabled services
        /// (`AdministrationFindings`), and which sensitive targets Administrator on it administers (positions in
        /// `SensitiveTargets.all`, found only when a role is Administrator).
        struct Coverage {
            let allAccountManagement: Bool
            let allIAMEnabledServices: Bool
            let sensitive: [Int]
        }

        init(target: PolicyTarget, roleCRNs: [String], traits: RoleTraits, policyID: String?, isConditional: Bool,
             sensitive: SensitiveTargets) {
            self.target = target
            self.roleCRNs = roleCRNs
            self.traits = traits
            self.policyID = policyID
            self.isConditional = isConditional
            coverage = traits.mayAdminister
                ? Coverage(allAccountManagement: AdministrationFindings.coversAllAccountManagement(target),
                           allIAMEnabledServices: AdministrationFindings.coversAllIAMEnabledServices(target),
                           sensitive: traits.contains(.administrator) ? sensitive.covered(by: target) : [])
                : nil
        }
    }

    /// The roles a grantable scope's holder assigns itself.
    static let grantedRoles = ["crn:v1:bluemix:public:iam::::role:Administrator",
                               "crn:v1:bluemix:public:iam::::serviceRole:Manager"]

    package init(_ index: AccessIndex) {
        let account = index.account
        let identities = index.subjects
        let actions = RoleActions(account.roles)
        var roles = RoleTraitsTable(account.roles)
        let sensitive = SensitiveTargets(account)
        // The holders in id order: every `access_group:` id sorts before every `identity:` one, and `subjects` holds
        // every IAM id with policies, sorted; each with the capabilities of its policies whose roles may do anything
        // here (most grant Viewer or Reader, and are passed over without a look at their targets).
        var holders: [(node: EscalationNode, holding: [Capability])] = []
        holders.reserveCapacity(index.policiesOfIAMID.count + index.policiesOfGroup.count)
        for id in index.policiesOfGroup.keys.sorted() {
            holders.append((.accessGroup(id: id), Self.capabilities(index.policiesOfGroup[id] ?? [], index, sensitive,
                                                                           &roles) { !$0.isEmpty }))
        }
        for iamID in identities {
            guard let policies = index.policiesOfIAMID[iamID] else { continue }
            holders.append((.identity(iamID: iamID), Self.capabilities(policies, index, sensitive, &roles) { !$0.isEmpty }))
        }

        var stored: [StoredLink] = [], primitives: [EscalationLink] = []
        var numbering = EscalationNumbering(expectedNodes: identities.count + account.accessGroups.count)
        // Each identity's number, by position in `identities`, once a link names it: its memberships and its link into
        // Public Access look it up here rather than by hashing it.
        var identityNumbers = Array(repeating: -1, count: identities.count)
        // Memberships and assumptions: access already held, free steps; by member, in id order.
        for (position, iamID) in identities.enumerated() {
            guard let memberships = index.groupsOfMember[iamID] else { continue }
            // Through the buffer, the group's id read in place: copying a membership copies its group and member.
            memberships.withUnsafeBufferPointer { memberships in
                for member in memberships.indices where memberships[member].group.id != AccessGroup.publicAccessID {
                    let source = numbering.number(.identity(iamID: iamID), cachedIn: &identityNumbers[position])
                    let target = numbering.number(.accessGroup(id: memberships[member].group.id))
                    numbering.link(from: source, to: target, primitive: false)
                    stored.append(.memberOf)
                }
            }
        }
        for iamID in index.profilesAssumableBy.keys.sorted() {
            for profile in index.profilesAssumableBy[iamID] ?? [] where profile.iamID != iamID {
                let source = numbering.number(.identity(iamID: iamID))
                let target = numbering.number(.identity(iamID: profile.iamID))
                numbering.link(from: source, to: target, primitive: false)
                stored.append(.mayAssume)
            }
        }
        // Everyone is in Public Access: its policies are every identity's.
        if index.policiesOfGroup[AccessGroup.publicAccessID] != nil {
            var publicAccess = -1
            for (position, iamID) in identities.enumerated() {
                let source = numbering.number(.identity(iamID: iamID), cachedIn: &identityNumbers[position])
                let target = numbering.number(.accessGroup(id: AccessGroup.publicAccessID), cachedIn: &publicAccess)
                numbering.link(from: source, to: target, primitive: false)
                stored.append(.memberOf)
            }
        }

        var finder = PrimitiveFinder(account: account, actions: actions)
        var fanOuts = EscalationFanOuts()
        var scopes: [String: PolicyTarget] = [:]
        // The holders in id order, then each scope as first reached, which becomes a node holding any role on it.
        var next = 0
        while next < holders.count {
            let (node, holding) = holders[next]
            next += 1
            var source = -1
            for capability in holding {
                let first = primitives.count
                finder.links(from: node, numbered: &source, holding: capability, fanOuts: &fanOuts, into: &primitives,
                             numbering: &numbering)
                // The new links by position, each one's node read in place: a copy of a link retains every string in it.
                for primitive in first..<primitives.count {
                    stored.append(.primitive(primitive))
                    guard case .grantableScope(let key) = primitives[primitive].edge.to, scopes[key] == nil else { continue }
                    scopes[key] = capability.target
                    holders.append((.grantableScope(key: key), [Capability(target: capability.target, roleCRNs: Self.grantedRoles,
                                                              traits: roles.traits(of: Self.grantedRoles), policyID: nil,
                                                              isConditional: false, sensitive: sensitive)]))
                }
            }
        }
        self.stored = stored
        self.primitives = primitives
        self.fanOuts = fanOuts.members
        numbering.finish(fanOuts: fanOuts.members.count)
        self.numbering = numbering
        self.scopes = scopes
        let sorted = holders.prefix(index.policiesOfIAMID.count + index.policiesOfGroup.count)
            + holders.dropFirst(index.policiesOfIAMID.count + index.policiesOfGroup.count).sortedByID(\.node)
        capabilityNodes = sorted.map(\.node)
        capabilities = sorted.map { $0.holding.filter(\.traits.mayAdminister) }
        self.identities = identities
        sensitiveTargets = sensitive
    }

    /// The capabilities of `policies` whose roles' traits pass `keep`, in order; a policy read in place is not copied
    /// (a large account has hundreds of thousands, and a copy retains each of their strings and arrays).
    private static func capabilities(_ policies: [Policy], _ index: AccessIndex, _ sensitive: SensitiveTargets,
                                     _ roles: inout RoleTraitsTable, keeping keep: (RoleTraits) -> Bool) -> [Capability] {
        policies.withUnsafeBufferPointer { policies in
            policies.indices.compactMap { position in
                let traits = roles.traits(of: policies[position].roleIDs)
                guard keep(traits) else { return nil }
                return Capability(target: index.targets[policies[position].id] ?? index.target(of: policies[position]),
                                  roleCRNs: policies[position].roleIDs, traits: traits, policyID: policies[position].id,
                                  isConditional: policies[position].rule != nil, sensitive: sensitive)
            }
        }
    }

    /// What each of `capabilityNodes` holds, by position: every policy of an identity or group, whatever its roles, and
    /// a grantable scope's roles.
    func allCapabilities(in index: AccessIndex) -> [[Capability]] {
        var roles = RoleTraitsTable(index.account.roles)
        return capabilityNodes.indices.map { position in
            switch capabilityNodes[position] {
            case .identity(let iamID):
                Self.capabilities(index.policiesOfIAMID[iamID] ?? [], index, sensitiveTargets, &roles) { _ in true }
            case .accessGroup(let id):
                Self.capabilities(index.policiesOfGroup[id] ?? [], index, sensitiveTargets, &roles) { _ in true }
            case .grantableScope, .accountAdministration, .administrationPart, .instance, .administration:
                capabilities[position]
            }
        }
    }
}

/// Finds the escalation primitives one capability enables.
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

    /// Appends to `links` the links of the primitives `held` enables for `node` — one per group, service ID or profile
    /// a target names exactly, one per fan-out for a target that includes them by wildcard or whole — and numbers
    /// them in `numbering` as they are made.
    /// - Parameter source: `node`'s number once a link names it (negative until then).
    mutating func links(from node: EscalationNode, numbered source: inout Int, holding held: EscalationGraph.Capability,
                        fanOuts: inout EscalationFanOuts, into links: inout [EscalationLink],
                        numbering: inout EscalationNumbering) {
        func edge(_ primitive: EscalationPrimitive, to target: EscalationNode, role: (crn: String, inferred: Bool)) -> EscalationEdge {
            EscalationEdge(from: node, to: target, kind: .primitive(primitive), policyID: held.policyID, roleCRN: role.crn,
                           action: primitive.action, isConditional: held.isConditional, isInferred: role.inferred)
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
            let target = held.target
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
        let target = held.target, traits = held.traits
        if traits.contains(.addGroupMember), Self.mayInclude(target, resourcesOf: "iam-groups"),
           let role = enabling(.addGroupMember, held, on: "iam-groups") {
            add(.addGroupMember, toEach: &groups, role: role)
        }
        let identityService = !traits.isDisjoint(with: [.createServiceIDAPIKey, .editProfileTrust])
            && Self.mayInclude(target, resourcesOf: "iam-identity")
        if identityService, traits.contains(.createServiceIDAPIKey),
           let role = enabling(.createServiceIDAPIKey, held, on: "iam-identity") {
            add(.createServiceIDAPIKey, toEach: &serviceIDs, role: role)
        }
        if identityService, traits.contains(.editProfileTrust),
           let role = enabling(.editProfileTrust, held, on: "iam-identity") {
            add(.editProfileTrust, toEach: &profiles, role: role)
        }
        if traits.contains(.runTrustedWorkload), trustedCompute.hasPositions(for: target),
           let role = enabling(.runTrustedWorkload, held, on: nil) {
            // Policies on a service or resource group reach many linked clusters: one fan-out per target.
            let profiles = fanOuts.index("trusted-workloads", target) {
                trustedCompute.positions(matching: target).map { .identity(iamID: trustedComputeProfiles[$0]) }
            }
            add(.runTrustedWorkload, toEvery: profiles, role: role)
        }
        if case .resourceGroupItself = target.scope {
            // Administrator on a resource group itself lets one rename it, not assign access to what is in it.
        } else if traits.contains(.assignAccess), let role = enabling(.assignAccess, held, on: target.serviceName) {
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

    /// The first of the capability's roles that carries the primitive's action on `service` — by the snapshot's
    /// action list, or, where the list says nothing about the service, by IBM's documented role names (inferred).
    mutating func enabling(_ primitive: EscalationPrimitive, _ held: EscalationGraph.Capability,
                           on service: String?) -> (crn: String, inferred: Bool)? {
        for role in held.roleCRNs {
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
