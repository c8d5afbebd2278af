/// The formats `iamgraph access` writes.
package enum AccessFormat: String, Sendable, CaseIterable {
    /// An aligned table for a terminal.
    case text
    /// The document of docs/access-json.md.
    case json
    /// RFC 4180, one record per row, with a header record.
    case csv
    /// A GitHub-flavoured Markdown table.
    case markdown
}
