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
