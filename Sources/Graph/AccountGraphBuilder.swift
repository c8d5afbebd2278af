import Analysis
import GraphValues
import Model

/// Builds the complete access graph of an account — every identity, group, policy, role, target and, on request,
/// what each target covers — from which views select. Entities referenced but absent from the snapshot become
/// warning-styled "unknown" nodes.
struct AccountGraphBuilder {
    let index: AccessIndex
    /// Whether policy and role nodes and the edges at them are built; without them a view sees each policy only as
    /// its `CollapsedPolicy` (most of a large account's nodes and edges are never built only to be dropped).
    let policyNodes: Bool
    var account: IAMAccount { index.account }
    private(set) var nodes: [String: Node] = [:]
    private(set) var edges: [Edge] = []
    /// Every drawn policy as the single edge a view without policy nodes shows for it.
    private(set) var collapsedPolicies: [CollapsedPolicy] = []

    /// Which instances `covers` edges are computed for: none (the default maps), some (a resource view) or all.
    enum Coverage: Sendable {
        case none
        case instances(Set<String>)
        case all
    }

    init(index: AccessIndex, coverage: Coverage, policyNodes: Bool) {
        self.index = index
        self.policyNodes = policyNodes
        let targets = Concurrent.onItsOwnThread { [index] in PolicyTargetNodes(index) }
        addIdentities()
        addGroups()
        var policies: [PolicyFacts] = []
        policies.reserveCapacity(account.accessPolicies.count + account.authorizationPolicies.count)
        for policy in account.accessPolicies where policy.isActive { policies.append(facts(policy)) }
        for policy in account.authorizationPolicies where policy.isActive { policies.append(facts(policy)) }
        let targetNodes = targets.value
        for policy in policies { addPolicy(policy, targets: targetNodes) }
        addProfileAssumption()
        switch coverage {
        case .none: break
        case .instances(let guids): addCoverage(of: account.resourceInstances.filter { guids.contains($0.instanceID) })
        case .all: addCoverage(of: account.resourceInstances)
        }
    }

    // MARK: identities, groups

    /// Identities labelled as every report names them (`AccessIndex.name(ofIAMID:)`).
    private mutating func addIdentities() {
        for user in account.users {
            var attributes = ["iam_id": user.iamID, "url": ConsoleLink.user(user.iamID)]
            attributes["email"] = user.email ?? user.userID
            attributes["state"] = user.state
            put(Node(id: Node.id(.user, user.iamID), kind: .user, label: index.name(ofIAMID: user.iamID) ?? user.displayName,
                     attributes: attributes))
        }
        for serviceID in account.serviceIDs {
            putIdentity(.serviceID, iamID: serviceID.iamID, id: serviceID.id, url: ConsoleLink.serviceID(serviceID.id),
                        crn: serviceID.crn, description: serviceID.description)
        }
        for profile in account.trustedProfiles {
            putIdentity(.trustedProfile, iamID: profile.iamID, id: profile.id, url: ConsoleLink.trustedProfile(profile.id),
                        crn: profile.crn, description: profile.description,
                        template: account.templateManagement.profiles[profile.id])
        }
    }

    /// The node of a service ID or trusted profile: keyed by its IAM id, labelled by its name (else its id), with its
    /// id, CRN, description and console link.
    private mutating func putIdentity(_ kind: NodeKind, iamID: String, id: String, url: String, crn: String?,
                                      description: String?, template: TemplateMark? = nil) {
        var attributes = ["iam_id": iamID, "id": id, "url": url]
        attributes["crn"] = crn
        attributes["description"] = description
        attributes.merge(TemplateAttributes.of(template)) { _, template in template }
        put(Node(id: Node.id(kind, iamID), kind: kind, label: index.name(ofIAMID: iamID) ?? id, attributes: attributes))
    }

