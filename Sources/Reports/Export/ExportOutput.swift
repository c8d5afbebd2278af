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
    /// A database, which `build` makes in the (new) file whose path it is given; it throws `SQLiteError`, and
    /// returns what the database was made from, which the caller may keep until the process exits rather than free.
    case database(build: (String) throws -> any Sendable)
}

/// Makes an export in one of the `ExportFormat`s.
package enum ExportOutput {
    /// - Parameters:
    ///   - snapshot: the snapshot as read; the graph formats show a view of its account, SQLite holds it whole.
    ///   - options: the view the graph formats write; Mermaid's is aggregated further until it fits Mermaid's limit.
    ///   - transform: applied to each view before it is written, with the account it shows (e.g. redaction).
    ///   - note: receives what the user should be told besides the export (for stderr), e.g. the collections the
    ///     snapshot could not read.
    ///   - timed: hears how long each step of the database took (`SQLiteExport.write`).
    /// - Returns: the document to write and the view it shows (graph formats are written a part at a time, never
    ///   held whole), or the database to build (written in place by SQLite, never held in memory: the
    ///   effective-access table of a large account runs to gigabytes). The graph formats load the account here; the
    ///   database loads it while it is built, beside the collection tables.
    package static func product(_ snapshot: LoadedSnapshot, format: ExportFormat, options: ViewOptions,
                               transform: @escaping (AccessGraph, IAMAccount) -> AccessGraph = { graph, _ in graph },
                               note: @escaping (String) -> Void,
                               timed: ((_ step: String, _ time: StepTime) -> Void)? = nil) throws -> ExportProduct {
        /// Loads the account, says which collections the snapshot could not read, and returns the maker of its views.
        func views() -> (ViewOptions) throws -> AccessGraph {
            let account = AccountLoader.load(snapshot).account
            if !account.unknown.isEmpty {
                note("the snapshot could not read \(account.unknown.keys.map(\.name).sorted().joined(separator: ", ")): "
                     + "the export may miss access")
            }
            return { options in transform(try AccessMap.build(account, options: options), account) }
        }
        switch format {
        case .graphml:
            let graph = try views()(options)
            return .document(write: { try GraphMLDocument.write(graph, to: $0) }, graph: graph)
        case .opengraph:
            let graph = try views()(options)
            return .document(write: { try OpenGraphJSON.write(graph, to: $0) }, graph: graph)
        case .mermaid:
            let view = views()
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
            return .database { path in try SQLiteExport.write(snapshot, to: path, note: note, timed: timed) }
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
