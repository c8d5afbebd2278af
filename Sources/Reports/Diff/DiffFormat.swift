/// The formats `iamgraph diff` writes.
package enum DiffFormat: String, Sendable, CaseIterable {
    /// Like `git diff`; nothing when nothing changed.
    case text
    /// The document of docs/diff-json.md, written even when nothing changed.
    case json
    /// For a pull-request comment.
    case markdown
    /// A map of the changed neighbourhood; nothing is drawn when nothing changed.
    case svg, png, dot
    /// A Mermaid flowchart of the changed neighbourhood, for a pull-request comment (within Mermaid's text limit).
    case mermaid

    /// Whether the output is binary.
    package var isBinary: Bool { self == .png }

    /// Whether the output is a map of the changed neighbourhood, drawn from the two accounts, not from the diff alone.
    package var isMap: Bool {
        switch self {
        case .text, .json, .markdown: false
        case .svg, .png, .dot, .mermaid: true
        }
    }

    /// Whether the output is text a person reads on a terminal: SVG is markup and PNG binary, so neither is.
    package var isForTerminal: Bool {
        switch self {
        case .text, .json, .markdown, .dot, .mermaid: true
        case .svg, .png: false
        }
    }
}
