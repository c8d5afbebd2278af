/// An object's text already laid out as `CanonicalJSONWriter` writes it at some nesting level — as a canonical
/// snapshot file holds each of its items — read by checking that layout in one pass instead of parsing the text and
/// writing it again (`CanonicalItem`'s first way).
///
/// The level is the closing brace's indentation. Accepted is only text that is, byte for byte, what the writer makes
/// at that level of what `JSONTapeParser` reads from it, with nothing `CanonicalItem` would refuse: two spaces per
/// level, `" : "` after a key, `",\n"` between members, an empty container as its brackets around a blank line; keys
/// of printable ASCII without escapes in `JSONKeyOrder`'s primary order, each after the last; strings of valid UTF-8
/// whose only escapes are those the writer writes; integers of at most 18 digits other than `-0`; at most `maximumLevels` of
/// nesting; and the members asked for strings, `null`, objects or arrays. Its canonical text is then the same text
/// with each line's indentation two spaces shorter per level, and a final line break. Anything else answers `nil`,
/// and `CanonicalItem` parses the text.
struct CanonicalLayout {
    /// The canonical text, final line break included.
    let text: [UInt8]
    /// For each key asked for: the member's string, or `nil` when the object has no such member or its value is not
    /// a string.
    let strings: [String?]

    /// Nesting below the object that is checked here; deeper text is left to the parser.
    static let maximumLevels = 32

    /// Reads the object in `bytes`, with the strings of its top-level members named by `keys`.
    init?(_ bytes: UnsafeRawBufferPointer, keys: [String]) {
        guard let level = Self.level(of: bytes) else { return nil }
        var reader = Reader(bytes: bytes, dropped: level * JSONPrimitives.indentWidth, keys: keys)
        guard reader.object(level: level, isItem: true), reader.position == bytes.count else { return nil }
        reader.copy(to: bytes.count)
        reader.text.append(UInt8(ascii: "\n"))
        text = reader.text
        strings = reader.strings
    }

