import Analysis
import Foundation
import Graph
import Model
import Render

/// Writes a snapshot diff in one of the `DiffFormat`s.
package enum DiffOutput {
    /// Writes a report to a sink, a part at a time (`OutputFile`'s producer).
    package typealias Writer = ((Data) throws -> Void) throws -> Void

    /// What writes the report (text, JSON and Markdown a block at a time, as their changes are described), or `nil` when there is nothing
    /// to write (a map when nothing changed). Maps are drawn before this returns.
    /// - Parameters:
    ///   - old, new: the two accounts, which a map draws.
    ///   - layout: the Graphviz layout engine of the maps.
    ///   - note: receives what the user should be told besides the report (for stderr).
    package static func writer(_ diff: SnapshotDiff, old: IAMAccount, new: IAMAccount, sources: DiffSources,
                              format: DiffFormat, layout: LayoutEngine, note: (String) -> Void) throws -> Writer? {
        let whole: Data?
        switch format {
        case .text, .markdown, .json: return documentWriter(diff, sources: sources, format: format)
        case .svg: whole = try map(diff, old: old, new: new, as: .svg, layout: layout, note: note)
        case .png: whole = try map(diff, old: old, new: new, as: .png, layout: layout, note: note)
        case .dot: whole = try map(diff, old: old, new: new, as: .dot, layout: layout, note: note)
        case .mermaid: whole = try mermaid(diff, old: old, new: new, note: note)
        }
        return whole.map { data in { sink in try sink(data) } }
    }

    /// What writes a document format (text, JSON, Markdown) a block at a time, from the diff alone; `nil` for a map
    /// (`DiffFormat.isMap`), which needs the accounts (`writer(_:old:new:sources:format:layout:note:)`).
    package static func documentWriter(_ diff: SnapshotDiff, sources: DiffSources, format: DiffFormat) -> Writer? {
        switch format {
        case .text: { sink in try TextBlocks.write(to: sink) { try DiffText.write(diff, sources: sources, to: &$0) } }
        case .markdown: { sink in try TextBlocks.write(to: sink) { try DiffMarkdown.write(diff, sources: sources, to: &$0) } }
        case .json: { sink in try DiffJSON.write(diff, sources: sources, to: sink) }
        case .svg, .png, .dot, .mermaid: nil
        }
    }

    /// The changed neighbourhood as a Mermaid flowchart, its context aggregated until it fits Mermaid's text limit;
    /// `nil` (nothing to write) when nothing changed.
    private static func mermaid(_ diff: SnapshotDiff, old: IAMAccount, new: IAMAccount,
                                note: (String) -> Void) throws -> Data? {
        guard !diff.isEmpty else {
            note("no changes: nothing to draw")
            return nil
        }
        let graph = try ExportOutput.fittingMermaid(DiffMap.build(old: old, new: new, title: diff.title),
                                                    note: note) { budget in
            try DiffMap.build(old: old, new: new, title: diff.title, maxNodes: budget)
        }
        for line in graph.notes { note(line) }
        return Data(MermaidFlowchart.text(graph).utf8)
    }

    /// The map of the changed neighbourhood; `nil` (nothing to write) when nothing changed.
    private static func map(_ diff: SnapshotDiff, old: IAMAccount, new: IAMAccount, as format: RenderFormat,
                            layout: LayoutEngine, note: (String) -> Void) throws -> Data? {
        guard !diff.isEmpty else {
            note("no changes: nothing to draw")
            return nil
        }
        let graph = try DiffMap.build(old: old, new: new, title: diff.title)
        for line in graph.notes { note(line) }
        return try GraphvizRenderer.render(graph, format: format, layout: layout)
    }
}
