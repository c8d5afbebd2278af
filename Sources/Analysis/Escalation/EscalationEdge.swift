/// One edge of the escalation graph: how `from` gets what `to` holds. Membership, profile assumption and "already
/// holds the goal" edges cost nothing; primitive edges are the steps a path counts.
package struct EscalationEdge: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// `from` is a member of the access group `to` (statically or through a dynamic rule).
        case memberOf
        /// `from` may assume the trusted profile `to` (it is among the profile's identities).
        case mayAssume
        /// `from` already holds the goal `to` through `policy`.
        case holds
        /// `from` can use `policy` to gain `to`.
        case primitive(EscalationPrimitive)
    }

    package let from: EscalationNode
    package let to: EscalationNode
    package let kind: Kind
    /// The policy that enables the edge (nil for membership and assumption, and for a grantable scope's own roles).
    package let policyID: String?
    /// The role that enables it (CRN).
    package let roleCRN: String?
    /// The action it uses, when it is a primitive.
    package let action: String?
    /// Whether the enabling policy has conditions (e.g. time-based), so that the step works only when they hold.
    package let isConditional: Bool
    /// Whether the snapshot lists no actions for the role on that service, so the step is inferred from the role's
    /// name and IBM's documentation.
    package let isInferred: Bool

    package init(from: EscalationNode, to: EscalationNode, kind: Kind, policyID: String? = nil, roleCRN: String? = nil,
                action: String? = nil, isConditional: Bool = false, isInferred: Bool = false) {
        self.from = from
        self.to = to
        self.kind = kind
        self.policyID = policyID
        self.roleCRN = roleCRN
        self.action = action
        self.isConditional = isConditional
        self.isInferred = isInferred
    }

    /// The same edge into another node: a fan-out link's edge into one of its members.
    func to(_ node: EscalationNode) -> EscalationEdge {
        EscalationEdge(from: from, to: node, kind: kind, policyID: policyID, roleCRN: roleCRN, action: action,
                       isConditional: isConditional, isInferred: isInferred)
    }

    /// Whether the edge is a step a path counts (a primitive), rather than access already held.
    package var isPrimitive: Bool {
        switch kind {
        case .primitive: true
        case .memberOf, .mayAssume, .holds: false
        }
    }
}
