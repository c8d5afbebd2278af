import Foundation
import Graph
import GraphValues
import Render
import Snapshot

/// Writes an escalation report in one of the `EscalationFormat`s.
package enum EscalationOutput {
    package static func data(_ report: EscalationReport, format: EscalationFormat) throws -> Data {
        switch format {
        case .text: Data(EscalationTextReport.render(report).utf8)
        case .markdown: Data(EscalationMarkdown.render(report).utf8)
        case .json: try CanonicalJSON.data(encoding: EscalationJSON.document(report))
        case .dot: try GraphvizRenderer.render(graph(report), format: .dot, layout: .dot)
        case .svg: try GraphvizRenderer.render(graph(report), format: .svg, layout: .dot)
        }
    }

    private static func graph(_ report: EscalationReport) -> AccessGraph {
        EscalationOverlay.graph(report.escalation, paths: report.paths, index: report.index,
                                title: "\(report.index.account.displayName) — escalation to \(report.goalLabel)")
    }
}
