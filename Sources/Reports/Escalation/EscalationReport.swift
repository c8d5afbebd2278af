import Analysis
import Model

/// What `iamgraph escalation` prints: the escalation to one goal, narrowed to one identity's path when asked.
package struct EscalationReport: Sendable {
    package let escalation: Escalation
    package let index: AccessIndex
    /// The paths shown: every identity's, or `--from`'s.
    package let paths: [EscalationPath]
    /// The identity `--from` asked about, if any.
    package let from: String?

    /// - Parameter from: an IAM id: show only its path.
    package init(_ escalation: Escalation, index: AccessIndex, from: String? = nil) {
        self.escalation = escalation
        self.index = index
        self.from = from
        paths = from.map { iamID in escalation.paths.filter { $0.iamID == iamID } } ?? escalation.paths
    }

    /// "account administration" or "instance pg-orders (a7ae…)".
    package var goalLabel: String { escalation.goalLabel(in: index) }

    /// One line on what was found.
    package var summary: String {
        if let from {
            let name = escalation.label(.identity(iamID: from), in: index)
            if escalation.holders.contains(from) { return "\(name) already holds \(goalLabel): no escalation needed" }
            guard let path = paths.first else { return "\(name) has no escalation path to \(goalLabel)" }
            return "\(name) can reach \(goalLabel) in \(steps(path.primitiveCount))"
        }
        return "\(paths.count) identit\(paths.count == 1 ? "y" : "ies") can reach \(goalLabel) by escalating"
            + (paths.isEmpty ? "" : " (longest shortest path: \(steps(escalation.longestPath)))")
            + "; \(escalation.holders.count) already hold\(escalation.holders.count == 1 ? "s" : "") it"
    }

    /// "1 step", "2 steps".
    func steps(_ count: Int) -> String { "\(count) step\(count == 1 ? "" : "s")" }

    /// The start of a step line: the node the edge leaves.
    func subject(_ edge: EscalationEdge) -> String { escalation.label(edge.from, in: index) }

    /// A step's text, without its subject.
    func text(_ edge: EscalationEdge) -> String { escalation.text(edge, in: index) }

    /// "conditional, inferred from role name" notes of a path.
    func notes(_ path: EscalationPath) -> [String] {
        (path.isConditional ? ["conditional"] : []) + (path.isInferred ? ["a step inferred from role names"] : [])
    }
}
