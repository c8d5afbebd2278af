/// Escaping of untrusted text for GitHub-flavoured Markdown, in table cells and in running text.
enum Markdown {
    /// Text that renders literally: backslash and Markdown punctuation (`|`, `` ` ``, `*`, `_`, `[`, `]`, `#`) are
    /// backslash-escaped, `<`, `>` and `&` become entities (no HTML, no autolinks), and line breaks become `<br>` so a
    /// table row stays on one line; other control characters and bidirectional overrides become `?`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "|", "`", "*", "_", "[", "]", "#": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\r\n", "\n", "\r": result += "<br>"
            default: result += TerminalText.clean(String(character))
            }
        }
        return result
    }

    /// A table: header row, delimiter row, one row per record, every cell escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |\n" }
        return row(header) + "|" + String(repeating: "---|", count: header.count) + "\n" + rows.map(row).joined()
    }
}
