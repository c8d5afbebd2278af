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
    /// A class, made once per policy whose roles may administer (`RoleTraits.mayAdminister`; an instance goal makes one
    /// per policy) and never changed: the graph hands each capability to the goal tests, and a reference costs one
    /// retain where a copy of the target, roles and id cost one per string and array in them — on a large account,
    /// with the other rules reading the same targets on the other thread, most of the graph's time.
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
        // every IAM id with policies, sorted; each with its policies, read in place when its links are made.
        var holders: [(node: EscalationNode, policies: [Policy])] = []
        holders.reserveCapacity(index.policiesOfIAMID.count + index.policiesOfGroup.count)
        for id in index.policiesOfGroup.keys.sorted() {
            holders.append((.accessGroup(id: id), index.policiesOfGroup[id] ?? []))
        }
        for iamID in identities {
            guard let policies = index.policiesOfIAMID[iamID] else { continue }
            holders.append((.identity(iamID: iamID), policies))
        }

        var stored: [StoredLink] = [], primitives: [EscalationLink] = []
        var numbering = EscalationNumbering(expectedNodes: identities.count + account.accessGroups.count)
        // Each identity's number, by position in `identities`, once a link names it: its memberships and its link into
        // Public Access look it up here rather than by hashing it.
        var identityNumbers = Array(repeating: -1, count: identities.count)
        // Memberships and assumptions: access already held, free steps; by member, in id order.
        // Each membership's group is read through a pointer to it, at its offset in the membership: read through the
        // tuple, the whole membership (its group and member, every field of both) was copied twice per link. A tuple's
        // elements are stored inline, so the offset is always there.
        let groupOffset = MemoryLayout<(group: AccessGroup, member: GroupMember)>.offset(of: \.group) ?? 0
        for (position, iamID) in identities.enumerated() {
            guard let memberships = index.groupsOfMember[iamID] else { continue }
            memberships.withUnsafeBufferPointer { memberships in
                guard let first = memberships.baseAddress else { return }
                for member in memberships.indices {
                    let group = (UnsafeRawPointer(first + member) + groupOffset).assumingMemoryBound(to: AccessGroup.self)
                    guard group.pointee.id != AccessGroup.publicAccessID else { continue }
                    let source = numbering.number(.identity(iamID: iamID), cachedIn: &identityNumbers[position])
                    let target = numbering.number(.accessGroup(id: group.pointee.id))
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
        // The grantable scopes, as first reached: each becomes a node holding any role on it, after the holders.
        var reached: [(node: EscalationNode, holding: Capability)] = []
        let granted = roles.traits(of: Self.grantedRoles)
        // The new primitive links by position, each one's node read in place (a copy of a link retains every string in
        // it); a scope reached first is held from `target`.
        func store(from first: Int, target: PolicyTarget) {
            for primitive in first..<primitives.count {
                stored.append(.primitive(primitive))
                guard case .grantableScope(let key) = primitives[primitive].edge.to, scopes[key] == nil else { continue }
                scopes[key] = target
                reached.append((.grantableScope(key: key), Capability(target: target, roleCRNs: Self.grantedRoles,
                                                                      traits: granted, policyID: nil,
                                                                      isConditional: false, sensitive: sensitive)))
            }
        }
        // The holders in id order. A policy whose roles may do nothing here (most grant Viewer or Reader) is passed over
        // without a look at its target; one that may is tested in place, and made a capability only when its roles may
        // administer (all the goals read): most of those that pass the roles' test give no primitive.
        var administering: [[Capability]] = []
        administering.reserveCapacity(holders.count)
        for (node, policies) in holders {
            var source = -1, kept: [Capability] = []
            policies.withUnsafeBufferPointer { policies in
                for position in policies.indices {
                    let traits = roles.traits(of: policies[position].roleIDs)
                    guard !traits.isEmpty else { continue }
                    let target = index.targets[policies[position].id] ?? index.target(of: policies[position])
                    let first = primitives.count
                    finder.links(from: node, numbered: &source, on: target, roles: policies[position].roleIDs,
                                 traits: traits, policyID: policies[position].id,
                                 isConditional: policies[position].rule != nil, fanOuts: &fanOuts, into: &primitives,
                                 numbering: &numbering)
                    store(from: first, target: target)
                    guard traits.mayAdminister else { continue }
                    kept.append(Capability(target: target, roleCRNs: policies[position].roleIDs, traits: traits,
                                           policyID: policies[position].id, isConditional: policies[position].rule != nil,
                                           sensitive: sensitive))
                }
            }
            administering.append(kept)
        }
        // Then each scope as first reached (one reached from a scope is held after it).
        var next = 0
        while next < reached.count {
            let (node, capability) = reached[next]
            next += 1
            var source = -1
            let first = primitives.count
            finder.links(from: node, numbered: &source, on: capability.target, roles: capability.roleCRNs,
                         traits: capability.traits, policyID: nil, isConditional: false, fanOuts: &fanOuts,
                         into: &primitives, numbering: &numbering)
            store(from: first, target: capability.target)
        }
        self.stored = stored
        self.primitives = primitives
        self.fanOuts = fanOuts.members
        numbering.finish(fanOuts: fanOuts.members.count)
        self.numbering = numbering
        self.scopes = scopes
        let sortedScopes = reached.sortedByID(\.node)
        capabilityNodes = holders.map(\.node) + sortedScopes.map(\.node)
        capabilities = administering + sortedScopes.map { [$0.holding] }
        self.identities = identities
        sensitiveTargets = sensitive
    }

    /// The capabilities of `policies`, every one whatever its roles, in order; a policy read in place is not copied (a
    /// large account has hundreds of thousands, and a copy retains each of their strings and arrays).
    private static func capabilities(_ policies: [Policy], _ index: AccessIndex, _ sensitive: SensitiveTargets,
                                     _ roles: inout RoleTraitsTable) -> [Capability] {
        policies.withUnsafeBufferPointer { policies in
            policies.indices.map { position in
                Capability(target: index.targets[policies[position].id] ?? index.target(of: policies[position]),
                           roleCRNs: policies[position].roleIDs, traits: roles.traits(of: policies[position].roleIDs),
                           policyID: policies[position].id, isConditional: policies[position].rule != nil,
                           sensitive: sensitive)
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
                Self.capabilities(index.policiesOfIAMID[iamID] ?? [], index, sensitiveTargets, &roles)
            case .accessGroup(let id):
                Self.capabilities(index.policiesOfGroup[id] ?? [], index, sensitiveTargets, &roles)
            case .grantableScope, .accountAdministration, .administrationPart, .instance, .administration:
                capabilities[position]
            }
        }
    }
}
