/// `stringMatch` patterns of IAM policies: `*` matches any run of characters (also none), `?` exactly one.
package enum Glob {
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var pi = 0, ti = 0
        var star: Int? = nil, starText = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                starText = ti
                pi += 1
            } else if let s = star {
                pi = s + 1
                starText += 1
                ti = starText
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether a value uses wildcard characters (as characters: `*` with a combining mark on it is not one).
    package static func hasWildcards(_ value: String) -> Bool {
        // Most values have neither byte, which settles it without walking the characters.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) else { return false }
        return value.contains { $0 == "*" || $0 == "?" }
    }
}
