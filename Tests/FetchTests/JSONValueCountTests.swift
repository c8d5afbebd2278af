@testable import Fetch
import Foundation
import Testing

/// `JSONValueCount` skips the plain text of strings eight bytes at a time: wherever a quote, an escaped quote, a
/// backslash, a structural character or a byte beyond ASCII falls in those steps, it counts as reading byte by byte
/// does.
@Suite struct JSONValueCountTests {
    /// The count read one byte at a time: containers and separators outside strings.
    static func reference(_ bytes: [UInt8], upTo limit: Int) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ","):
                count += 1
                if count > limit { return count }
            default: break
            }
        }
        return count
    }

    @Test func stringsAreSkippedAsReadingByteByByteWould() {
        let inserts: [[UInt8]] = [
            Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\\\""#.utf8), Array(#"", ["#.utf8), Array("{[,".utf8),
            Array("é".utf8), [0x0A], [0x00], [0xFF], [0x22], [0x5C],
        ]
        for length in 0 ... 20 {
            for position in 0 ... length {
                for insert in inserts {
                    let text = Array(repeating: UInt8(ascii: "a"), count: position) + insert
                        + Array(repeating: UInt8(ascii: ","), count: length - position)
                    let document = Array(#"[{"k": ""#.utf8) + text + Array(#"", "l": [1, 2]}, {}]"#.utf8)
                    for limit in [3, 100] {
                        #expect(JSONValueCount.count(Data(document), upTo: limit) == Self.reference(document, upTo: limit),
                                "\(String(decoding: document, as: UTF8.self).debugDescription) up to \(limit)")
                    }
                }
            }
        }
    }
}