    private mutating func addGroups() {
        for group in account.accessGroups {
            var attributes = ["id": group.id, "url": ConsoleLink.accessGroup(group.id)]
            attributes["description"] = group.description
            attributes["members"] = String(group.members.count)
            if !group.rules.isEmpty { attributes["dynamic_rules"] = group.rules.map { $0.name ?? $0.id }.joined(separator: ", ") }
            attributes.merge(TemplateAttributes.of(account.templateManagement.groups[group.id])) { _, template in template }
            let groupNode = Node.id(.accessGroup, group.id)
            put(Node(id: groupNode, kind: .accessGroup,
                     label: group.isPublicAccess ? "Public Access (everyone)" : group.displayName,
                     attributes: attributes, flags: group.isPublicAccess ? .everyone : []))
            for member in group.members {
                let memberNode = identityNode(iamID: member.iamID, typeHint: member.type, name: member.name ?? member.email)
                let rule = index.dynamicRuleName(group, member)
                var edgeAttributes = ["membership": member.membershipType ?? "static"]
                edgeAttributes["expires_at"] = member.expiresAt?.raw
                let lapsed = index.lapse(of: member)
                edgeAttributes["lapsed"] = lapsed.map { _ in "true" }
                let label = (rule.map { "rule: \($0)" } ?? "") + (lapsed.map { " (lapsed since \($0))" } ?? "")
                edges.append(Edge(source: memberNode, target: groupNode, kind: .memberOf, label: label,
                                  attributes: edgeAttributes, flags: member.isDynamic ? .dynamic : []))
            }
        }
    }

    /// The node id of an identity, adding a warning node when the snapshot does not hold it.
    private mutating func identityNode(iamID: String, typeHint: String?, name: String?) -> String {
        if let identity = account.identity(iamID: iamID) {
            switch identity {
            case .user: return Node.id(.user, iamID)
            case .serviceID: return Node.id(.serviceID, iamID)
            case .trustedProfile: return Node.id(.trustedProfile, iamID)
            }
        }
        let kind: NodeKind = switch typeHint ?? "" {
        case "service", "serviceid": .serviceID
        case "profile": .trustedProfile
        default: iamID.hasPrefix("iam-ServiceId") ? .serviceID : iamID.hasPrefix("iam-Profile") ? .trustedProfile : .user
        }
        let id = Node.id(kind, iamID)
        if nodes[id] == nil {
            put(Node(id: id, kind: kind, label: "unknown \(name ?? iamID)",
                     attributes: ["iam_id": iamID, "warning": "not in the snapshot"], flags: .warning))
        }
        return id
    }

    // MARK: policies

    /// What a policy's node and edges are made from, but for its target's node and mark (`PolicyTargetNodes`, made
    /// meanwhile on another thread).
    private struct PolicyFacts {
        let id: String
        let isAuthorization: Bool
        let targetKey: String
        let subject: String?
        let roles: [String]
        /// Privileged and conditional.
        let flags: Flags
        let condition: String
        /// The policy itself, kept only when policy nodes are built.
        let policy: Policy?
        let target: PolicyTarget?
    }

    /// The facts of `policy`, its subject's node added (an unknown identity or group becomes a warning node).
    private mutating func facts(_ policy: Policy) -> PolicyFacts {
        let target = index.target(of: policy)
        var flags: Flags = PrivilegedRoles.isPrivileged(roleIDs: policy.roleIDs, target: target) ? .privileged : []
        if policy.rule != nil { flags.insert(.conditional) }
        return PolicyFacts(id: policy.id, isAuthorization: policy.isAuthorization, targetKey: target.key,
                           subject: subjectNode(policy), roles: roleNames(policy.roleIDs), flags: flags,
                           condition: policy.rule.map { ConditionText.short($0) } ?? "",
                           policy: policyNodes ? policy : nil, target: policyNodes ? target : nil)
    }

