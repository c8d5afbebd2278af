import Foundation

/// A response header line as libcurl hands it over (`Name: value\r\n`), read into its name and value.
enum HeaderLine {
    /// The name, lowercased, and the value, both without the white space around them; `nil` for a line without a
    /// colon (the status line, the blank line that ends the headers).
    static func field(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = trimmed(line[..<colon], .whitespaces) { $0 == 0x20 || $0 == 0x09 }
        let value = trimmed(line[line.index(after: colon)...], .whitespacesAndNewlines) { $0 == 0x20 || (0x09 ... 0x0D).contains($0) }
        return (name.lowercased(), value)
    }

    /// `text` without the characters of `set` at either end, as `trimmingCharacters(in:)` gives it — which is called
    /// only when an end holds a byte beyond ASCII: header lines are ASCII, and for them Foundation's trimming was most
    /// of what reading a header cost. `asciiMembers` tells which ASCII bytes are in `set`.
    static func trimmed(_ text: Substring, _ set: CharacterSet, asciiMembers: (UInt8) -> Bool) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, asciiMembers(utf8[start]) { start = utf8.index(after: start) }
        while start < end, asciiMembers(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start < end, utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return text.trimmingCharacters(in: set)
        }
        return String(text[start ..< end])
    }
}
