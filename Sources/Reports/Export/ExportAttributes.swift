import GraphValues

/// The attributes of a node or edge as the graph exports name them. Flags are written as booleans under their own
/// names (`privileged`, `warning`, …) and every node and edge has its `id`, `kind` and `label` (OpenGraph: `name`,
/// `iamgraph_kind`), so an attribute of one of these names — the text of a `warning`, a role's `kind`, a policy's
/// `id` — is written as `<name>_text`.
enum ExportAttributes {
    /// The export name of the attribute `key`.
    static func name(_ key: String) -> String {
        reserved.contains(key) ? key + "_text" : key
    }

    static let reserved = Set(Flags.allNames).union(["id", "kind", "label", "name", "iamgraph_kind"])
}
