import Foundation

/// Whether a URL's host is a literal loopback address, the only place plain `http://` may carry credentials: an IPv4
/// literal in 127.0.0.0/8 written as a plain dotted quad, `::1` or its IPv4-mapped form of a 127.0.0.0/8 address, or
/// `localhost`. Host *names* that merely look like addresses (`127.0.0.1.evil.example`, `127.evil.example.com`) and
/// the shorthand or hex forms resolvers accept (`127.1`, `0x7f.0.0.1`, `2130706433`) are refused: they may resolve
/// anywhere, or be read differently by the next parser. So is a trailing dot (`localhost.` goes to DNS).
enum LoopbackHost {
    static func contains(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" { return true }
        if lowered.hasPrefix("[") != lowered.hasSuffix("]") { return false }
        let bare = lowered.hasPrefix("[") ? String(lowered.dropFirst().dropLast()) : lowered
        return isIPv4Loopback(bare) || isIPv6Loopback(bare)
    }

    /// A dotted quad of plain decimal numbers (no leading zeros, which some parsers read as octal) from 127.
    private static func isIPv4Loopback(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy(isDecimalOctet) else { return false }
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 && parts[0] == "127"
    }

    private static func isDecimalOctet(_ part: Substring) -> Bool {
        guard (1...3).contains(part.count), part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              part == "0" || !part.hasPrefix("0"), let value = Int(part) else { return false }
        return value <= 255
    }

    /// `::1`, or `::ffff:a.b.c.d` with a loopback IPv4 part, in any spelling `inet_pton` accepts.
    private static func isIPv6Loopback(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return false }
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        let loopback = [UInt8](repeating: 0, count: 15) + [1]
        let mappedPrefix = [UInt8](repeating: 0, count: 10) + [0xff, 0xff]
        return bytes == loopback || (Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127)
    }
}
