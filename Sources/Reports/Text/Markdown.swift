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
        if text.isPrintableASCII {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 16)
            append(text, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var wordStart = text.startIndex
        func flush(upTo end: String.Index) {
            guard wordStart < end else { return }
            let word = text[wordStart..<end]
            result += mayBeLinkable(word) && isLinkable(String(word)) ? codeSpans(String(word)) : escape(word: word)
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if isWhitespace(character) {
                flush(upTo: index)
                result += character == " " ? " " : escape(character)
                wordStart = next
            }
            index = next
        }
        flush(upTo: text.endIndex)
        return result
    }

    /// `character.isWhitespace`, which is its first scalar's White_Space property, without the property lookup
    /// when that scalar is ASCII (tab to carriage return, and the space): most characters of a non-ASCII cell are.
    private static func isWhitespace(_ character: Character) -> Bool {
        let first = character.utf8.first ?? 0
        return first < 0x80 ? first == UInt8(ascii: " ") || (0x09...0x0D).contains(first) : character.isWhitespace
    }

    /// A word (no whitespace) that is not linkable, escaped a character at a time; a word none of whose characters
    /// `escape(_:)` changes but for cleaning is cleaned whole, which is the same (cleaning maps each scalar alone).
    private static func escape(word: Substring) -> String {
        let wordEscapes = wordEscapes  // read once, not once a byte
        guard word.utf8.contains(where: { wordEscapes[Int($0)] }) else { return TerminalText.clean(String(word)) }
        return word.map(escape).joined()
    }

    /// The bytes of the characters `escape(_:)` changes other than by cleaning: Markdown punctuation, `<`, `>`, `&`,
    /// and line breaks.
    private static let wordEscapes: [Bool] = (0...255).map { "\\|`*_[]#<>&\r\n".utf8.contains(UInt8($0)) }

    /// Whether a word may be linkable: it has a byte of `@`, `://` or `www.` (letters of either case). A word
    /// without any is not; one with some is asked `isLinkable`.
    private static func mayBeLinkable(_ word: Substring) -> Bool {
        word.utf8.contains { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: ":") || $0 | 0x20 == UInt8(ascii: "w") }
    }

    /// Appends `escape(text)` to `bytes` as UTF-8, from one scan of its bytes. Most cells of a table of hundreds of
    /// thousands of rows hold no word GitHub could link (no `@`, `://` or `www.`): then every byte is escaped on its
    /// own (spaces are plain), and runs of plain bytes are copied whole. Non-ASCII text without a linkable word or a
    /// line break is cleaned (`TerminalText.clean`, which maps each scalar alone, as `escape(_:)` does word by word)
    /// and then escaped a byte at a time, provided each byte to escape stands between ASCII bytes: then it is a
    /// character of its own, as `escape(_:)` escapes it (a combining mark after `_` would make one character of both,
    /// which `escape(_:)` leaves alone). Only the rest goes through `escape(_:)`'s characters, a segment at a time
    /// (`appendSegments`).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let path = text.withUTF8 { appendPlain($0, to: &bytes) }
        append(text, along: path, to: &bytes)
    }

    /// Appends `escape` of the text whose UTF-8 is `utf8` (valid UTF-8, as a `String`'s), as `append(_:to:)` does: a
    /// writer that makes a cell's text as bytes (a big account's report has a million) makes no `String` of it unless
    /// the cell needs `escape(_:)`'s characters.
    static func append(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let path = appendPlain(utf8, to: &bytes)
        guard path != .done else { return }
        append(String(decoding: utf8, as: UTF8.self), along: path, to: &bytes)
    }

    /// `append`'s scan of a cell's bytes: appends the cell when it is printable ASCII (`.done`), else says how the
    /// cell is to be escaped.
    private static func appendPlain(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) -> CellPath {
        byteKinds.withUnsafeBufferPointer { kinds in
            var seen: UInt8 = 0
            for byte in utf8 { seen |= kinds[Int(byte)] }
            let has = { (kind: ByteKind) in seen & kind.rawValue != 0 }
            let linkable = has(.at) || (has(.colon) && contains(utf8[...], "://"))
                || (has(.w) && contains(utf8[...], "www.", caseInsensitive: true))
            if !has(.other) {
                guard linkable else {
                    has(.escaped) ? appendEscaped(utf8[...], to: &bytes) : bytes.append(contentsOf: utf8)
                    return .done
                }
                var wordStart = 0
                for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: " ") {
                    appendASCIIWord(utf8[wordStart..<index], to: &bytes)
                    if index < utf8.count { bytes.append(UInt8(ascii: " ")) }
                    wordStart = index + 1
                }
                return .done
            }
            guard !linkable && !has(.lineBreak) else { return .characters }
            guard has(.escaped) else { return .cleaned }
            let last = utf8.count - 1
            let alone = utf8.indices.allSatisfy { index in
                kinds[Int(utf8[index])] & ByteKind.escaped.rawValue == 0
                    || ((index == 0 || utf8[index - 1] < 0x80) && (index == last || utf8[index + 1] < 0x80))
            }
            return alone ? .cleanedThenEscaped : .characters
        }
    }

    /// Appends the cell `text` as `path`, `append`'s scan, found it is to be escaped (nothing when it is `.done`).
    private static func append(_ text: String, along path: CellPath, to bytes: inout [UInt8]) {
        switch path {
        case .done: break
        case .cleaned: bytes.append(contentsOf: TerminalText.clean(text).utf8)
        case .cleanedThenEscaped:
            var cleaned = TerminalText.clean(text)
            cleaned.withUTF8 { appendEscaped($0[...], to: &bytes) }
        case .characters: appendSegments(text, to: &bytes)
        }
    }

    /// Appends `escape(text)` a segment at a time, for a cell with a linkable word or a line break that is not all
    /// printable ASCII. The text is cut at each space whose neighbours are ASCII bytes (or the text's ends): such a
    /// space is a character of its own, which `escape(_:)` keeps as it is between two words, and no character spans
    /// it. A segment of printable ASCII is then one word, escaped from its bytes (`appendASCIIWord`); only the others
    /// (the words holding a non-ASCII character, a control character or a line break) go through `escape(_:)`'s
    /// characters, which give each segment what they give it within the whole text.
    private static func appendSegments(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            var segmentStart = 0
            for index in 0...count {
                if index < count {
                    guard utf8[index] == UInt8(ascii: " "), index == 0 || utf8[index - 1] < 0x80,
                          index + 1 == count || utf8[index + 1] < 0x80 else { continue }
                }
                let segment = utf8[segmentStart..<index]
                if segment.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                    appendASCIIWord(segment, to: &bytes)
                } else {
                    bytes.append(contentsOf: escape(String(decoding: UnsafeBufferPointer(rebasing: segment), as: UTF8.self)).utf8)
                }
                if index < count { bytes.append(UInt8(ascii: " ")) }
                segmentStart = index + 1
            }
        }
    }

    /// How `append` escapes a cell, once it has scanned its bytes.
    private enum CellPath {
        /// Appended during the scan (printable ASCII).
        case done
        /// Non-ASCII with nothing to escape: cleaned.
        case cleaned
        /// Non-ASCII whose bytes to escape are characters of their own: cleaned, then escaped a byte at a time.
        case cleanedThenEscaped
        /// Escaped a character at a time (`escape(_:)`).
        case characters
    }

    /// Appends one word (no space) of printable ASCII, escaped: as code spans when GitHub could link it.
    private static func appendASCIIWord(_ word: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        if word.contains(UInt8(ascii: "@")) || contains(word, "://") || contains(word, "www.", caseInsensitive: true) {
            return appendCodeSpans(word, to: &bytes)
        }
        appendEscaped(word, to: &bytes)
    }

    /// Appends `codeSpans(_:)` of a word of printable ASCII, from its bytes: each of them a character, which cleaning
    /// leaves as it is.
    private static func appendCodeSpans(_ word: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        let backtick = UInt8(ascii: "`")
        var partStart = word.startIndex
        for index in word.startIndex...word.endIndex where index == word.endIndex || word.base[index] == UInt8(ascii: "|") {
            if partStart > word.startIndex { bytes.append(contentsOf: "\\|".utf8) }
            let part = word.base[partStart..<index]
            partStart = index + 1
            guard let first = part.first, let last = part.last else { continue }
            var longestRun = 0, run = 0
            for byte in part {
                run = byte == backtick ? run + 1 : 0
                longestRun = max(longestRun, run)
            }
            let pad = first == backtick || last == backtick
            bytes.append(contentsOf: repeatElement(backtick, count: longestRun + 1))
            if pad { bytes.append(UInt8(ascii: " ")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: part))
            if pad { bytes.append(UInt8(ascii: " ")) }
            bytes.append(contentsOf: repeatElement(backtick, count: longestRun + 1))
        }
    }

    /// Appends text with no linkable word, each byte escaped on its own: Markdown punctuation backslash-escaped,
    /// `<`, `>` and `&` as entities; the runs of bytes between them (non-ASCII ones too) copied whole.
    private static func appendEscaped(_ text: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        var runStart = text.startIndex
        // A range of positions, not `text.indices`: the slice's indices were asked for through its protocol witness.
        for index in text.startIndex..<text.endIndex {
            let byte = text.base[index]
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
                entity = "\\"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text.base[runStart..<index]))
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            if entity.utf8CodeUnitCount == 1 { bytes.append(byte) }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text.base[runStart..<text.endIndex]))
    }

    /// What a byte of a cell means to `append`: a bit each, so that one scan ORs together what a cell holds.
    private enum ByteKind: UInt8 {
        /// Markdown punctuation, `<`, `>` or `&`: escaped wherever it is.
        case escaped = 1
        /// `@`: a word holding it is linkable.
        case at = 2
        /// `:`, which `://` starts with.
        case colon = 4
        /// `w` or `W`, which `www.` starts with.
        case w = 8
        /// A line break (carriage return or line feed): `<br>`.
        case lineBreak = 16
        /// A control character (line breaks too), or a byte of a non-ASCII character.
        case other = 32
    }

    /// Each byte's `ByteKind` bits; 0 for printable ASCII that `escape` leaves as it is and no linkable word needs.
    private static let byteKinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"): return ByteKind.lineBreak.rawValue | ByteKind.other.rawValue
        case UInt8(ascii: "@"): return ByteKind.at.rawValue
        case UInt8(ascii: ":"): return ByteKind.colon.rawValue
        case UInt8(ascii: "w"), UInt8(ascii: "W"): return ByteKind.w.rawValue
        case _ where byte < 0x20 || byte >= 0x7F: return ByteKind.other.rawValue
        case _ where "\\|`*_[]#<>&".utf8.contains(byte): return ByteKind.escaped.rawValue
        default: return 0
        }
    }

    /// Whether ASCII `bytes` contain `needle` (ASCII), letters compared without case if asked.
    private static func contains(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ needle: StaticString,
                                 caseInsensitive: Bool = false) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return needle.withUTF8Buffer { needle in
            func folded(_ byte: UInt8) -> UInt8 { caseInsensitive && (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return (bytes.startIndex...(bytes.endIndex - count)).contains { start in
                (0..<count).allSatisfy { folded(bytes[start + $0]) == needle[$0] }
            }
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
        let byteKinds = byteKinds  // read once, not once a byte
        guard text.utf8.allSatisfy({ byteKinds[Int($0)] & ~ByteKind.w.rawValue == 0 }) else { return false }
        return !text.utf8.contains(UInt8(ascii: ".")) || text.range(of: "www.", options: .caseInsensitive) == nil
    }

    /// A table: header row, delimiter row, one row per record, every cell escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        head(header) + rows.map(row).joined()
    }

    /// The header row and the delimiter row of a table.
    static func head(_ header: [String]) -> String {
        row(header) + "|" + String(repeating: "---|", count: header.count) + "\n"
    }

    /// One row of a table, every cell escaped.
    static func row(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        appendRow(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `row(cells)` to `bytes` as UTF-8.
    static func appendRow(_ cells: [String], to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "| ".utf8)
        appendCells(cells, to: &bytes)
        bytes.append(contentsOf: " |\n".utf8)
    }

    /// Appends cells of a row, each escaped, separated by `cellSeparator`.
    static func appendCells(_ cells: [String], to bytes: inout [UInt8]) {
        for (number, cell) in cells.enumerated() {
            if number > 0 { bytes.append(contentsOf: cellSeparator) }
            append(cell, to: &bytes)
        }
    }

    /// What separates two cells of a row.
    static let cellSeparator = Array(" | ".utf8)
}
