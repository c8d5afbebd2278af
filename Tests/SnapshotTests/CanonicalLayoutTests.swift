import Foundation
@testable import Snapshot
import Testing
import TestSupport

/// `CanonicalLayout` reads an item already laid out as a canonical file holds it by checking that layout: whatever it
/// accepts, it must read as Foundation does (the canonical text of `JSONSerialization`'s parse and the same member
/// strings), and every item of both samples' files must be accepted so.
@Suite struct CanonicalLayoutTests {
    static let keys = CanonicalItemTests.keys + ["id"]

    /// `CanonicalLayout`'s reading, or `nil` when it leaves the text to the parser.
    static func read(_ text: [UInt8]) -> (text: [UInt8], strings: [String?])? {
        text.withUnsafeBytes { bytes in CanonicalLayout(bytes, keys: keys).map { ($0.text, $0.strings) } }
    }

    /// Foundation's reading: its parse, written canonically, and its strings.
    static func foundation(_ text: [UInt8]) -> (text: [UInt8], strings: [String?])? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text)) as? [String: Any],
              let canonical = try? CanonicalJSON.data(object) else { return nil }
        return (Array(canonical), keys.map { object[$0] as? String })
    }

    /// Every item of every list and per-parent collection of both samples, as its file holds it (the bytes
    /// `JSONItemScanner` would find: level 1 in a list, level 2 in a per-parent file).
    static func sampleItems() throws -> [[UInt8]] {
        var items: [[UInt8]] = []
        for sample in [Samples.demo, Samples.enterprise] {
            for kind in CollectionKind.allCases where kind.shape != .object {
                guard let file = try? Data(contentsOf: sample.appendingPathComponent(kind.fileName)),
                      let parsed = try? JSONSerialization.jsonObject(with: file) else { continue }
                let values: [Any] = (parsed as? [Any]) ?? ((parsed as? [String: Any])?.values.flatMap { $0 as? [Any] ?? [] } ?? [])
                let indentation = String(repeating: "  ", count: kind.shape == .list ? 1 : 2)
                items += try values.filter { $0 is [String: Any] }.map { item in
                    Self.indented(try CanonicalJSON.data(item), by: indentation)
                }
            }
        }
        return items
    }

    @Test func everySampleItemIsReadByItsLayoutAsFoundationReadsIt() throws {
        let items = try Self.sampleItems()
        #expect(items.count > 1000)
        for item in items {
            let read = try #require(Self.read(item), "not read: \(String(decoding: item, as: UTF8.self).prefix(200))")
            let expected = try #require(Self.foundation(item))
            #expect(read.text == expected.text && read.strings == expected.strings,
                    "\(String(decoding: item, as: UTF8.self).prefix(200))")
        }
    }

    /// Items in the layout at levels 0 to 3 holding what the layout reads and what it leaves to the parser.
    static let laidOut: [String] = [
        #"{"a": 1, "b": [], "c": {}, "d": [[], {}, [1, -2, 0]], "e": {"x": null, "y": true, "z": false}}"#,
        #"{"b": 1, "a": 2}"#, #"{"a": 1, "a": 2}"#, #"{"A": 1, "a": 2}"#, #"{"a1": 1, "a01": 2}"#, #"{"a01": 1, "a1": 2}"#,
        #"{"n": 1.0}"#, #"{"n": 1e3}"#, #"{"n": -0}"#, #"{"n": -1}"#, #"{"n": 123456789012345678}"#,
        #"{"n": 1234567890123456789}"#, #"{"n": 0}"#,
        #"{"name": true}"#, #"{"name": 7}"#, #"{"name": null}"#, #"{"name": {"x": 1}}"#, #"{"name": ["x"]}"#,
        #"{"id": "x", "iam_id": "y", "name": "<script>", "email": "a@b", "crn": "crn:v1:::", "type": "t", "state": "ok"}"#,
        #"{"email": "e", "display_name": "d"}"#, #"{"s": "a\"b"}"#, #"{"s": "é ü 漢 \u2028 \u007f /"}"#,
        #"{"ké": 1}"#, #"{"k\u007f": 1}"#, #"{"_a": 1, "-b": 2, "Z": 3, "z9": 4, "z10": 5}"#, #"{"": 1, " ": 2}"#,
        #"{"deep": "# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
        #"{"deep": "# + String(repeating: "[", count: 20) + "7" + String(repeating: "]", count: 20) + "}",
    ]

    /// The text of `json` as the writer lays it out at `level`, unless Foundation cannot parse it.
    static func layout(_ json: String, level: Int) -> [UInt8]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let canonical = try? CanonicalJSON.data(object) else { return nil }
        return indented(canonical, by: String(repeating: "  ", count: level))
    }

    /// Canonical text without its final line break, each line after the first but the blank ones (inside an empty
    /// container) indented by `indentation`, as the writer indents a value nested that deep.
    static func indented(_ canonical: Data, by indentation: String) -> [UInt8] {
        let lines = String(decoding: canonical.dropLast(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return Array((lines.prefix(1) + lines.dropFirst().map { $0.isEmpty ? $0 : indentation + $0 }).joined(separator: "\n").utf8)
    }

    @Test(arguments: laidOut, 0...3)
    func laidOutTextIsLeftToTheParserOrReadAsFoundationReadsIt(json: String, level: Int) throws {
        let text = try #require(Self.layout(json, level: level))
        guard let read = Self.read(text) else { return }
        let expected = try #require(Self.foundation(text))
        #expect(read.text == expected.text)
        #expect(read.strings == expected.strings)
    }

    /// Every sample item changed at one byte — replaced, removed or doubled — is either refused or read as Foundation
    /// reads the changed text: a layout that is almost right is never taken for the right one.
    @Test func itemsChangedAtOneByteAreRefusedOrReadAsFoundationReadsThem() throws {
        let items = try Self.sampleItems()
        let replacements = Array(" \n\t\r\"\\{}[],:-0123456789aeElnrtu".utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xFF]
        var accepted = 0
        // Spread over the items, their bytes and the three kinds of change by large prime steps (deterministic).
        for step in 0..<4000 {
            var text = items[(step &* 7919) % items.count]
            let at = (step &* 104_729) % text.count
            switch step % 3 {
            case 0: text[at] = replacements[(step / 3) % replacements.count]
            case 1: text.remove(at: at)
            default: text.insert(text[at], at: at)
            }
            guard let read = Self.read(text) else { continue }
            accepted += 1
            let expected = try #require(Self.foundation(text), "read, but Foundation refuses: \(String(decoding: text, as: UTF8.self))")
            #expect(read.text == expected.text && read.strings == expected.strings, "\(String(decoding: text, as: UTF8.self))")
        }
        #expect(accepted > 100)  // changes within strings keep the layout
    }

    @Test func textOutOfTheLayoutIsLeftToTheParser() {
        for text in ["{\"a\" : 1}", "{\n\"a\" : 1\n}\n", "{\n  \"a\": 1\n}", "{\n  \"a\" :  1\n}", "{\n   \"a\" : 1\n }",
                     "{\n\t\"a\" : 1\n}", "{\r\n  \"a\" : 1\r\n}", "{\n  \"a\" : 1,\n}", "{\n  \"a\" : 1\n  }", "{\n}",
                     "{\n  \"a\" : [\n\n]\n}", "{\n  \"a\" : 1\n} ", "[\n  1\n]", "{\n  \"a\" : \"x\\/y\"\n}", "{\n  \"a\" : \"x\\u000ay\"\n}",
                     "{\n  \"a\" : \"x\\u001Fy\"\n}", "{\n  \"a\" : \"x\\u0041y\"\n}", "{\n  \"a\\n\" : 1\n}"] {
            #expect(Self.read(Array(text.utf8)) == nil, "\(text)")
        }
    }
}
