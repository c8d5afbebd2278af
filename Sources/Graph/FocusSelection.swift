import Analysis
import GraphValues
import Model

/// The nodes a focused view may show, worked out from the analyses (effective access, who has access), and the
/// nodes it must keep even when they have no edge (the focus itself).
struct FocusSelection {
    /// Node ids the view may show; `nil` for the whole account.
    let allowed: Set<String>?
    /// The focus node(s).
    let nodes: Set<String>
    let coverage: AccountGraphBuilder.Coverage
    let description: String

    init(_ focus: ViewOptions.Focus, index: AccessIndex) throws(Lookup.Failure) {
        let account = index.account
        switch focus {
        case .account:
            allowed = nil
            nodes = []
            coverage = .all
            description = "whole account"

        case .identity(let query):
            // An IAM id the lists lack but policies or memberships name (an identity-scope snapshot has no user
            // list) is drawn as the builder draws it: an "unknown" identity node.
            let iamID: String, node: String, name: String
            do {
                let identity = try Lookup.identity(query, in: account)
                (iamID, node, name) = (identity.iamID, Self.node(of: identity), identity.name)
            } catch .notFound(let what, _, let unknown) {
                guard index.names(iamID: query) else { throw .notFound(what: what, query: query, unknownCollection: unknown) }
                (iamID, node, name) = (query, Self.unknownIdentityNode(query), index.name(ofIAMID: query) ?? query)
            }
            var allowed: Set<String> = [node]
            for grant in EffectiveAccess.grants(of: iamID, in: index) {
                allowed.formUnion(Self.policyNodes(grant.policy, target: grant.target))
                for step in grant.path { allowed.insert(Self.node(of: step)) }
            }
            self.allowed = allowed
            nodes = [node]
            coverage = .all
            description = "effective access of \(name)"

        case .resource(let query):
            let instance = try Lookup.instance(query, in: account)
            let node = Node.id(.serviceInstance, instance.instanceID)
            var allowed: Set<String> = [node]
            if let group = instance.resourceGroupID { allowed.insert(Node.id(.resourceGroup, group)) }
            for access in WhoHasAccess.to(instance, in: index) {
                allowed.formUnion(Self.policyNodes(access.policy, target: access.target))
                allowed.insert(Self.node(of: access.holder, in: account))
                for step in access.path { allowed.insert(Self.node(of: step)) }
            }
            self.allowed = allowed
            nodes = [node]
            coverage = .instances([instance.instanceID])
            description = "who can reach \(instance.displayName)"

        case .service(let query):
            let instances = account.resourceInstances.filter { $0.serviceName?.lowercased() == query.lowercased() }
            guard !instances.isEmpty else {
                throw .notFound(what: "service with instances", query: query, unknownCollection: !account.isKnown(.resourceInstances))
            }
            (allowed, nodes) = Self.reaching(instances, in: index)
            coverage = .none
            description = "who can reach any \(query) instance (\(instances.count))"

        case .resourceGroup(let query):
            let group = try Lookup.resourceGroup(query, in: account)
            let instances = account.resourceInstances.filter { $0.resourceGroupID == group.id }
            var (reaching, _) = Self.reaching(instances, in: index)
            // Policies on the resource group itself (viewers and editors of the group) count too.
            for policy in account.accessPolicies where policy.isActive {
                let target = index.target(of: policy)
                guard Self.isOn(target, resourceGroup: group.id) else { continue }
                reaching.formUnion(Self.policyNodes(policy, target: target))
                if let subject = Self.subjectNode(policy, account: account) { reaching.insert(subject) }
            }
            allowed = reaching
            nodes = []
            coverage = .none
            description = "who can reach resource group \(group.displayName) (\(instances.count) instances)"

        case .accessGroup(let query):
            let group = try Lookup.accessGroup(query, in: account)
            let node = Node.id(.accessGroup, group.id)
            var allowed: Set<String> = [node]
            for member in group.members {
                allowed.insert(account.identity(iamID: member.iamID).map(Self.node(of:)) ?? Self.unknownIdentityNode(member.iamID))
            }
            for policy in index.policiesOfGroup[group.id] ?? [] {
                allowed.formUnion(Self.policyNodes(policy, target: index.target(of: policy)))
            }
            self.allowed = allowed
            nodes = [node]
            coverage = .all
            description = "access group \(group.displayName)"
        }
    }

