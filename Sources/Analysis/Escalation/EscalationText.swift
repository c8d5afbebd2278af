import Model

/// How escalation nodes and steps read, for findings and reports (plain text: each output escapes it its own way).
extension Escalation {
    /// "Kenji Tanaka (IBMid-…)", "access group Admins", "any role on All IAM-enabled services", "account
    /// administration", "instance pg-orders (a7ae…)".
    package func label(_ node: EscalationNode, in index: AccessIndex) -> String {
        switch node {
        case .identity(let iamID): return Self.label(ofIAMID: iamID, named: index.name(ofIAMID: iamID))
        case .accessGroup(let id): return "access group " + (index.account.groupsByID[id]?.displayName ?? id)
        case .grantableScope(let key): return "any role on " + (graph.scopes[key].map(index.label) ?? key)
        case .accountAdministration: return "account administration"
        case .administrationPart(let part): return "\(part.rawValue) on all IAM-enabled services, half of account administration"
        case .instance(let guid): return "instance " + (index.account.instancesByGUID[guid]?.displayName ?? guid) + " (\(guid))"
        case .administration(let target): return "administration of " + target.label(in: index.account)
        }
    }

    /// An identity's label, given its name (`AccessIndex.name(ofIAMID:)`).
    static func label(ofIAMID iamID: String, named name: String?) -> String {
        name.map { "\($0) (\(iamID))" } ?? iamID
    }

    /// What the goal is: "account administration", "instance pg-orders (a7ae…)", "administration of a sensitive
    /// service or resource group".
    package func goalLabel(in index: AccessIndex) -> String {
        switch goal {
        case .accountAdministration: label(.accountAdministration, in: index)
        case .instance(let instance): label(.instance(guid: instance.instanceID), in: index)
        case .sensitiveAdministration: "administration of a sensitive service or resource group"
        }
    }

    /// One step in words: "is a member of access group Admins", "adds itself to access group Admins
    /// [add-group-member: policy c0a1…, role Editor, action iam-groups.members.add]".
    package func text(_ edge: EscalationEdge, in index: AccessIndex) -> String {
        let to = label(edge.to, in: index)
        var how: [String] = []
        if let policy = edge.policyID { how.append("policy " + policy) }
        if let role = edge.roleCRN { how.append("role " + index.roleName(role)) }
        if let action = edge.action { how.append("action " + action) }
        if edge.isConditional { how.append("conditional") }
        if edge.isInferred { how.append("inferred from role name") }
        let detail = how.isEmpty ? "" : " (" + how.joined(separator: ", ") + ")"
        switch edge.kind {
        case .memberOf: return "is a member of " + to
        case .mayAssume: return "may assume trusted profile " + to
        case .holds: return "holds " + to + detail
        case .primitive(let primitive): return "\(primitive.verb) \(to) [\(primitive.rawValue)]" + detail
        }
    }

    /// The path as one line: "Kenji Tanaka (IBMid-…) is a member of access group Access Managers → which adds
    /// itself to access group Admins [add-group-member] (…) → which holds account administration (…)". Where a path
    /// collects the two halves of account administration, the second branch starts with "; and" and its node.
    package func text(_ path: EscalationPath, in index: AccessIndex) -> String {
        Self.text(path, start: label(.identity(iamID: path.iamID), in: index), label: { label($0, in: index) },
                  step: { text($0, in: index) })
    }

    /// `text(_:in:)` with the start's label `start`, the other nodes' labels from `label` and the steps' texts from
    /// `step`.
    static func text(_ path: EscalationPath, start: String, label: (EscalationNode) -> String,
                     step: (EscalationEdge) -> String) -> String {
        var text = start
        var at = EscalationNode.identity(iamID: path.iamID)
        for (position, edge) in path.edges.enumerated() {
            if edge.from == at || position == 0 {
                text += (position == 0 ? " " : " → which ") + step(edge)
            } else {
                text += "; and " + label(edge.from) + " " + step(edge)
            }
            at = edge.to
        }
        return text
    }
}

/// The words of many paths of one escalation, each distinct node labelled and each distinct step worded once: the
/// paths of a large account share most of their steps (the same groups joined, the same policies holding the goal),
/// though each starts from its own identity.
package struct EscalationWording {
    private let escalation: Escalation
    private let index: AccessIndex
    private var labels: [EscalationNode: String] = [:]
    private var steps: [Step: String] = [:]

    /// What a step's text says: all of its edge but the node it leaves, so that one step from many identities (joining
    /// one group) is worded once.
    private struct Step: Hashable {
        let to: EscalationNode
        let kind: EscalationEdge.Kind
        let policyID: String?
        let roleCRN: String?
        let action: String?
        let isConditional: Bool
        let isInferred: Bool

        init(_ edge: EscalationEdge) {
            to = edge.to
            kind = edge.kind
            policyID = edge.policyID
            roleCRN = edge.roleCRN
            action = edge.action
            isConditional = edge.isConditional
            isInferred = edge.isInferred
        }
    }

    package init(_ escalation: Escalation, in index: AccessIndex) {
        self.escalation = escalation
        self.index = index
    }

    /// `Escalation.label(_:in:)`.
    package mutating func label(_ node: EscalationNode) -> String {
        if let known = labels[node] { return known }
        let label = escalation.label(node, in: index)
        labels[node] = label
        return label
    }

    /// `Escalation.text(_:in:)` of a step.
    package mutating func text(_ edge: EscalationEdge) -> String {
        let step = Step(edge)
        if let known = steps[step] { return known }
        let text = escalation.text(edge, in: index)
        steps[step] = text
        return text
    }

    /// `Escalation.text(_:in:)` of a path.
    package mutating func text(_ path: EscalationPath) -> String {
        text(path, startNamed: index.name(ofIAMID: path.iamID))
    }

    /// `Escalation.text(_:in:)` of a path whose start's name (`AccessIndex.name(ofIAMID:)`) the caller has at hand: a
    /// finding has looked its identity up already.
    package mutating func text(_ path: EscalationPath, startNamed name: String?) -> String {
        Escalation.text(path, start: Escalation.label(ofIAMID: path.iamID, named: name), label: { label($0) },
                        step: { text($0) })
    }
}
