@testable import Fetch
import Foundation
import Testing

/// Header lines are read without Foundation's trimming when their ends are ASCII; whatever a server sends, the name
/// and value are the ones Foundation's trimming gives.
@Suite struct HeaderLineTests {
    /// What reading a header line gave before: Foundation's trimming on both sides of the first colon.
    static func reference(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let lines: [String] = [
        "HTTP/1.1 200 OK\r\n", "\r\n", "", ":", " : \r\n", "Content-Type: application/json\r\n",
        "Retry-After:3\r\n", "retry-after: \t 3 \t\r\n", "X-Empty:\r\n", "X-Colons: a:b:c\r\n", " Spaced Name : v\r\n",
        "X-Vertical:\u{0B}v\u{0C}\r\n", "X-Lf-Only: v\n", "X-Cr-Only: v\r", "X-Nbsp:\u{A0}v\u{A0}\r\n",
        "\u{A0}X-Nbsp-Name\u{A0}: v\r\n", "X-Ideographic:\u{3000}v\u{3000}\r\n", "X-Next-Line: v\u{85}\r\n",
        "X-Line-Separator: v\u{2028}\r\n", "X-Inner: a \u{A0} b\r\n", "X-Unicode: é\r\n", "X-Unicode-End: vé\r\n",
        "X-Space-Then-Nbsp: \u{A0}v \u{A0}\r\n", "X-Replacement: \u{FFFD}\r\n", "Ünïcode-Name: v\r\n",
        "X-Escape: \u{1B}[31mred\u{1B}[0m\r\n", "X-Nul: a\u{0}b\r\n", "X-Tab-Name\t: v\r\n", "X-Only-Spaces:    \r\n",
        "X-Zero-Width: \u{200B}v\u{200B}\r\n", "X-Emoji: 😀\r\n",
    ]

    @Test func fieldsAreFoundationsTrimming() {
        for line in Self.lines {
            let mine = HeaderLine.field(line)
            let theirs = Self.reference(line)
            #expect(mine?.name == theirs?.name && mine?.value == theirs?.value, "\(line.debugDescription)")
        }
    }

    @Test func fieldsOfInvalidUTF8AreFoundationsTrimming() {
        for bytes: [UInt8] in [[0x58, 0x3A, 0x20, 0xFF, 0x0D, 0x0A], [0xC3, 0x3A, 0xC3], [0x20, 0xE2, 0x80, 0x3A, 0x20, 0x76]] {
            let line = String(decoding: bytes, as: UTF8.self)
            let mine = HeaderLine.field(line)
            let theirs = Self.reference(line)
            #expect(mine?.name == theirs?.name && mine?.value == theirs?.value, "\(bytes)")
        }
    }
}
