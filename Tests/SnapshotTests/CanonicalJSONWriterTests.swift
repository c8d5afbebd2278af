import Foundation
import Testing
import TestSupport
@testable import Snapshot

/// Our canonical JSON writer against Foundation's `JSONSerialization`: the same bytes for every sample file, for
/// the edge cases of escaping, numbers and layout, and for seeded hostile documents.
@Suite struct CanonicalJSONWriterTests {
    /// Every JSON file of the bundled samples, parsed as a fetch parses, comes out byte for byte as Foundation
    /// writes it — and as the file holds it (the files were written by Foundation).
    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everySampleFileIsWrittenAsFoundationWritesIt(sample: URL) throws {
        let files = try jsonFiles(in: sample)
        #expect(files.count > 20)
        for file in files {
            let bytes = try Data(contentsOf: file)
            let value = try CanonicalJSON.parse(bytes)
            let ours = try CanonicalJSON.data(value)
            #expect(ours == (try CanonicalJSON.foundationData(value)), "\(file.lastPathComponent)")
            if file.lastPathComponent != Manifest.fileName {  // the manifest is written by JSONEncoder
                #expect(ours == bytes, "\(file.lastPathComponent)")
            }
        }
    }

    @Test func escapesAsFoundationDoes() throws {
        let text = "quote \" backslash \\ slash / \u{0} \u{1} \u{8} \t \n \u{B} \u{C} \r \u{1B}[31m \u{1F} \u{7F} é \u{2028} 😀 </script>"
        try expectSameBytes(text)
        try expectSameBytes(["key \"\\/\n\u{1}é😀": text])
        let written = String(decoding: try CanonicalJSON.data(text), as: UTF8.self)
        #expect(written.contains(#"\u0000 \u0001 \b \t \n \u000b \f \r \u001b[31m \u001f"#))
        #expect(written.contains("slash / "))
        // Lone surrogates never reach the writer: the parser refuses them, and a Swift string repairs them to U+FFFD.
        for text in [#"["\ud800x"]"#, #"["\udc00"]"#, #"["a\ud83d"]"#] {
            #expect(throws: (any Error).self) { try CanonicalJSON.parse(Data(text.utf8)) }
        }
        let repaired = String(decoding: [0x61, 0xD800, 0x62] as [UInt16], as: UTF16.self)
        #expect(repaired == "a\u{FFFD}b")
        try expectSameBytes([repaired: repaired])
        try expectSameBytes(["substring": "a/b\n\u{1}é"[...], "nsstring": NSString(string: "x\"y")] as [String: Any])
    }

