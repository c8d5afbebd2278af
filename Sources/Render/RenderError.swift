/// Why Graphviz could not render an access graph. The messages are Graphviz's own, as it reported them.
package enum RenderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `gvContext` returned no context (Graphviz not usable in this process).
    case contextUnavailable
    /// cgraph refused to create the graph or one of its objects.
    case graphConstructionFailed(what: String, messages: [String])
    /// The layout engine failed or is not installed (`gvLayout` returned non-zero).
    case layoutFailed(engine: LayoutEngine, messages: [String])
    /// The output device failed or its plugin is not installed (`gvRenderData` returned non-zero).
    case renderFailed(format: RenderFormat, messages: [String])
    /// cgraph could not write the graph as DOT.
    case dotWriteFailed(messages: [String])

    package var description: String {
        switch self {
        case .contextUnavailable:
            return "Graphviz: could not create a rendering context (gvContext failed)"
        case .graphConstructionFailed(let what, let messages):
            return "Graphviz: could not create \(what)" + Self.details(messages)
        case .layoutFailed(let engine, let messages):
            return "Graphviz: layout with '\(engine.rawValue)' failed (is the layout plugin installed?)"
                + Self.details(messages)
        case .renderFailed(let format, let messages):
            return "Graphviz: rendering \(format.rawValue.uppercased()) failed (is the \(format.graphvizDevice ?? "dot") "
                + "plugin installed?)" + Self.details(messages)
        case .dotWriteFailed(let messages):
            return "Graphviz: could not write the graph as DOT" + Self.details(messages)
        }
    }

    private static func details(_ messages: [String]) -> String {
        messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
    }
}
