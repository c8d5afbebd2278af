import Snapshot

/// An object member's key as `JSONWriter` writes it: the quoted, escaped key and the separator after it.
struct JSONKey: Sendable {
    /// How the key's bytes are kept.
    private enum Text: Sendable {
        /// A key named in the source that needs no escaping, written from the binary's read-only data: writing it
        /// retains nothing. (A key's array, shared by the writers of both threads, was retained and released for every
        /// member either wrote, and its reference count's cache line bounced between the cores.)
        case literal(StaticString)
        /// The quoted key and the separator, made once.
        case escaped([UInt8])
    }

    private let text: Text

    /// A key made at run time (export attribute names): escaped once.
    init(_ name: String) {
        text = .escaped(Self.escaped(name))
    }

    /// A key named in the source (the members of the documents written a million times: findings, results, policies).
    init(literal name: StaticString) {
        let plain = name.withUTF8Buffer { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        text = plain ? .literal(name) : .escaped(Self.escaped(name.description))
    }

    /// Appends the key and the separator after it (`JSONPrimitives.appendString` of the key, then
    /// `appendKeySeparator`).
    func append(to bytes: inout [UInt8]) {
        switch text {
        case .literal(let name):
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            JSONPrimitives.appendKeySeparator(to: &bytes)
        case .escaped(let escaped):
            // Through a buffer pointer: appending the array itself would retain and release it.
            escaped.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        }
    }

    private static func escaped(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONPrimitives.appendString(name, to: &bytes)
        JSONPrimitives.appendKeySeparator(to: &bytes)
        return bytes
    }
}