    /// Every escape, non-ASCII byte and control character is written as Foundation writes it wherever it falls: in
    /// strings of every length up to several words of eight bytes, and between long plain runs.
    @Test func escapesWhereverTheyFall() throws {
        let pieces = ["a", "bcdefgh", "0123456789abcdefghij", "\"", "\\", "/", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{7F}",
                      "é", "😀", "\u{2028}", " ", "~"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let texts = (0..<400).map { _ in (0..<(next() % 10)).map { _ in pieces[next() % pieces.count] }.joined() }
            + (0..<24).map { String(repeating: "x", count: $0) + "\"" + String(repeating: "y", count: 24 - $0) }
        try expectSameBytes(texts)
    }

    @Test func layoutMatchesFoundationForEmptyAndNestedContainers() throws {
        try expectSameBytes([String: Any]())
        try expectSameBytes([Any]())
        try expectSameBytes(["a": [Any](), "b": [String: Any](), "c": [1, [2, [String: Any]()]], "d": ["x": ["y": NSNull()]]])
        try expectSameBytes([[[[Any]()]]])
        #expect(String(decoding: try CanonicalJSON.data(["a": [Any]()]), as: UTF8.self) == "{\n  \"a\" : [\n\n  ]\n}\n")
    }

    /// Numbers as `JSONSerialization` parses them (shared booleans, integers, unsigned, doubles, decimals for what a
    /// double cannot hold) and as Swift code builds them.
    @Test func numbersAreFormattedAsFoundationFormatsThem() throws {
        let parsed = try #require(try CanonicalJSON.parse(Data("[\(Self.numberLiterals.joined(separator: ","))]".utf8)) as? [Any])
        for value in parsed { try expectSameBytes(value) }
        try expectSameBytes(parsed)
        let swiftValues: [Any] = [
            true, false, 0, -1, Int.max, Int.min, Int8.min, Int16.max, Int32.min, Int64.max, UInt.max, UInt8.max,
            UInt16.max, UInt32.max, UInt64.max, 1.0, -0.0, 0.1, 1e16, 1e-7, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude,
            Float(0.1), Float(-0.0), Float(1e10), Float.leastNonzeroMagnitude, Decimal(string: "1.50")!,
            Decimal(string: "-123456789012345678901234567890")!, NSDecimalNumber(string: "3.0000000000000004"),
            NSNumber(value: Int8(1)), NSNumber(value: UInt64.max), NSNumber(value: Float(0.1)), NSNumber(value: 2.5),
            NSNumber(value: true), NSNumber(value: Int16(-7)), NSNull(),
        ]
        for value in swiftValues { try expectSameBytes(value) }
        try expectSameBytes(swiftValues)
        #expect(String(decoding: try CanonicalJSON.data([-0.0, 1.0, 1e16]), as: UTF8.self) == "[\n  -0,\n  1,\n  1e+16\n]\n")
    }

    @Test func optionalsAreNullOrTheirValue() throws {
        let values: [Any] = [Optional<Int>.none as Any, Optional("text") as Any, ["k": Optional<String>.none as Any]]
        try expectSameBytes(values)
        let optionals: [Any?] = [nil, 1, "two"]
        try expectSameBytes(optionals)
        #expect(String(decoding: try CanonicalJSON.data(optionals), as: UTF8.self) == "[\n  null,\n  1,\n  \"two\"\n]\n")
    }

    @Test func whatJSONCannotHoldIsAnErrorNotATrap() {
        #expect(throws: CanonicalJSONError.notFinite) { try CanonicalJSON.data([Double.infinity]) }
        #expect(throws: CanonicalJSONError.notFinite) { try CanonicalJSON.data(["x": Double.nan]) }
        #expect(throws: CanonicalJSONError.notFinite) { try CanonicalJSON.data(NSNumber(value: Float.infinity)) }
        #expect(throws: CanonicalJSONError.keyNotString) { try CanonicalJSON.data([1: "one"] as [Int: Any]) }
        #expect(throws: CanonicalJSONError.notJSON("Date")) { try CanonicalJSON.data([Date()]) }
    }

    /// Keys that tie at ICU's primary level, keys outside printable ASCII, and long digit runs take Foundation's
    /// comparison; the rest take ours. Either way the order is Foundation's.
    @Test func keyOrderIsFoundationsForTiesNonASCIIAndLongNumbers() throws {
        let keys = ["id", "ID", "Id", "a01", "a1", "a001b", "a1c", "_x", "-x", "x", "X1", "x10", "x9", "é", "e", "f",
                    "ı", "I", "\u{1}a", "a", "12345678901234567890", "1234567890123456789", "99999999999999999999", "0",
                    "😀", "Ａ", "١٢", "12", "a b", "a\tb", "a_b", "a-b", "a.b", "a~b", "a$b", "a@b", "", " "]
        var object: [String: Any] = [:]
        for (index, key) in keys.enumerated() { object[key] = index }
        try expectSameBytes(object)
        #expect(JSONKeyOrder.sorted(object).map(\.key) == keys.sorted(by: JSONKeyOrder.foundationPrecedes))
    }

    /// The primary order used for printable-ASCII keys agrees with Foundation's comparison on seeded random pairs
    /// built from the characters where collation is subtle: case, punctuation around digits, leading zeros.
    @Test func asciiKeyOrderAgreesWithFoundationsComparison() {
        var random = SeededRandom(seed: 18)
        let alphabets = [Array("aAbB01_9Zz-.:/ \t".utf8), Array(UInt8(0x20)...UInt8(0x7E)), Array("0123456789aA".utf8)]
        var compared = 0
        for round in 0..<4_000 {
            let alphabet = alphabets[round % alphabets.count]
            let first = random.string(from: alphabet, maxLength: round % 5 == 0 ? 30 : 6)
            let second = random.coinFlip() ? random.string(from: alphabet, maxLength: 6) : random.mutated(first, from: alphabet)
            guard JSONKeyOrder.isCollatable(first), JSONKeyOrder.isCollatable(second) else { continue }
            let order = JSONKeyOrder.primaryOrder(first, second)
            guard order != 0 else { continue }
            compared += 1
            #expect((order < 0) == JSONKeyOrder.foundationPrecedes(first, second), "\(first.debugDescription) \(second.debugDescription)")
        }
        #expect(compared > 3_000)
    }

    /// Seeded hostile documents: keys and strings from controls, quotes, escapes, non-ASCII letters and digits,
    /// combining marks, emoji, case and leading-zero variants; numbers from hostile literals.
    @Test func hostileDocumentsAreWrittenAsFoundationWritesThem() throws {
        var random = SeededRandom(seed: 20261130)
        let numbers = try #require(try CanonicalJSON.parse(Data("[\(Self.numberLiterals.joined(separator: ","))]".utf8)) as? [Any])
        for _ in 0..<400 {
            let document = random.document(depth: 3, numbers: numbers)
            try expectSameBytes(document)
        }
    }

    // MARK: - Helpers

    static let numberLiterals = [
        "0", "-0", "1", "-1", "1.0", "1.5", "-0.0", "0.1", "1e2", "1E-2", "1e16", "1e15", "123.456e5", "0.000001",
        "0.0000001", "1e-400", "3.0000000000000004", "12345678901234567890", "18446744073709551615",
        "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "9223372036854775807",
        "9223372036854775808", "123456789012345678901234567890", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
        "100000000000000000000.0", "0.30000000000000004", "1e21", "1e22", "123456789.123456789", "true", "false", "null",
    ]

    private func expectSameBytes(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try CanonicalJSON.data(value)
        let foundation = try CanonicalJSON.foundationData(value)
        #expect(ours == foundation, "ours:\n\(String(decoding: ours, as: UTF8.self))\nfoundation:\n\(String(decoding: foundation, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    private func jsonFiles(in directory: URL) throws -> [URL] {
        let enumerator = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}

/// A small deterministic generator (xorshift64*) for the seeded tests, with the draws they need.
private struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545F4914F6CDD1D
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func coinFlip() -> Bool { next() & 1 == 0 }

    mutating func string(from alphabet: [UInt8], maxLength: Int) -> String {
        String(decoding: (0..<below(maxLength + 1)).map { _ in alphabet[below(alphabet.count)] }, as: UTF8.self)
    }

    /// `text` with one byte replaced or inserted.
    mutating func mutated(_ text: String, from alphabet: [UInt8]) -> String {
        var bytes = Array(text.utf8)
        let byte = alphabet[below(alphabet.count)]
        if bytes.isEmpty || coinFlip() { bytes.insert(byte, at: below(bytes.count + 1)) } else { bytes[below(bytes.count)] = byte }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pieces hostile keys and strings are made of.
    static let pieces = [
        "a", "A", "z", "Z", "id", "ID", "_", "-", ".", ":", "/", " ", "\t", "\n", "0", "00", "01", "1", "9", "10",
        "12345678901234567890123", "\u{0}", "\u{1}", "\u{1B}[2J", "\u{7F}", "\"", "\\", "é", "É", "e\u{301}", "ß", "ı",
        "İ", "日本", "😀", "\u{2028}", "Ａ", "١٢", "<script>", "$", "~", "@",
    ]

    mutating func hostileText() -> String {
        (0..<(1 + below(4))).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }

    mutating func document(depth: Int, numbers: [Any]) -> Any {
        switch below(depth > 0 ? 6 : 3) {
        case 0: return hostileText()
        case 1: return numbers[below(numbers.count)]
        case 2: return [true, false, NSNull(), Int(bitPattern: UInt(next())), Double(bitPattern: next() >> 2)][below(5)]
        case 3: return (0..<below(5)).map { _ in document(depth: depth - 1, numbers: numbers) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<below(10) { object[hostileText()] = document(depth: depth - 1, numbers: numbers) }
            return object
        }
    }
}
