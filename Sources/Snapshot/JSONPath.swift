/// JSON paths in the `$.key[3]["odd key"]` notation that validation messages use.
package enum JSONPath {
    /// The path of a list of coding keys (as found in a `DecodingError`'s context).
    package static func string(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return appending(key.stringValue, to: path)
        }
    }

    /// Appends an object member: `.name` for plain identifiers, `["…"]` otherwise.
    package static func appending(_ key: String, to path: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(key.first?.isNumber ?? true)
        if plain { return path + "." + key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return path + "[\"" + escaped + "\"]"
    }
}