    private mutating func addPolicy(_ facts: PolicyFacts, targets: PolicyTargetNodes) {
        let policyNode = Node.id(.policy, facts.id)
        let targetNode = Node.id(.target, facts.targetKey)
        let made = targets[facts.targetKey]
        let network = made?.mark ?? NetworkMark([])
        if nodes[targetNode] == nil, let node = made?.node { put(node) }
        // The policy node's own flags do not include the network mark; its edges' do.
        let grantFlags = facts.flags.union(network.flags)
        collapsedPolicies.append(CollapsedPolicy(node: policyNode, id: facts.id, subject: facts.subject,
                                                 target: targetNode, roles: facts.roles, condition: facts.condition,
                                                 flags: grantFlags, networkRestriction: network.text,
                                                 isAuthorization: facts.isAuthorization))
        guard let policy = facts.policy, let target = facts.target else { return }
        var attributes = ["id": policy.id, "type": policy.type, "roles": facts.roles.joined(separator: ", ")]
        attributes["description"] = policy.description
        attributes["condition"] = policy.rule?.description
        attributes["pattern"] = policy.pattern
        attributes["last_permit_at"] = policy.lastPermitAt?.raw
        attributes["source"] = policy.origin.rawValue
        attributes.merge(TemplateAttributes.of(account.templateManagement.policies[policy.id])) { _, template in template }
        put(Node(id: policyNode, kind: .policy, label: (policy.isAuthorization ? "authorization " : "policy ") + String(policy.id.prefix(8)),
                 attributes: attributes, flags: facts.flags))

        if let subject = facts.subject { edges.append(Edge(source: subject, target: policyNode, kind: .assigned)) }
        for roleID in policy.roleIDs {
            let roleNode = Node.id(.role, roleID)
            if nodes[roleNode] == nil {
                let role = account.rolesByCRN[roleID]
                var roleAttributes = ["crn": roleID]
                roleAttributes["kind"] = role?.kind.rawValue
                roleAttributes["description"] = role?.description
                if role?.kind == .custom, let name = role?.name { roleAttributes["url"] = ConsoleLink.customRole(name) }
                let unknown = role == nil && account.isKnown(.roles)
                        && !roleID.hasPrefix("crn:v1:bluemix:public:iam::::") && !roleID.contains("::::serviceRole:")
                put(Node(id: roleNode, kind: .role, label: role?.shortName ?? RoleName.fromCRN(roleID),
                         attributes: roleAttributes, flags: unknown ? .warning : []))
            }
            edges.append(Edge(source: policyNode, target: roleNode, kind: .grants,
                              flags: PrivilegedRoles.isPrivileged(roleIDs: [roleID], target: target) ? .privileged : []))
        }
        var applies = Edge(source: policyNode, target: targetNode, kind: .appliesTo, label: facts.condition,
                           flags: grantFlags.intersection([.conditional, .networkRestricted]))
        applies.attributes[NetworkMark.attribute] = network.text
        edges.append(applies)
    }

    /// Whether every edge of this kind in the full graph has a policy node at one end.
    static func endsAtPolicy(_ kind: EdgeKind) -> Bool {
        switch kind {
        case .assigned, .grants, .appliesTo: true
        case .memberOf, .covers, .contains, .canAssume, .escalatesTo: false
        }
    }

    func roleNames(_ roleIDs: [String]) -> [String] {
        roleIDs.map { account.rolesByCRN[$0]?.shortName ?? RoleName.fromCRN($0) }
    }

    private mutating func subjectNode(_ policy: Policy) -> String? {
        if policy.isAuthorization {
            guard let service = policy.subjectValue("serviceName") else { return nil }
            return serviceNode(service, instance: policy.subjectValue("serviceInstance"))
        }
        if let iamID = policy.subjectValue("iam_id") {
            return identityNode(iamID: iamID, typeHint: nil, name: nil)
        }
        if let groupID = policy.subjectValue("access_group_id") {
            let id = Node.id(.accessGroup, groupID)
            if nodes[id] == nil {
                put(Node(id: id, kind: .accessGroup, label: "unknown group \(groupID)",
                         attributes: ["id": groupID, "warning": "not in the snapshot"], flags: .warning))
            }
            return id
        }
        return nil
    }

    private mutating func serviceNode(_ service: String, instance: String?) -> String {
        let id = Node.id(.service, instance.map { "\(service)/\($0)" } ?? service)
        if nodes[id] == nil {
            var attributes = ["service": service]
            attributes["instance"] = instance
            let name = instance.flatMap { account.instancesByGUID[$0]?.displayName }
            put(Node(id: id, kind: .service, label: service + (instance.map { " instance \(name ?? $0)" } ?? ""),
                     attributes: attributes))
        }
        return id
    }

    // MARK: trusted profiles

