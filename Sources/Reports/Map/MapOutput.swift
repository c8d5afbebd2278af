import Foundation
import Graph
import GraphValues
import Model
import Render

/// Writes an access map in one of the `MapFormat`s: the graph JSON document, or what Graphviz makes of the graph.
package enum MapOutput {
    /// - Parameters:
    ///   - account, options, redacted: what the JSON document says the map is of.
    ///   - layout: the Graphviz layout engine of the drawn formats.
    package static func data(_ graph: AccessGraph, format: MapFormat, layout: LayoutEngine, account: IAMAccount,
                            options: ViewOptions, redacted: Bool) throws -> Data {
        switch format {
        case .json: try GraphJSON.data(graph, account: account, options: options, redacted: redacted)
        case .dot: try GraphvizRenderer.render(graph, format: .dot, layout: layout)
        case .svg: try GraphvizRenderer.render(graph, format: .svg, layout: layout)
        case .png: try GraphvizRenderer.render(graph, format: .png, layout: layout)
        case .pdf: try GraphvizRenderer.render(graph, format: .pdf, layout: layout)
        case .html: try GraphvizRenderer.render(graph, format: .html, layout: layout)
        }
    }
}
