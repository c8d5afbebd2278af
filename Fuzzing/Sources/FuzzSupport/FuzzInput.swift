import Foundation

/// One fuzz input in the harness's format: a first line naming what the rest stands for (a file of the snapshot, an
/// answer of the API), then those bytes. Seeds stay readable, and a crashing input says what it hit.
package struct FuzzInput: Sendable {
    /// The first line.
    package let name: String
    /// Everything after the first line feed.
    package let body: Data

    /// Splits libFuzzer's bytes; `nil` without a line feed.
    package init?(_ bytes: UnsafePointer<UInt8>?, count: Int) {
        guard let bytes else { return nil }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        name = String(decoding: buffer[..<newline], as: UTF8.self)
        body = Data(buffer[(newline + 1)...])
    }
}