    private mutating func addProfileAssumption() {
        for profile in account.trustedProfiles {
            let profileNode = Node.id(.trustedProfile, profile.iamID)
            for identity in profile.identities {
                let source: String
                if identity.type == "crn" {
                    source = computeNode(id: identity.iamID, label: identity.identifier ?? identity.iamID, attributes: [:])
                } else {
                    source = identityNode(iamID: identity.iamID, typeHint: identity.type, name: identity.identifier)
                }
                edges.append(Edge(source: source, target: profileNode, kind: .canAssume, label: "trusted identity"))
            }
            for link in profile.links {
                var attributes = ["cr_type": link.crType ?? ""]
                attributes["crn"] = link.link?.crn
                attributes["namespace"] = link.link?.namespace
                let label = [link.crType, link.link?.namespace, link.link?.name ?? link.name].compactMap { $0 }.joined(separator: " ")
                let source = computeNode(id: link.link?.crn ?? link.id, label: label, attributes: attributes)
                edges.append(Edge(source: source, target: profileNode, kind: .canAssume, label: "link"))
            }
            for rule in profile.rules {
                let id = Node.id(.claimRule, rule.id)
                var attributes = ["type": rule.type ?? "", "conditions": (rule.conditions ?? []).map(\.description).joined(separator: "; ")]
                attributes["realm"] = rule.realmName
                attributes["cr_type"] = rule.crType
                put(Node(id: id, kind: .claimRule, label: "rule " + (rule.name ?? rule.id), attributes: attributes))
                edges.append(Edge(source: id, target: profileNode, kind: .canAssume,
                                  label: rule.type == "Profile-SAML" ? "federated users" : "compute resources"))
            }
        }
    }

    private mutating func computeNode(id: String, label: String, attributes: [String: String]) -> String {
        let nodeID = Node.id(.computeResource, id)
        if nodes[nodeID] == nil { put(Node(id: nodeID, kind: .computeResource, label: label, attributes: attributes)) }
        return nodeID
    }

    // MARK: coverage

    /// Adds resource groups, instances, `contains` and `covers` edges. A target that covers a whole resource group
    /// points at the group; otherwise at each instance it matches.
    private mutating func addCoverage(of instances: [ResourceInstance]) {
        for group in account.resourceGroups {
            var attributes = ["id": group.id, "url": ConsoleLink.resourceGroup(group.id)]
            attributes["crn"] = group.crn
            put(Node(id: Node.id(.resourceGroup, group.id), kind: .resourceGroup, label: group.displayName, attributes: attributes))
        }
        for instance in instances {
            var attributes = ["guid": instance.instanceID, "crn": instance.crnString ?? instance.id,
                              "url": ConsoleLink.instance(instance.crnString ?? instance.id)]
            attributes["service"] = instance.serviceName
            attributes["region"] = instance.region
            attributes["state"] = instance.state
            attributes["resource_group"] = instance.resourceGroupID
            let node = Node.id(.serviceInstance, instance.instanceID)
            put(Node(id: node, kind: .serviceInstance, label: instance.displayName, attributes: attributes))
            if let group = instance.resourceGroupID, nodes[Node.id(.resourceGroup, group)] != nil {
                edges.append(Edge(source: Node.id(.resourceGroup, group), target: node, kind: .contains))
            }
        }
        let candidates = InstanceCandidates(instances)
        let targets = Dictionary(index.targets.values.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, target) in targets.sorted(by: { $0.key < $1.key }) {
            let targetNode = Node.id(.target, key)
            var wholeGroups = Set<String>()
            for group in account.resourceGroups where target.coversWhole(resourceGroup: group.id) || target.isResourceGroup(group.id) {
                wholeGroups.insert(group.id)
                edges.append(Edge(source: targetNode, target: Node.id(.resourceGroup, group.id), kind: .covers))
            }
            guard !target.isAccountManagement || target.serviceName == nil else { continue }
            for instance in candidates.instances(for: target) where !wholeGroups.contains(instance.resourceGroupID ?? "") {
                let match = target.match(instance)
                guard match != .none else { continue }
                edges.append(Edge(source: targetNode, target: Node.id(.serviceInstance, instance.instanceID), kind: .covers,
                                  label: match == .partial ? "part" : ""))
            }
        }
    }

    private mutating func put(_ node: Node) { nodes[node.id] = node }
}
