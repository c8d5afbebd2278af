/// The formats `iamgraph escalation` writes.
package enum EscalationFormat: String, Sendable, CaseIterable {
    /// Each path step by step, for a terminal.
    case text
    /// The document of docs/escalation.md.
    case json
    /// A Markdown report for a pull request or wiki.
    case markdown
    /// The paths as a Graphviz graph (DOT source).
    case dot
    /// The paths drawn by Graphviz.
    case svg
}
