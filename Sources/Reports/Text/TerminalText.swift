/// Untrusted text made safe to print on a terminal: control characters (which could move the cursor or recolour the
/// screen) and bidirectional overrides (which could reorder what is shown) become `?`; line breaks and tabs a space.
/// Every line iamgraph prints for a person goes through it.
package enum TerminalText {
    package static func clean(_ text: String) -> String {
        var text = text
        guard text.withUTF8(hasUnsafeScalar) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result.append(" ")
            } else {
                result.append(isUnsafe(scalar) ? "?" : scalar)
            }
        }
        return String(result)
    }

    /// How many characters `clean(text)` shows.
    static func width(_ text: String) -> Int {
        text.isPrintableASCII ? text.utf8.count : clean(text).count
    }

    /// Appends `clean(text)` to `bytes` as UTF-8; returns how many characters it shows.
    static func append(_ text: String, to bytes: inout [UInt8]) -> Int {
        if text.isPrintableASCII {
            bytes.append(contentsOf: text.utf8)
            return text.utf8.count
        }
        let cleaned = clean(text)
        bytes.append(contentsOf: cleaned.utf8)
        return cleaned.count
    }

    /// Whether valid UTF-8 `utf8` holds a scalar `isUnsafe` names, read from its bytes without decoding scalars (the
    /// cells of a big account's report are mostly non-ASCII only for a name or an arrow): a byte below 0x20 or 0x7F
    /// (C0 controls, DEL), `C2 80`–`C2 9F` (C1 controls), `E2 80 8E`–`8F` and `E2 80 AA`–`AE` (U+200E, U+200F,
    /// U+202A–U+202E), `E2 81 A6`–`A9` (U+2066–U+2069). A lead byte is never a continuation byte, so a match is
    /// always a whole scalar.
    static func hasUnsafeScalar(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most text has no byte below 0x20 or from 0x7F up, and is passed over at the cost of one comparison a byte.
        guard var index = utf8.firstIndex(where: { $0 < 0x20 || $0 >= 0x7F }) else { return false }
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(utf8[index + 1]) { return true }
            if byte == 0xE2, index + 2 < count {
                let second = utf8[index + 1], third = utf8[index + 2]
                if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) { return true }
                if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `clean` replaces `scalar` with `?`: a control character or a bidirectional override.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