    /// The object's nesting level in its file, from its closing line: `}` after a line break and two spaces a level.
    private static func level(of bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "{"), bytes[bytes.count - 1] == UInt8(ascii: "}") else {
            return nil
        }
        var spaces = 0
        while spaces < bytes.count - 2, bytes[bytes.count - 2 - spaces] == UInt8(ascii: " ") { spaces += 1 }
        guard bytes[bytes.count - 2 - spaces] == UInt8(ascii: "\n"), spaces % JSONPrimitives.indentWidth == 0 else {
            return nil
        }
        return spaces / JSONPrimitives.indentWidth
    }

    /// The check, and the text copied as it goes: a line at a time, without the indentation of the object's level.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        /// Spaces left out at the start of each line that is not blank.
        let dropped: Int
        let keys: [String]
        var position = 0
        var text: [UInt8] = []
        var strings: [String?]
        /// Where the bytes not yet copied to `text` start.
        private var copied = 0

        init(bytes: UnsafeRawBufferPointer, dropped: Int, keys: [String]) {
            self.bytes = bytes
            self.dropped = dropped
            self.keys = keys
            strings = Array(repeating: nil, count: keys.count)
            text.reserveCapacity(bytes.count + 1)
        }

        /// Copies the bytes up to `end` not yet copied.
        mutating func copy(to end: Int) {
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copied ..< end]))
            copied = end
        }

        /// Whether the byte at the position is `byte`; steps over it if so.
        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Steps over a line break and the indentation of `level`, the line break copied and the indentation's first
        /// `dropped` spaces not.
        private mutating func lineBreak(level: Int) -> Bool {
            let indentation = level * JSONPrimitives.indentWidth
            guard position + indentation < bytes.count, bytes[position] == UInt8(ascii: "\n") else { return false }
            var offset = 1
            while offset <= indentation {
                guard bytes[position + offset] == UInt8(ascii: " ") else { return false }
                offset += 1
            }
            copy(to: position + 1)
            copied = position + 1 + dropped
            position += 1 + indentation
            return true
        }

        /// The value at the position, at nesting `level`.
        private mutating func value(level: Int) -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(level: level, isItem: false)
            case UInt8(ascii: "["): return array(level: level)
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return integer()
            }
        }

        /// The object at the position; for the item itself, the strings of the members asked for are kept.
        mutating func object(level: Int, isItem: Bool) -> Bool {
            guard level - dropped / JSONPrimitives.indentWidth <= maximumLevels, take(UInt8(ascii: "{")) else {
                return false
            }
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\n"), bytes[position + 1] == UInt8(ascii: "\n") {
                position += 1  // an empty object: a blank line, then the closing line
                return lineBreak(level: level) && take(UInt8(ascii: "}"))
            }
            var previous: UnsafeBufferPointer<UInt8>?
            repeat {
                guard lineBreak(level: level + 1), let (raw, isEscaped) = string(), !isEscaped,
                      case let key = raw.assumingMemoryBound(to: UInt8.self), JSONKeyOrder.isCollatable(key), previous.map({ JSONKeyOrder.primaryOrder($0, key) < 0 }) ?? true,
                      take(UInt8(ascii: " ")), take(UInt8(ascii: ":")), take(UInt8(ascii: " ")) else {
                    return false
                }
                previous = key
                if isItem, keys.contains(where: { Self.spells($0, key) }) {
                    guard let member = memberString(level: level + 1) else { return false }
                    for (index, asked) in keys.enumerated() where Self.spells(asked, key) { strings[index] = member }
                } else {
                    guard value(level: level + 1) else { return false }
                }
            } while take(UInt8(ascii: ","))
            return lineBreak(level: level) && take(UInt8(ascii: "}"))
        }

        /// The value of a member asked for: its string, `nil` for `null`, an object or an array (`.some(nil)`), and
        /// `nil` for a number or a boolean, which `CanonicalItem` leaves to Foundation.
        private mutating func memberString(level: Int) -> String?? {
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                guard let (raw, isEscaped) = string() else { return nil }
                return isEscaped ? JSONEscapes.unescape(raw).map { .some($0) } : .some(String(decoding: raw, as: UTF8.self))
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
                return value(level: level) ? .some(nil) : nil
            default:
                return nil
            }
        }

        /// Whether `key` is spelled by `bytes`.
        private static func spells(_ key: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            key.utf8.count == bytes.count && key.utf8.elementsEqual(bytes)
        }

        private mutating func array(level: Int) -> Bool {
            guard level - dropped / JSONPrimitives.indentWidth <= maximumLevels, take(UInt8(ascii: "[")) else {
                return false
            }
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\n"), bytes[position + 1] == UInt8(ascii: "\n") {
                position += 1  // an empty array: a blank line, then the closing line
                return lineBreak(level: level) && take(UInt8(ascii: "]"))
            }
            repeat {
                guard lineBreak(level: level + 1), value(level: level + 1) else { return false }
            } while take(UInt8(ascii: ","))
            return lineBreak(level: level) && take(UInt8(ascii: "]"))
        }

        /// The contents of the string at the position (between its quotes) and whether it holds escapes; `nil` unless
        /// it is valid UTF-8 without control bytes and its escapes are those `JSONPrimitives.appendString` writes.
        private mutating func string() -> (raw: UnsafeRawBufferPointer, isEscaped: Bool)? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            var hasNonASCII = false, isEscaped = false
            while true {
                position = JSONPlainBytes.end(of: bytes, from: position)
                guard position < bytes.count else { return nil }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                guard byte >= 0x20 else { return nil }
                if byte == UInt8(ascii: "\\") {
                    guard let length = escapeLength() else { return nil }
                    isEscaped = true
                    position += length
                    continue
                }
                if byte >= 0x80 { hasNonASCII = true }
                position += 1
            }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start ..< position])
            if hasNonASCII, String(validating: raw, as: UTF8.self) == nil { return nil }
            position += 1
            return (raw, isEscaped)
        }

        /// The length of the escape at the position when it is one the writer writes: `\"`, `\\`, `\b`, `\t`, `\n`,
        /// `\f`, `\r`, or `\u00` and two lowercase hex digits for another control byte.
        private func escapeLength() -> Int? {
            guard position + 1 < bytes.count else { return nil }
            switch bytes[position + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"),
                 UInt8(ascii: "f"), UInt8(ascii: "r"):
                return 2
            case UInt8(ascii: "u"):
                guard position + 5 < bytes.count, bytes[position + 2] == UInt8(ascii: "0"),
                      bytes[position + 3] == UInt8(ascii: "0"), bytes[position + 4] &- UInt8(ascii: "0") < 2 else {
                    return nil
                }
                let low = bytes[position + 5]
                let digit: UInt8? = low &- UInt8(ascii: "0") < 10 ? low &- UInt8(ascii: "0")
                    : low &- UInt8(ascii: "a") < 6 ? low &- UInt8(ascii: "a") + 10 : nil
                guard let digit else { return nil }
                let control = (bytes[position + 4] &- UInt8(ascii: "0")) << 4 | digit
                return [0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(control) ? nil : 6
            default:
                return nil
            }
        }

        /// `-?(0|[1-9][0-9]*)` of at most 18 digits, other than `-0`, ended by what ends a member.
        private mutating func integer() -> Bool {
            let negative = take(UInt8(ascii: "-"))
            let start = position
            while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            let digits = position - start
            guard digits >= 1, digits <= 18 else { return false }
            if bytes[start] == UInt8(ascii: "0") { return digits == 1 && !negative }
            return true
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0 ..< count where bytes[position + offset] != word.utf8Start[offset] { return false }
            position += count
            return true
        }
    }
}
