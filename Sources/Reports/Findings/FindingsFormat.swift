/// The formats `iamgraph report` writes.
package enum FindingsFormat: String, Sendable, CaseIterable {
    /// Findings grouped for reading on a terminal.
    case text
    /// The document of docs/findings.md.
    case json
    /// A Markdown report for a pull request or wiki.
    case markdown
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
}
