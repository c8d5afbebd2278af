import Foundation

/// Escaping of untrusted text for GitHub-flavoured Markdown, in table cells and in running text.
enum Markdown {
    /// Text that renders literally, in a table cell or in running text: backslash and Markdown punctuation (`|`,
    /// `` ` ``, `*`, `_`, `[`, `]`, `#`) are backslash-escaped, `<`, `>` and `&` become entities (no HTML), and line
    /// breaks become `<br>` so a table row stays on one line; other control characters and bidirectional overrides
    /// become `?`. A word GitHub would turn into a mention or a link (one holding `@`, `://` or `www.`, such as
    /// `@security-team`, an email or a URL in an identity's description) is set as a code span instead, which
    /// notifies no one, links nowhere, and copies as the text itself.
    static func escape(_ text: String) -> String {
        guard !isLiteral(text) else { return text }
        if text.isPrintableASCII { return escapeASCII(text) }
        var result = ""
        result.reserveCapacity(text.count)
        var word = ""
        func flush() {
            result += isLinkable(word) ? codeSpans(word) : word.map(escape).joined()
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                result += escape(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// `escape` of printable ASCII text, a byte at a time: its only whitespace is the space, and every character is
    /// one byte, so words and escapes are found without walking grapheme clusters (a table of hundreds of thousands
    /// of rows has colons and underscores in most cells).
    private static func escapeASCII(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for (number, word) in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).enumerated() {
            if number > 0 { result.append(UInt8(ascii: " ")) }
            if isLinkable(word) {
                result.append(contentsOf: codeSpans(String(decoding: word, as: UTF8.self)).utf8)
                continue
            }
            for byte in word {
                switch byte {
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case _ where backslashed.contains(byte): result.append(contentsOf: [UInt8(ascii: "\\"), byte])
                default: result.append(byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The punctuation `escape` puts a backslash before.
    private static let backslashed = Set("\\|`*_[]#".utf8)

    /// `isLinkable` of a word of ASCII bytes.
    private static func isLinkable(_ word: Substring.UTF8View.SubSequence) -> Bool {
        word.contains(UInt8(ascii: "@")) || contains(word, "://") || contains(word, "www.", caseInsensitive: true)
    }

    /// Whether ASCII `bytes` contain `needle` (ASCII), letters compared without case if asked.
    private static func contains(_ bytes: Substring.UTF8View.SubSequence, _ needle: String, caseInsensitive: Bool = false) -> Bool {
        let needle = Array(needle.utf8)
        let bytes = Array(bytes)
        guard bytes.count >= needle.count else { return false }
        func folded(_ byte: UInt8) -> UInt8 { caseInsensitive && (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return (0...(bytes.count - needle.count)).contains { start in
            needle.indices.allSatisfy { folded(bytes[start + $0]) == needle[$0] }
        }
    }

    /// One character outside a code span.
    private static func escape(_ character: Character) -> String {
        switch character {
        case "\\", "|", "`", "*", "_", "[", "]", "#": "\\" + String(character)
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\r\n", "\n", "\r": "<br>"
        default: TerminalText.clean(String(character))
        }
    }

    /// Whether GitHub could make a mention or an autolink of a word.
    private static func isLinkable(_ word: String) -> Bool {
        word.contains("@") || word.contains("://") || word.range(of: "www.", options: .caseInsensitive) != nil
    }

    /// A word (no whitespace) as code spans, literal in a table cell and in running text alike: pipes stay outside
    /// them, backslash-escaped (a table would end a cell at a pipe even inside a code span, and running text would show
    /// the backslash), and each span is fenced by more backticks than it holds in a row.
    private static func codeSpans(_ word: String) -> String {
        word.split(separator: "|", omittingEmptySubsequences: false).map { part -> String in
            guard !part.isEmpty else { return "" }
            let content = TerminalText.clean(String(part))
            let longestRun = content.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
            let fence = String(repeating: "`", count: longestRun + 1)
            // A space inside each end, which the code span drops, keeps a backtick at an end from joining the fence.
            let pad = content.first == "`" || content.last == "`" ? " " : ""
            return fence + pad + content + pad + fence
        }.joined(separator: "\\|")
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