    /// The nodes of everyone who can reach any of `instances`, and the paths and policies that let them.
    private static func reaching(_ instances: [ResourceInstance], in index: AccessIndex) -> (Set<String>, Set<String>) {
        let account = index.account
        var allowed = Set<String>()
        for instance in instances {
            for access in WhoHasAccess.to(instance, in: index) {
                allowed.formUnion(policyNodes(access.policy, target: access.target))
                allowed.insert(node(of: access.holder, in: account))
                for step in access.path { allowed.insert(node(of: step)) }
            }
        }
        return (allowed, [])
    }

    /// The node that stands for one holder of access to an instance.
    private static func node(of holder: ResourceAccess.Holder, in account: IAMAccount) -> String {
        switch holder {
        case .identity(let iamID):
            return account.identity(iamID: iamID).map(node(of:)) ?? unknownIdentityNode(iamID)
        case .accessGroup(let id): return Node.id(.accessGroup, id)
        case .service(let name, let guid): return Node.id(.service, guid.map { "\(name)/\($0)" } ?? name)
        case .serviceCredential(let credential):
            // A credential acts as its service ID: the map shows the service ID.
            return account.identity(iamID: credential.serviceIDIAMID).map(node(of:))
                ?? unknownIdentityNode(credential.serviceIDIAMID)
        case .profileAssumer(let assumer):
            switch assumer.kind {
            case .computeResource: return Node.id(.computeResource, assumer.id)
            case .federatedUsers, .computeResources: return Node.id(.claimRule, assumer.id)
            }
        }
    }

    /// Whether `target` is the resource group itself or everything in it.
    private static func isOn(_ target: PolicyTarget, resourceGroup id: String) -> Bool {
        if case .resourceGroupItself(let group) = target.scope { return group == id }
        if case .resourceGroupResources(let group) = target.scope { return group == id }
        return false
    }

    /// The node of a policy's identity or access-group subject.
    private static func subjectNode(_ policy: Policy, account: IAMAccount) -> String? {
        if let iamID = policy.subjectValue("iam_id") {
            return account.identity(iamID: iamID).map(node(of:)) ?? unknownIdentityNode(iamID)
        }
        return policy.subjectValue("access_group_id").map { Node.id(.accessGroup, $0) }
    }

    static func node(of identity: Identity) -> String {
        switch identity {
        case .user(let u): Node.id(.user, u.iamID)
        case .serviceID(let s): Node.id(.serviceID, s.iamID)
        case .trustedProfile(let p): Node.id(.trustedProfile, p.iamID)
        }
    }

    private static func unknownIdentityNode(_ iamID: String) -> String {
        Node.id(iamID.hasPrefix("iam-ServiceId") ? .serviceID : iamID.hasPrefix("iam-Profile") ? .trustedProfile : .user, iamID)
    }

    private static func node(of step: AccessStep) -> String {
        switch step {
        case .accessGroup(let id, _, _, _): Node.id(.accessGroup, id)
        case .trustedProfile(_, let iamID, _): Node.id(.trustedProfile, iamID)
        case .publicAccess: Node.id(.accessGroup, AccessGroup.publicAccessID)
        }
    }

    private static func policyNodes(_ policy: Policy, target: PolicyTarget) -> Set<String> {
        Set([Node.id(.policy, policy.id), Node.id(.target, target.key)] + policy.roleIDs.map { Node.id(.role, $0) })
    }
}
