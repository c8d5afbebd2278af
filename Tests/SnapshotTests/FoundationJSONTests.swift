import Foundation
import Testing
import TestSupport
@testable import Snapshot

/// `FoundationJSON` gives the values `JSONSerialization` gives — compared through the canonical bytes a snapshot
/// holds — for every sample file and for text it must leave to `JSONSerialization` (numbers beyond plain integers,
/// repeated keys, escapes, lone surrogates, malformed text).
@Suite struct FoundationJSONTests {
    /// Both parses of `text`, written canonically: the same bytes, or the same refusal.
    private func expectSameValues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = Data(text.utf8)
        let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let ours = try? FoundationJSON.parse(data)
        #expect((foundation == nil) == (ours == nil), "\(text)", sourceLocation: sourceLocation)
        guard let foundation, let ours else { return }
        #expect(try CanonicalJSON.data(ours) == (try CanonicalJSON.data(foundation)), "\(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everySampleFileParsesAsJSONSerializationParsesIt(sample: URL) throws {
        let enumerator = try #require(FileManager.default.enumerator(at: sample, includingPropertiesForKeys: nil))
        let files = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        #expect(files.count > 20)
        for file in files {
            try expectSameValues(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        }
    }

    @Test func numbersEscapesAndRepeatedKeysParseAsJSONSerializationParsesThem() throws {
        let numbers = ["0", "-1", "7", "123456789012345", "-123456789012345", "1234567890123456", "9007199254740993",
                       "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
                       "-0", "0.0", "1.0", "1.5", "-0.0", "1e2", "1E-2", "1e400", "-1e400", "0.1", "3.0000000000000004",
                       "123456789012345678901234567890"]
        for number in numbers {
            try expectSameValues(number)
            try expectSameValues("[\(number)]")
            try expectSameValues(#"{"n": \#(number), "list": [\#(number), true, false, null]}"#)
        }
        for text in [#"{"a": 1, "a": 2}"#, #"{"a": {"b": 1, "b": [2]}}"#, #"{"\u0061": 1, "a": 2}"#,
                     #"{"e\u0301": 1, "é": 2}"#, #"["\ud800x"]"#, #"["\udc00"]"#, #"["\ud83d\ude00 \u00e9 \n \/ \u0000"]"#,
                     #"{"key \"\\\/\n\u0001é😀": "value"}"#, #"["unterminated"#, "[1,]", "{", "", " ", "nul", "[01]",
                     "\"\u{1}\"", "[\"\u{FF}\"]", #"{"a":1}x"#, "  {\"a\" : [ ] , \"b\" : { } }  ", "true", "null", #""text""#] {
            try expectSameValues(text)
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        try expectSameValues(deep)
    }

    /// Plain integers are built here, the rest is left to `JSONSerialization` (what it makes of them is its business).
    @Test func onlyPlainShortIntegersAreBuiltHere() throws {
        let built = try #require(try FoundationJSON.parse(Data(#"{"n": [1, -22, 123456789012345], "s": "x"}"#.utf8)) as? [String: Any])
        #expect((built["n"] as? [NSNumber])?.map(\.int64Value) == [1, -22, 123456789012345])
        #expect(built["s"] as? String == "x")
        #expect(throws: (any Error).self) { try FoundationJSON.parse(Data("{".utf8)) }
    }
}
