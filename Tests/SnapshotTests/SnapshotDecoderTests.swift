import Foundation
import Testing
@testable import Snapshot

/// `SnapshotDecoder` answers exactly as `JSONDecoder` does: where its own path (the tape) decodes a value, the value is
/// `JSONDecoder`'s; where `JSONDecoder` throws, the tape path gives up; errors are `JSONDecoder`'s own.
@Suite struct SnapshotDecoderTests {
    struct Item: Decodable, Equatable {
        let id: String
        let name: String?
        let count: Int?
        let flag: Bool?
        let tags: [String]?
        let nested: Nested?
        struct Nested: Decodable, Equatable { let key: String; let values: [Int]? }
    }

    /// A value that is a string, a boolean or a list of strings, tried in turn (as policy attribute values are).
    enum Mixed: Decodable, Equatable {
        case string(String), bool(Bool), list([String]), number(Double)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let list = try? container.decode([String].self) {
                self = .list(list)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
    }

    /// Documents both decoders read, and how: the tape's value must equal JSONDecoder's, or the tape must give up.
    static let documents: [String] = [
        #"[]"#, #"{}"#, #"  [ ]  "#, "[\n  {\"id\": \"a\"}\n]\n",
        #"[{"id": "a", "name": "n", "count": 3, "flag": true, "tags": ["x", "y"], "nested": {"key": "k", "values": [1, -2]}}]"#,
        #"[{"id": "a", "name": null, "count": null, "flag": null, "tags": null, "nested": null}]"#,
        #"[{"id": "a", "unknown": {"deep": [[[{}]]]}, "other": [1.5e3, -0.25, true, false, null]}]"#,
        #"[{"id": "\u00e9\ud83d\ude00\n\t\"\\\/"}]"#, #"[{"id": "é 😀 ǅ"}]"#, #"[{"id": "A\u030A", "name": "Å"}]"#,
        #"[{"id": "a", "count": 9223372036854775807}, {"id": "b", "count": -9223372036854775808}]"#,
        #"[{"id": "a", "count": 9223372036854775808}]"#, #"[{"id": "a", "count": 1.0}]"#, #"[{"id": "a", "count": 1e2}]"#,
        #"[{"id": "a", "count": -0}]"#, #"[{"id": "a", "count": "3"}]"#, #"[{"id": "a", "flag": 1}]"#,
        #"[{"id": "a", "flag": "true"}]"#, #"[{"id": 1}]"#, #"[{"name": "no id"}]"#, #"[{"id": null}]"#,
        #"[{"id": "a", "id": "b"}]"#, #"[{"id": "a", "\u0069d": "b"}]"#, #"[{"\u0069d": "a"}]"#, #"[{"id": "a", "name": "x", "name": null}]"#,
        #"[{"i\u212Ad": "a"}]"#, #"[{"id": "a", "tags": "x"}]"#, #"[{"id": "a", "tags": [1]}]"#, #"[{"id": "a", "nested": []}]"#,
        #"[{"id": "a", "nested": {"key": "k", "values": [1, 2.5]}}]"#, #"{"id": "a"}"#, #""a""#, "null", "3",
        #"[{"id": "\ud800"}]"#, #"[{"id": "\udc00\ud800"}]"#, #"[{"id": "\u0000"}]"#,
        // Objects past `TapeKeyedContainer.scannedMembers` are indexed: with distinct keys, and with one repeated.
        "{" + (0 ..< 40).map { "\"k\($0)\": [{\"id\": \"\($0)\"}]" }.joined(separator: ", ") + "}",
        "{" + (0 ..< 40).map { "\"k\($0 % 39)\": [{\"id\": \"\($0)\"}]" }.joined(separator: ", ") + "}",
        "[{" + (0 ..< 30).map { "\"x\($0)\": \($0)" }.joined(separator: ", ") + ", \"id\": \"a\", \"count\": 2}]",
    ]

