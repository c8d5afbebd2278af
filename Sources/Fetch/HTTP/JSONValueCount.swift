import Foundation
import Snapshot

/// Counts the values in a JSON text without parsing it, so that a response whose parse would take far more memory
/// than its bytes (a million tiny items) is refused before it is parsed.
package enum JSONValueCount {
    /// Objects and arrays plus the separators between elements and members outside strings — roughly one per value
    /// a parser would allocate — counting no further than `limit + 1`. Malformed text is counted the same way; the
    /// parser refuses it afterwards.
    package static func count(_ data: Data, upTo limit: Int) -> Int {
        data.withUnsafeBytes { bytes in
            var count = 0
            var inString = false
            var escaped = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    } else {
                        // Most of a response is the text of its strings: skipped eight bytes at a time.
                        index = JSONPlainBytes.end(of: bytes, from: index)
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
    }
}
