import Foundation
import Snapshot
import Testing
import TestSupport

/// `CanonicalItem` reads an item's text without Foundation for the SQLite export: whatever it accepts, it must read as
/// Foundation does — the canonical text of `JSONSerialization`'s parse and the same member strings.
@Suite struct CanonicalItemTests {
    static let keys = ["id", "name", "email", "iam_id", "crn", "type", "state"]

    /// What the export stored before `CanonicalItem`: Foundation's parse, written canonically, and its strings.
    static func foundation(_ text: Data) -> (text: [UInt8], strings: [String?])? {
        guard let object = try? JSONSerialization.jsonObject(with: text) as? [String: Any],
              let canonical = try? CanonicalJSON.data(object) else { return nil }
        return (Array(canonical), keys.map { object[$0] as? String })
    }

    /// `CanonicalItem`'s reading, or `nil` when it leaves the text to Foundation.
    static func read(_ text: Data) -> (text: [UInt8], strings: [String?])? {
        text.withUnsafeBytes { bytes in CanonicalItem(bytes, keys: keys).map { ($0.text, $0.strings) } }
    }

    /// The items of every list collection of both samples, as their files hold them (indented).
    static func sampleItems() throws -> [Data] {
        var items: [Data] = []
        for sample in [Samples.demo, Samples.enterprise] {
            for kind in CollectionKind.allCases where kind.shape == .list {
                guard let file = try? Data(contentsOf: sample.appendingPathComponent(kind.fileName)),
                      let list = try JSONSerialization.jsonObject(with: file) as? [Any] else { continue }
                // Each item indented as in its file, so the reader sees a file's layout, not a fresh one.
                items += try list.map { item in
                    let text = String(decoding: try CanonicalJSON.data(item), as: UTF8.self)
                    return Data(text.replacingOccurrences(of: "\n", with: "\n  ").utf8)
                }
            }
        }
        return items
    }

    @Test func everySampleItemIsReadWithoutFoundationAsFoundationReadsIt() throws {
        let items = try Self.sampleItems()
        #expect(items.count > 100)
        for item in items {
            let read = try #require(Self.read(item), "not read: \(String(decoding: item, as: UTF8.self).prefix(200))")
            let expected = try #require(Self.foundation(item))
            #expect(read.text == expected.text && read.strings == expected.strings,
                    "\(String(decoding: item, as: UTF8.self).prefix(200))")
        }
    }

    /// Hostile or unusual items: each is either left to Foundation or read exactly as Foundation reads it.
    static let unusual: [String] = [
        #"{"b": 1, "a": 2}"#, #"{"a": 1, "a": 2}"#, #"{"A": 1, "a": 2}"#, #"{"a1": 1, "a01": 2}"#,
        #"{"n": 1.0}"#, #"{"n": 1e3}"#, #"{"n": -0}"#, #"{"n": -1}"#, #"{"n": 123456789012345678}"#,
        #"{"n": 1234567890123456789}"#, #"{"n": 18446744073709551616}"#, #"{"n": 01}"#,
        #"{"name": true}"#, #"{"name": 7}"#, #"{"name": null}"#, #"{"name": {"x": 1}}"#, #"{"name": ["x"]}"#,
        #"{"flag": true, "off": false, "none": null}"#, #"{"e": {}, "l": [], "ll": [[], {}]}"#,
        #"{"s": "a\"b\\c\/d\n\t\u0001\u001b\u00e9\ud83d\ude00 \u2028"}"#, #"{"s": "\ud800"}"#, #"{"s": "é ü 漢"}"#,
        #"{"k\u0065y": 1}"#, #"{"ké": 1}"#, #"{"_a": 1, "-b": 2, "Z": 3, "z9": 4, "z10": 5}"#,
        #"{"id": "x", "name": "<script>", "email": "a@b", "crn": "crn:v1:::", "type": "t", "state": "ok"}"#,
        "{\"a\": 1} trailing", "[1, 2]", "\"text\"", "{\"a\": \"raw\u{01}control\"}", "{\"a\": 1,}",
        #"{"deep": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
        #"{"deep": "# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
    ]

    @Test(arguments: unusual)
    func unusualTextIsLeftToFoundationOrReadAsFoundationReadsIt(text: String) throws {
        let data = Data(text.utf8)
        guard let read = Self.read(data) else { return }
        let expected = try #require(Self.foundation(data), "read, but Foundation refuses it")
        #expect(read.text == expected.text)
        #expect(read.strings == expected.strings)
    }

    /// Strings and keys without escapes are written as their bytes: every length around the parser's eight-byte
    /// steps, with a character Foundation writes as it is (`/`, DEL, non-ASCII, U+2028) or one it escapes (read from an
    /// escape) at every position, read as Foundation reads them.
    @Test func plainAndEscapedStringsOfEveryLengthAreReadAsFoundationReadsThem() throws {
        let specials = ["/", "\u{7F}", "é", "😀", "\u{2028}", #"\""#, #"\\"#, #"\n"#, #"\u001f"#, #"\u00e9"#]
        for length in 0..<20 {
            for special in specials {
                for position in 0...length {
                    let plain = String(repeating: "a", count: length)
                    let value = String(plain.prefix(position)) + special + String(plain.dropFirst(position))
                    let key = "k" + String(repeating: "1", count: length % 12) + "_x"
                    let text = "{\n    \"\(key)\" : \"\(value)\",\n    \"name\" : \"\(value)\"\n  }"
                    let data = Data(text.utf8)
                    let read = try #require(Self.read(data), "not read: \(text)")
                    let expected = try #require(Self.foundation(data), "\(text)")
                    #expect(read.text == expected.text && read.strings == expected.strings, "\(text)")
                }
            }
        }
    }

    @Test func bytesThatAreNotUTF8AreLeftToFoundation() {
        for bytes: [UInt8] in [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            let text = Array(#"{"name": "ab"#.utf8) + bytes + Array(#"cd"}"#.utf8)
            #expect(Self.read(Data(text)) == nil, "\(bytes)")
        }
    }

    @Test func textFoundationWouldSpellOtherwiseIsLeftToIt() {
        for text in [#"{"b": 1, "a": 2}"#, #"{"n": 1.0}"#, #"{"n": -0}"#, #"{"name": true}"#, #"{"name": 7}"#,
                     #"{"k\u0065y": 1}"#, #"{"s": "\ud800"}"#, #"{"n": 1234567890123456789}"#, "[1]"] {
            #expect(Self.read(Data(text.utf8)) == nil, "\(text)")
        }
    }
}
