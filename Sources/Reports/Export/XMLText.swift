/// Text made safe for XML 1.0, which cannot carry most C0 control characters (not even as character references), nor
/// U+FFFE/U+FFFF. Each such character becomes the visible text `\uXXXX` (its code point in hex), so the replacement
/// is deterministic and the original still readable. `<`, `&`, `]]>` and quotes are left to the XML
/// writer, which escapes them.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !allowed($0) }) else { return text }
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

    /// XML 1.0's `Char` production: tab, newline, carriage return, and everything from U+0020 but U+FFFE and U+FFFF.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
