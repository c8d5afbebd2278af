@testable import FakeCloud
import Foundation
import Snapshot
import Testing
import TestSupport

/// Response bodies are written by hand (`RawJSON.data`) to the very bytes `JSONEncoder` gave them before: the
/// samples' every collection and hostile values (keys and strings of every control character, quotes, slashes,
/// non-ASCII, keys that order differently by bytes and by locale, numbers at their limits).
@Suite struct RawJSONWriterTests {
    /// What `JSONEncoder` writes for `value` with the options the fake cloud used.
    static func encoderBytes(_ value: RawJSON) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    @Test(arguments: ["demo", "enterprise"])
    func everyCollectionOfTheSampleIsWrittenAsTheEncoderWroteIt(sample: String) throws {
        let snapshot = try ServedSnapshot(directory: Samples.directory.appendingPathComponent(sample))
        for kind in CollectionKind.allCases {
            guard let content = snapshot.collections[kind] else { continue }
            #expect(content.data == (try Self.encoderBytes(content)), "\(kind.name)")
        }
    }

    @Test func hostileValuesAreWrittenAsTheEncoderWroteThem() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let strings = [controls, "\"quoted\" \\back\\ /slash/ </script>", "é ü 中文 😀 \u{2028}\u{2029} \u{7F}", "",
                       "\u{202E}override", "a\u{0}b"]
        let keys = ["a01", "a1", "aB", "a_b", "A", "a", "_", "-", "Z", "é", "e\u{301}", "10", "9", "", "\n", "\"", "😀"]
        var object: [String: RawJSON] = [:]
        for (index, key) in keys.enumerated() { object[key] = .int(index) }
        let values: [RawJSON] = [
            .object(object),
            .array(strings.map(RawJSON.string)),
            .object(Dictionary(uniqueKeysWithValues: strings.enumerated().map { ("\($1)\($0)", RawJSON.string($1)) })),
            [.int(Int.max), .int(Int.min), .int(0), .int(-1), .bool(true), .bool(false), .null],
            [.double(0.1), .double(-0.0), .double(1e300), .double(.leastNonzeroMagnitude), .double(1.5), .double(100)],
            ["nested": [["deeper": [.array([]), .object([:])]]]],
        ]
        for value in values {
            let expected = try Self.encoderBytes(value)
            #expect(value.data == expected,
                    "\(String(decoding: value.data, as: UTF8.self)) against \(String(decoding: expected, as: UTF8.self))")
        }
    }
}
