import Analysis
import Foundation
import Graph
import GraphValues
import Model
import Snapshot

/// An export ready to be written.
package enum ExportProduct {
    /// A document, which `write` hands to its sink a part at a time (it throws what the sink throws), and the view
    /// it shows.
    case document(write: ((Data) throws -> Void) throws -> Void, graph: AccessGraph)
    /// A database, which `build` makes in the (new) file whose path it is given; it throws `SQLiteError`.
    case database(build: (String) throws -> Void)
}

/// Makes an export in one of the `ExportFormat`s.
package enum ExportOutput {
    /// - Parameters:
    ///   - snapshot, account: the snapshot as read and as decoded; SQLite exports the whole snapshot.
    ///   - options: the view the graph formats write; Mermaid's is aggregated further until it fits Mermaid's limit.
    ///   - transform: applied to each view before it is written (e.g. redaction).
    ///   - note: receives what the user should be told besides the export (for stderr).
    /// - Returns: the document to write and the view it shows (graph formats are written a part at a time, never
    ///   held whole), or the database to build (written in place by SQLite, never
    ///   held in memory: the effective-access table of a large account runs to gigabytes).
    package static func product(_ snapshot: LoadedSnapshot, account: IAMAccount, format: ExportFormat, options: ViewOptions,
                               transform: (AccessGraph) -> AccessGraph = { $0 },
                               note: (String) -> Void) throws -> ExportProduct {
        func view(_ options: ViewOptions) throws -> AccessGraph { transform(try AccessMap.build(account, options: options)) }
        switch format {
        case .graphml:
            let graph = try view(options)
            return .document(write: { try GraphMLDocument.write(graph, to: $0) }, graph: graph)
        case .opengraph:
            let graph = try view(options)
            return .document(write: { try OpenGraphJSON.write(graph, to: $0) }, graph: graph)
        case .mermaid:
            let full = try view(options)
            guard options.maxNodes != nil else {  // --full: no aggregation, whatever the length
                if !MermaidFlowchart.fits(MermaidFlowchart.text(full)) { note(tooLong) }
                return .document(write: { try $0(Data(MermaidFlowchart.text(full).utf8)) }, graph: full)
            }
            let graph = try fittingMermaid(full, note: note) { budget in
                var smaller = options
                smaller.maxNodes = budget
                return try view(smaller)
            }
            return .document(write: { try $0(Data(MermaidFlowchart.text(graph).utf8)) }, graph: graph)
        case .sqlite:
            // The findings are worked out on other threads while the collections and effective access go in.
            let index = AccessIndex(account)
            let findings = Concurrent { FindingsReport(index) }
            return .database { path in try SQLiteExport.write(snapshot, index: index, findings: { findings.value }, to: path) }
        }
    }

    private static let limit = "Mermaid's default \(MermaidFlowchart.maxCharacters)-character limit"
    private static let tooLong = "the diagram is longer than \(limit): renderers may refuse it; focus the view"

    /// `graph`, or — when its diagram is longer than Mermaid's limit — the view rebuilt by `rebuild` with half the
    /// node budget, again and again until it fits (or the budget reaches its floor of 10 nodes).
    static func fittingMermaid(_ graph: AccessGraph, note: (String) -> Void,
                               rebuild: (Int) throws -> AccessGraph) throws -> AccessGraph {
        var graph = graph
        var budget: Int?
        while !MermaidFlowchart.fits(MermaidFlowchart.text(graph)), (budget ?? .max) > 10 {
            let next = max(10, min(budget ?? .max, graph.nodes.count) / 2)
            budget = next
            graph = try rebuild(next)
        }
        if !MermaidFlowchart.fits(MermaidFlowchart.text(graph)) {
            note(tooLong)
        } else if let budget {
            note("aggregated to at most \(budget) nodes (\(graph.nodes.count) drawn) to fit \(limit)")
        }
        return graph
    }
}
