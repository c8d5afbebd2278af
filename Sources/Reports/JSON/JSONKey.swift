import Snapshot

/// An object key as `JSONWriter.member(_:_:)` writes it before the value: quoted, escaped and followed by ` : `, made
/// once for a key that objects written thousands of times (findings, SARIF results) all have.
struct JSONKey: Sendable {
    /// The key's bytes as written: `"key" : `.
    let bytes: [UInt8]

    init(_ name: String) {
        var bytes: [UInt8] = []
        JSONPrimitives.appendString(name, to: &bytes)
        JSONPrimitives.appendKeySeparator(to: &bytes)
        self.bytes = bytes
    }
}
