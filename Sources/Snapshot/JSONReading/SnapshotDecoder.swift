import Foundation

/// Decodes the JSON of snapshot files into `Decodable` values exactly as `JSONDecoder` does — the same values, the
/// same errors — in a fraction of its time and memory on well-formed files.
///
/// It first parses the document into a `JSONTape` (`JSONTapeParser`) and decodes from that, looking keys up by their
/// bytes instead of building a dictionary per object. Whenever that path cannot vouch for giving `JSONDecoder`'s
/// answer — the parser refuses the document (malformed, or outside what it reads: see `JSONTapeParser`), decoding
/// throws, gives up on a value (`TapeDecoding`), or a `RecoveredFailures` was recorded — the document is decoded
/// again by `JSONDecoder`, whose value or error is the answer. Bad input therefore costs both decoders, and every
/// error the user sees is `JSONDecoder`'s.
package struct SnapshotDecoder {
    package init() {}

    package func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let value = Self.fastDecode(type, from: data) { return value }
        return try JSONDecoder().decode(type, from: data)
    }

    /// The value decoded from the tape, or `nil` when it is left to `JSONDecoder`.
    package static func fastDecode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        data.withUnsafeBytes { bytes -> T? in
            guard let tape = JSONTapeParser.parse(bytes) else { return nil }
            let failures = RecoveredFailures()
            let decoding = TapeDecoding(tape: tape, userInfo: [RecoveredFailures.userInfoKey: failures])
            let root = TapePath(parent: nil, step: .root)
            guard let value = try? decoding.decode(type, at: 0, parent: root, step: .root),
                  !decoding.gaveUp, failures.count == 0 else { return nil }
            return value
        }
    }
}
