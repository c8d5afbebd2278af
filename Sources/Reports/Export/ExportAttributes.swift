import GraphValues

/// The attributes of a node or edge as the graph exports name them: flags are written as booleans under their own
/// names (`privileged`, `warning`, …), so an attribute of the same name (the text of a `warning`) becomes `<name>_text`.
enum ExportAttributes {
    static func named(_ attributes: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in attributes {
            result[flagNames.contains(key) ? key + "_text" : key] = value
        }
        return result
    }

    static let flagNames = Set(Flags.allNames)
}
