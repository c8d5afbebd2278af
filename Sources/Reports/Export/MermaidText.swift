/// Text inside a quoted Mermaid label (`n1["…"]`, `-->|"…"|`), kept as text whatever it holds. Mermaid decodes
/// `#name;` and `#number;` entities in labels, so every character its grammar or its HTML labels could take as
/// syntax — quotes, `#`, `;`, `%` (`%%` comments), `<`, `>`, `&`, `|`, backticks (Markdown strings), brackets and
/// `-` (arrows such as `-->`) — becomes a numeric entity; line breaks and other control characters become spaces;
/// a label is clipped to `limit` characters, so a 100 kB name cannot fill the diagram.
enum MermaidText {
    static let limit = 60

    static func label(_ text: String) -> String {
        var clipped = String(text.prefix(limit))
        if clipped.count < text.count { clipped += "…" }
        var result = ""
        for scalar in clipped.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += " "
            } else if escaped.contains(scalar) {
                result += "#\(scalar.value);"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let escaped: Set<Unicode.Scalar> = ["\"", "#", ";", "%", "<", ">", "&", "|", "`", "[", "]", "(", ")",
                                                        "{", "}", "-", "=", "\\", "'", ":"]
}
