/// Untrusted text made safe to print on a terminal: control characters (which could move the cursor or recolour the
/// screen) and bidirectional overrides (which could reorder what is shown) become `?`; line breaks and tabs a space.
/// Every line iamgraph prints for a person goes through it.
package enum TerminalText {
    package static func clean(_ text: String) -> String {
        // Every unsafe scalar has a UTF-8 byte below 0x20 or from 0x7F up: text without such bytes is safe as it is.
        func suspicious(_ byte: UInt8) -> Bool { byte < 0x20 || byte >= 0x7F }
        let hasSuspiciousBytes = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: suspicious) }
            ?? text.utf8.contains(where: suspicious)
        guard hasSuspiciousBytes, text.unicodeScalars.contains(where: isUnsafe) else {
            return text
        }
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

    /// Whether `clean` replaces `scalar` with `?`: a control character or a bidirectional override.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
