/// Percent-encoding of values taken from data (ids from earlier responses, cursors, names) before they go into a
/// request URL: every byte but RFC 3986's unreserved ASCII characters is encoded, so a value can never add a path
/// segment, a query or a fragment, and never reaches `URLComponents` unencoded.
enum URLEncoding {
    /// One path segment; `.` and `..` are encoded too, so they are never read as dot segments.
    static func pathSegment(_ value: String) -> String {
        value == "." || value == ".." ? String(repeating: "%2E", count: value.count) : encoded(value)
    }

    /// A query parameter's name or value.
    static func queryComponent(_ value: String) -> String {
        encoded(value)
    }

    private static func encoded(_ value: String) -> String {
        guard !value.utf8.allSatisfy(isUnreserved) else { return value }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `A-Z a-z 0-9 - . _ ~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
