/// Text made safe for XML 1.0, which cannot carry most C0 control characters (not even as character references), nor
/// U+FFFE/U+FFFF. Each such character becomes the visible text `\uXXXX` (its code point in hex), so the replacement
/// is deterministic and the original still readable. `<`, `&`, `]]>` and quotes are left to the XML
/// writer, which escapes them.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if allowed(scalar) {
                result.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `text` has a character XML cannot carry, found in its UTF-8 bytes: a C0 control other than tab, line
    /// feed and carriage return, or U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`).
    private static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            for index in utf8.indices {
                let byte = utf8[index]
                if byte < 0x20 {
                    if byte != 0x9 && byte != 0xA && byte != 0xD { return true }
                } else if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE {
                    return true
                }
            }
            return false
        }
    }

    /// XML 1.0's `Char` production: tab, newline, carriage return, and everything from U+0020 but U+FFFE and U+FFFF.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
