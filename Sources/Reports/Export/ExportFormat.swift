/// The formats `iamgraph export` writes: the graph where analysts already work.
package enum ExportFormat: String, Sendable, CaseIterable {
    /// GraphML with typed `<key>` declarations (networkx, Gephi, yEd, Cytoscape).
    case graphml
    /// BloodHound CE OpenGraph JSON.
    case opengraph
    /// A Mermaid `flowchart LR`, within Mermaid's default 50,000-character text limit.
    case mermaid
    /// A SQLite database: one table per collection, effective access and findings.
    case sqlite

    /// Whether the output is binary (never written to a terminal).
    package var isBinary: Bool { self == .sqlite }

    /// Whether the format is of a view of the graph (focus, aggregation) rather than of the whole snapshot.
    package var isView: Bool { self != .sqlite }

    /// The format a file name's extension names, if any.
    package init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "graphml": self = .graphml
        case "mmd", "mermaid": self = .mermaid
        case "sqlite", "sqlite3", "db": self = .sqlite
        default: return nil
        }
    }
}
