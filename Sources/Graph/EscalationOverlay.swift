import Analysis
import GraphValues
import Model

/// Escalation paths as graph values: the nodes and edges of each path, with ids the access map uses for the same
/// entities, so they can be drawn on their own (`escalation --format dot|svg`) or on top of a map (`render
/// --escalation`, `render --identity`).
package enum EscalationOverlay {
    /// The node id of the goal "account administration".
    static let administrationID = Node.id(.account, "administration")

    /// The paths alone, as a graph.
    package static func graph(_ escalation: Escalation, paths: [EscalationPath], index: AccessIndex, title: String) -> AccessGraph {
        let (nodes, edges) = elements(escalation, paths: paths, index: index)
        return AccessGraph(title: title, nodes: nodes, edges: edges)
    }

    /// Adds the paths to a map being drawn: nodes it lacks, and every step it does not show yet.
    static func add(_ escalation: Escalation, paths: [EscalationPath], index: AccessIndex, to draft: inout GraphDraft) {
        let (nodes, edges) = elements(escalation, paths: paths, index: index)
        var present = Set(draft.nodes.map(\.id))
        draft.nodes += nodes.filter { present.insert($0.id).inserted }
        struct Key: Hashable { let source: String, target: String, kind: EdgeKind }
        var shown = Set(draft.edges.map { Key(source: $0.source, target: $0.target, kind: $0.kind) })
        draft.edges += edges.filter { shown.insert(Key(source: $0.source, target: $0.target, kind: $0.kind)).inserted }
    }

    /// Each node and edge of the paths once, in path order.
    static func elements(_ escalation: Escalation, paths: [EscalationPath], index: AccessIndex) -> (nodes: [Node], edges: [Edge]) {
        var nodes: [Node] = [], edges: [Edge] = []
        var seenNodes = Set<String>(), seenEdges = Set<Edge>()
        for path in paths {
            for node in path.nodes {
                let value = self.node(node, escalation, index)
                if seenNodes.insert(value.id).inserted { nodes.append(value) }
            }
            for step in path.edges {
                let value = edge(step, escalation, index)
                if seenEdges.insert(value).inserted { edges.append(value) }
            }
        }
        return (nodes, edges)
    }

    static func id(_ node: EscalationNode, _ index: AccessIndex) -> String {
        switch node {
        case .identity(let iamID):
            switch SubjectKind(iamID: iamID, in: index.account) {
            case .user: Node.id(.user, iamID)
            case .serviceID: Node.id(.serviceID, iamID)
            case .trustedProfile: Node.id(.trustedProfile, iamID)
            }
        case .accessGroup(let id): Node.id(.accessGroup, id)
        case .grantableScope(let key): Node.id(.target, key)
        // The halves of account administration lead to it in the map.
        case .accountAdministration, .administrationPart: administrationID
        case .instance(let guid): Node.id(.serviceInstance, guid)
        case .administration(let target): Node.id(.target, "administration:" + target.id)
        }
    }

    private static func node(_ node: EscalationNode, _ escalation: Escalation, _ index: AccessIndex) -> Node {
        let id = id(node, index)
        let kind: NodeKind = switch node {
        case .identity(let iamID):
            switch SubjectKind(iamID: iamID, in: index.account) {
            case .user: .user
            case .serviceID: .serviceID
            case .trustedProfile: .trustedProfile
            }
        case .accessGroup: .accessGroup
        case .grantableScope, .administration: .target
        case .accountAdministration, .administrationPart: .account
        case .instance: .serviceInstance
        }
        let label: String = switch node {
        case .identity(let iamID): index.name(ofIAMID: iamID) ?? iamID
        case .accessGroup(let group): index.account.groupsByID[group]?.displayName ?? group
        case .grantableScope(let key): escalation.graph.scopes[key].map(index.label) ?? key
        case .accountAdministration, .administrationPart: "Account administration"
        case .instance(let guid): index.account.instancesByGUID[guid]?.displayName ?? guid
        case .administration(let target): "Administration of " + target.label(in: index.account)
        }
        let flags: Flags = switch node {
        case .accountAdministration, .administrationPart, .administration: .privileged
        case .identity, .accessGroup, .grantableScope, .instance: []
        }
        return Node(id: id, kind: kind, label: label, flags: flags)
    }

    private static func edge(_ edge: EscalationEdge, _ escalation: Escalation, _ index: AccessIndex) -> Edge {
        var attributes: [String: String] = [:]
        if let policy = edge.policyID { attributes["policy_id"] = policy }
        if let role = edge.roleCRN { attributes["role"] = role }
        if let action = edge.action { attributes["action"] = action }
        if edge.isInferred { attributes["inferred"] = "true" }
        var flags: Flags = edge.isConditional ? .conditional : []
        let kind: EdgeKind, label: String
        switch edge.kind {
        case .memberOf: (kind, label) = (.memberOf, "")
        case .mayAssume: (kind, label) = (.canAssume, "")
        case .holds:
            (kind, label) = (.escalatesTo, "holds" + (edge.roleCRN.map { " " + index.roleName($0) } ?? ""))
            flags.insert(.escalation)
        case .primitive(let primitive):
            attributes["primitive"] = primitive.rawValue
            (kind, label) = (.escalatesTo, primitive.rawValue + (edge.roleCRN.map { " (" + index.roleName($0) + ")" } ?? ""))
            flags.insert(.escalation)
        }
        return Edge(source: id(edge.from, index), target: id(edge.to, index), kind: kind, label: label,
                    attributes: attributes, flags: flags)
    }
}
