import GraphValues

/// A view as a Mermaid `flowchart LR`, for GitHub pull requests and Markdown. Node ids are positional (`n0`, `n1`, …)
/// so no name reaches Mermaid's syntax; labels go through `MermaidText`. Flags become classes (privileged, warning,
/// added, removed, …) styled by `classDef` lines.
package enum MermaidFlowchart {
    /// Mermaid's default `maxTextSize`: longer diagrams are refused by the renderer.
    package static let maxCharacters = 50_000

    /// The diagram's text.
    package static func text(_ graph: AccessGraph) -> String {
        var lines = ["flowchart LR"]
        lines.append("  %% " + MermaidText.label(graph.title))
        for note in graph.notes { lines.append("  %% " + MermaidText.label(note)) }
        var ids: [String: String] = [:]
        for (position, node) in graph.nodes.enumerated() {
            let id = "n\(position)"
            ids[node.id] = id
            let text = MermaidText.label(node.label)
            lines.append("  \(id)" + shape(node.kind, text))
        }
        for edge in graph.edges {
            guard let source = ids[edge.source], let target = ids[edge.target] else { continue }
            let arrow = edge.flags.contains(.conditional) ? "-.->" : "-->"
            let label = edge.label.isEmpty ? "" : "|\"" + MermaidText.label(edge.label) + "\"|"
            lines.append("  \(source) \(arrow)\(label) \(target)")
        }
        for (name, style) in classStyles {
            let members = graph.nodes.filter { $0.flags.names.contains(name) }.compactMap { ids[$0.id] }
            guard !members.isEmpty else { continue }
            lines.append("  classDef \(name) \(style)")
            lines.append("  class \(members.joined(separator: ",")) \(name)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a diagram's text is within Mermaid's default limit (counted in UTF-16 units, as JavaScript does).
    package static func fits(_ text: String) -> Bool { text.utf16.count <= maxCharacters }

    /// Identities round, groups as subroutines, targets as boxes.
    private static func shape(_ kind: NodeKind, _ text: String) -> String {
        switch kind {
        case .user, .serviceID, .trustedProfile: "([\"\(text)\"])"
        case .accessGroup: "[[\"\(text)\"]]"
        case .policy, .role, .claimRule: "{{\"\(text)\"}}"
        case .account, .target, .resourceGroup, .serviceInstance, .service, .computeResource: "[\"\(text)\"]"
        }
    }

    /// Later classes win: a removed or added mark shows over privilege.
    private static let classStyles: [(String, String)] = [
        ("privileged", "stroke:#b00020,stroke-width:2px"),
        ("warning", "fill:#fff3cd,stroke:#b58900"),
        ("aggregate", "stroke-dasharray:4 2"),
        ("added", "fill:#e6ffec,stroke:#1a7f37"),
        ("removed", "fill:#ffebe9,stroke:#cf222e"),
        ("context", "fill:#f6f8fa,stroke:#8c959f"),
    ]
}