    static let malformed: [String] = [
        "", " ", "[", "]", "[1,]", "[,1]", "{,}", #"{"a" 1}"#, #"{"a":}"#, #"{"a":1,}"#, "[01]", "[1.]", "[.5]", "[+1]",
        "[-]", "[1e]", "[1e+]", "[tru]", "[nul]", "[True]", "[1] x", "[1][2]", #"["a"#, #"["\x"]"#, #"["\u12"]"#,
        "[\"a\u{1}\"]", "[\"\t\"]", "{\"a\":1 \"b\":2}", "[NaN]", "[Infinity]", "\u{FEFF}[]", "//c\n[]", "[1 2]",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ]

    /// `errorsRepeat`: JSONDecoder names the same failure every time (not so for a dictionary with several bad values:
    /// which one it meets first follows its hash order).
    func agree<T: Decodable & Equatable>(_ type: T.Type, _ text: String, errorsRepeat: Bool = true) throws {
        let data = Data(text.utf8)
        let fast = SnapshotDecoder.fastDecode(type, from: data)
        let foundation = Result { try JSONDecoder().decode(type, from: data) }
        switch foundation {
        case .success(let value):
            if let fast { #expect(fast == value, "\(text) as \(type)") }
        case .failure:
            #expect(fast == nil, "\(text) as \(type): JSONDecoder throws, the tape decoded \(String(describing: fast))")
        }
        // Through the public entry, the answer is JSONDecoder's whichever path gave it.
        let answer = Result { try SnapshotDecoder().decode(type, from: data) }
        switch (answer, foundation) {
        case (.success(let mine), .success(let theirs)): #expect(mine == theirs, "\(text) as \(type)")
        case (.failure(let mine), .failure(let theirs)): if errorsRepeat { #expect("\(mine)" == "\(theirs)", "\(text) as \(type)") }
        case (.success, .failure), (.failure, .success): Issue.record("\(text) as \(type): \(answer) against \(foundation)")
        }
    }

    @Test func documentsDecodeAsJSONDecoderDecodesThem() throws {
        for text in Self.documents + Self.malformed {
            try agree([Item].self, text)
            try agree(Item.self, text)
            try agree([String: [Item]].self, text, errorsRepeat: false)
            try agree([Mixed].self, text)
            try agree([String: Mixed].self, text, errorsRepeat: false)
            try agree(String.self, text)
            try agree(Int.self, text)
            try agree([[String: String?]].self, text, errorsRepeat: false)
        }
        for value in [#""s""#, "true", "false", #"["a", "b"]"#, "[]", "3", "-1", "2.5", "1e3", "null", "{}", "[1]", #"[true]"#] {
            try agree([Mixed].self, "[\(value)]")
            try agree([String: Mixed].self, "{\"v\": \(value)}", errorsRepeat: false)
        }
    }

    @Test func theTapeReadsOrdinaryDocumentsItself() {
        for text in Self.documents.prefix(10) where text.hasPrefix("[") || text.hasPrefix(" ") {
            #expect(SnapshotDecoder.fastDecode([Item].self, from: Data(text.utf8)) != nil, "\(text)")
        }
        #expect(SnapshotDecoder.fastDecode([Mixed].self, from: Data(#"["a", true, ["b"]]"#.utf8))
                == [.string("a"), .bool(true), .list(["b"])])
    }

    @Test func theParserRefusesWhatIsNotStrictJSON() {
        for text in Self.malformed {
            let refused = Data(text.utf8).withUnsafeBytes { JSONTapeParser.parse($0) == nil }
            #expect(refused, "\(text.prefix(40))")
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let deeper = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(Data(deep.utf8).withUnsafeBytes { JSONTapeParser.parse($0) } != nil)
        #expect(Data(deeper.utf8).withUnsafeBytes { JSONTapeParser.parse($0) } == nil)
        // Far deeper than any decoder's recursion could go: refused by the parser, answered by JSONDecoder's error.
        let hostile = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(throws: DecodingError.self) { try SnapshotDecoder().decode([String].self, from: hostile) }
    }

    /// A failure that a decodable survives (`RecoveredFailures`) hands the document to JSONDecoder, so the recorded
    /// error is JSONDecoder's.
    @Test func recoveredFailuresAreDescribedByJSONDecoder() throws {
        struct Tolerant: Decodable {
            let error: String?
            init(from decoder: any Decoder) throws {
                do {
                    _ = try decoder.singleValueContainer().decode(Int.self)
                    error = nil
                } catch {
                    (decoder.userInfo[RecoveredFailures.userInfoKey] as? RecoveredFailures)?.record()
                    self.error = "\(error)"
                }
            }
        }
        let data = Data(#"[1, "two", 3]"#.utf8)
        #expect(SnapshotDecoder.fastDecode([Tolerant].self, from: data) == nil)
        let mine = try SnapshotDecoder().decode([Tolerant].self, from: data).map(\.error)
        let theirs = try JSONDecoder().decode([Tolerant].self, from: data).map(\.error)
        #expect(mine == theirs)
        #expect(mine[1] != nil)
    }

    /// Coding paths are built on demand from the tape: an error's path names the member and element it happened at.
    @Test func codingPathsNameMembersAndElements() {
        struct Probe: Decodable {
            let path: String
            init(from decoder: any Decoder) throws { path = JSONPath.string(decoder.codingPath) }
        }
        struct Holder: Decodable { let list: [[String: Probe]] }
        let data = Data(#"{"list": [{"a": 1}, {"odd key": 2}]}"#.utf8)
        let holder = SnapshotDecoder.fastDecode(Holder.self, from: data)
        #expect(holder?.list.flatMap(\.values).map(\.path) == [#"$.list[0].a"#, #"$.list[1]["odd key"]"#])
    }

    /// Strings are skipped eight plain bytes at a time: whichever of the eight places a quote, a backslash, a control
    /// character, a non-ASCII or an invalid byte takes, and however near the end of the document, the tape reads the
    /// string (or refuses the document) exactly as `JSONDecoder` does, as a value and as a key.
    @Test func stringsAreReadAlikeWhereverTheirSpecialBytesFall() throws {
        let specials: [[UInt8]] = [
            Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\u00e9"#.utf8), Array(#"\n"#.utf8), Array("é".utf8),
            Array("😀".utf8), [0x0A], [0x1F], [0x00], [0xFF], [0xC3], [0x20], [0x7F], [0x21], [0x22],
        ]
        for length in 0 ... 19 {
            for position in 0 ... length {
                for special in specials {
                    let text = Array(repeating: UInt8(ascii: "a"), count: position) + special
                        + Array(repeating: UInt8(ascii: "b"), count: length - position)
                    // Keys with escapes or non-ASCII bytes are left to JSONDecoder: no tape value then.
                    let keyLeftToJSONDecoder = special.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\\") }
                    for (document, isKey) in [(Array("[\"".utf8) + text + Array("\"]".utf8), false),
                                              (Array("{\"".utf8) + text + Array("\": \"v\"}".utf8), true),
                                              (Array("\"".utf8) + text + Array("\"".utf8), false)] {
                        let data = Data(document)
                        let expected = try? JSONDecoder().decode(JSONValueShape.self, from: data)
                        let fast = SnapshotDecoder.fastDecode(JSONValueShape.self, from: data)
                        let refused = data.withUnsafeBytes { JSONTapeParser.parse($0) == nil }
                        let shown = String(decoding: document, as: UTF8.self).debugDescription
                        if let expected {
                            #expect(fast == expected || (isKey && keyLeftToJSONDecoder && fast == nil), "\(shown)")
                            #expect(!refused, "\(shown)")
                        } else {
                            #expect(fast == nil && refused, "\(shown)")
                        }
                    }
                }
            }
        }
    }

    /// A string, a list of strings or an object of strings, as `stringsAreReadAlikeWhereverTheirSpecialBytesFall`
    /// builds them.
    enum JSONValueShape: Decodable, Equatable {
        case string(String), list([String]), object([String: String])
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                self = .list(list)
            } else if let object = try? container.decode([String: String].self) {
                self = .object(object)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }
}
