/// An edge as the escalation graph stores it: one edge, or — when a policy's target includes a whole kind of account
/// resource (every access group, every service ID in the account, …) — one edge standing for one per member of that
/// fan-out (`EscalationFanOuts`), which every policy with the same target shares. So a wildcard policy costs one link
/// however many groups the account has, and the graph grows with the account, not with policies × resources.
struct EscalationLink: Sendable {
    /// The edge; for a fan-out, the edge into its first member other than `edge.from` (the others differ only in `to`).
    let edge: EscalationEdge
    /// The fan-out whose every member (but `edge.from`) the link leads to, by index; nil for a single edge.
    let fanOut: Int?

    init(_ edge: EscalationEdge, fanOut: Int? = nil) {
        self.edge = edge
        self.fanOut = fanOut
    }
}
