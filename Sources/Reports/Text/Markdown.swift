import Foundation

/// Escaping of untrusted text for GitHub-flavoured Markdown, in table cells and in running text.
enum Markdown {
    /// Invisible, and breaks what GitHub would otherwise turn into a mention or a link.
    static let wordJoiner: Character = "\u{2060}"

    /// Text that renders literally: backslash and Markdown punctuation (`|`, `` ` ``, `*`, `_`, `[`, `]`, `#`) are
    /// backslash-escaped, `<`, `>` and `&` become entities (no HTML, no autolinks), and line breaks become `<br>` so a
    /// table row stays on one line; other control characters and bidirectional overrides become `?`. A word joiner
    /// follows every `@` and sits inside every `://` and `www.`, so that a name like `@security-team` or a URL in an
    /// identity's description neither notifies anyone nor becomes a link in a pull-request comment.
    static func escape(_ text: String) -> String {
        guard !isLiteral(text) else { return text }
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "|", "`", "*", "_", "[", "]", "#": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\r\n", "\n", "\r": result += "<br>"
            case "@": result += "@" + String(wordJoiner)
            default: result += TerminalText.clean(String(character))
            }
        }
        return result.replacingOccurrences(of: "://", with: ":" + String(wordJoiner) + "//")
            .replacingOccurrences(of: "www.", with: "www" + String(wordJoiner) + ".", options: .caseInsensitive)
    }

    /// Whether `escape` leaves `text` as it is: printable ASCII without Markdown punctuation, `<`, `>`, `&`, `@`, `:`
    /// or `www.`. Most table cells are, and checking their bytes is cheaper than walking their characters.
    private static func isLiteral(_ text: String) -> Bool {
        guard text.isPrintableASCII, !text.utf8.contains(where: literalExceptions.contains) else { return false }
        return !text.utf8.contains(UInt8(ascii: ".")) || text.range(of: "www.", options: .caseInsensitive) == nil
    }

    /// The printable ASCII characters `escape` may change.
    private static let literalExceptions = Set("\\|`*_[]#<>&@:".utf8)

    /// A table: header row, delimiter row, one row per record, every cell escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        head(header) + rows.map(row).joined()
    }

    /// The header row and the delimiter row of a table.
    static func head(_ header: [String]) -> String {
        row(header) + "|" + String(repeating: "---|", count: header.count) + "\n"
    }

    /// One row of a table, every cell escaped.
    static func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |\n" }
}
