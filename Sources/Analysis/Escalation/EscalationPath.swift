/// One identity's shortest way to a goal: the edges in order, memberships and assumptions included; the primitives
/// among them are the steps.
package struct EscalationPath: Sendable, Hashable {
    /// The IAM id the path starts from.
    package let iamID: String
    package let edges: [EscalationEdge]

    package init(iamID: String, edges: [EscalationEdge]) {
        self.iamID = iamID
        self.edges = edges
    }

    /// How many primitives the path uses: its length.
    package var primitiveCount: Int { edges.count { $0.isPrimitive } }
    /// Whether a step depends on a policy condition (e.g. time-based).
    package var isConditional: Bool { edges.contains { $0.isConditional } }
    /// Whether a step is inferred from role names rather than the snapshot's actions.
    package var isInferred: Bool { edges.contains { $0.isInferred } }
    /// Every node on the path, in order, the start first.
    package var nodes: [EscalationNode] { [.identity(iamID: iamID)] + edges.map(\.to) }
}
