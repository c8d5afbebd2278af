/// The byte-level pieces of canonical JSON text, exactly as Foundation's `JSONSerialization` writes them with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` on Linux: string escaping, number formatting, indentation
/// and the punctuation between members. Key order is `JSONKeyOrder`'s; `CanonicalJSONWriter` puts the pieces together
/// for whole values, and a streaming writer can use them to produce the same bytes piece by piece.
///
/// Every function appends to a byte buffer and never fails on data: strings are valid Unicode by construction in
/// Swift, and the only value JSON cannot hold, a non-finite floating-point number, is reported by
/// `appendNumber(_:to:)` returning `false`.
package enum JSONPrimitives {
    /// Spaces per nesting level.
    package static let indentWidth = 2

    /// Appends `string` as a quoted JSON string: `"` and `\` escaped with a backslash, U+0008 `\b`, U+0009 `\t`,
    /// U+000A `\n`, U+000C `\f`, U+000D `\r`, the other controls below U+0020 as `\u00XX` with lowercase hex digits;
    /// everything else — `/`, DEL, non-ASCII, U+2028 — as its UTF-8 bytes.
    package static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(quote)
        appendStringContents(string, to: &bytes)
        bytes.append(quote)
    }

    /// Appends what `appendString(_:to:)` appends between the quotes. Escaping goes character by character, so the
    /// contents of a string are the contents of its parts one after another: a writer can write a sentence's parts
    /// without joining them.
    package static func appendStringContents(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(of: byte, to: &bytes)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    /// Appends a signed integer in decimal.
    package static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(value.magnitude, to: &bytes)
    }

    /// Appends an unsigned integer in decimal.
    package static func appendInteger(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[position...])
        }
    }

    /// Appends a double as Swift's shortest round-tripping form (`description`) without a trailing `.0`: `1`, `-0`,
    /// `0.1`, `1e+16`, `5e-324`. Returns `false` and appends nothing for infinities and NaN.
    @discardableResult
    package static func appendNumber(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        appendTrimmingPointZero(value.description, to: &bytes)
        return true
    }

    /// Appends a float the same way, in `Float`'s own shortest form (`Float(0.1)` is `0.1`).
    @discardableResult
    package static func appendNumber(_ value: Float, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        appendTrimmingPointZero(value.description, to: &bytes)
        return true
    }

    /// Appends `true` or `false`.
    package static func appendBool(_ value: Bool, to bytes: inout [UInt8]) {
        (value ? trueText : falseText).withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `null`.
    package static func appendNull(to bytes: inout [UInt8]) {
        nullText.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the indentation of nesting level `depth` (two spaces per level).
    package static func appendIndent(depth: Int, to bytes: inout [UInt8]) {
        var count = depth * indentWidth
        spaces.withUTF8Buffer { spaces in
            while count > 0 {
                let part = min(count, spaces.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<part]))
                count -= part
            }
        }
    }

    /// Appends what follows an object key: ` : `.
    package static func appendKeySeparator(to bytes: inout [UInt8]) {
        keySeparator.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends what separates two members or elements before the next one's indentation: `,` and a line break.
    package static func appendMemberSeparator(to bytes: inout [UInt8]) {
        memberSeparator.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends an opening bracket (`[` or `{`) and its line break. Foundation opens every container this way, empty
    /// ones too (`[`, a blank line, then the closing bracket: see `appendClose`).
    package static func appendOpen(_ container: Container, to bytes: inout [UInt8]) {
        bytes.append(container.open)
        bytes.append(newline)
    }

    /// Appends a line break, the indentation of the container's own level `depth`, and its closing bracket.
    package static func appendClose(_ container: Container, depth: Int, to bytes: inout [UInt8]) {
        bytes.append(newline)
        appendIndent(depth: depth, to: &bytes)
        bytes.append(container.close)
    }

    /// The two kinds of JSON container.
    package enum Container: Sendable {
        case array, object

        var open: UInt8 {
            switch self {
            case .array: UInt8(ascii: "[")
            case .object: UInt8(ascii: "{")
            }
        }

        var close: UInt8 {
            switch self {
            case .array: UInt8(ascii: "]")
            case .object: UInt8(ascii: "}")
            }
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let newline = UInt8(ascii: "\n")
    // The punctuation appended for every member is the binary's read-only data (`StaticString`), not arrays: a
    // shared array is retained and released by each writer thread on every use, and its reference count's cache line
    // then bounces between the cores.
    /// Spaces copied a slice at a time for indentation (deeper levels take several slices): 64 of them.
    private static let spaces: StaticString = "                                                                "
    private static let keySeparator: StaticString = " : "
    private static let memberSeparator: StaticString = ",\n"
    private static let trueText: StaticString = "true"
    private static let falseText: StaticString = "false"
    private static let nullText: StaticString = "null"
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The escape of `"`, `\` or a control character below U+0020.
    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(backslash)
        switch byte {
        case quote, backslash: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
        }
    }

    /// `text` without a final `.0` (Foundation writes `1.0` as `1`, `-0.0` as `-0`).
    private static func appendTrimmingPointZero(_ text: String, to bytes: inout [UInt8]) {
        var utf8 = Array(text.utf8)
        if utf8.count >= 2, utf8[utf8.count - 2] == UInt8(ascii: "."), utf8[utf8.count - 1] == UInt8(ascii: "0") {
            utf8.removeLast(2)
        }
        bytes.append(contentsOf: utf8)
    }
}
