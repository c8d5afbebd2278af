import Analysis
@testable import Reports
import Testing

/// The byte scans the report's writers take instead of walking characters: a Markdown cell with a linkable word and
/// non-ASCII text escaped a segment at a time, and the unsafe scalars `TerminalText.clean` replaces found from the
/// UTF-8 bytes, give what the character and scalar walks give; cells escaped from their bytes and keys written from
/// literals give what their strings give.
@Suite struct WriterByteScanTests {
    /// Cells of many words, most of them printable ASCII, with emails, URLs, accented and combining characters next to
    /// spaces (a space followed by a combining mark is one character, not a word break), Prepend characters before a
    /// space, non-ASCII whitespace and line breaks: each as a character at a time escapes it.
    @Test func linkableNonASCIICellsAreEscapedAsACharacterAtATime() {
        let words = ["Jörg", "Müller", "ops@example.com", "josé.garcía@example.com", "https://x.example/a_b", "www.x.example",
                     "(IBMid-1)", "a_b", "[x]", "→", "\u{301}", "e\u{301}", "\u{0600}", "\u{0600}x", "x\u{0600}", "😀", "👩‍👩‍👧",
                     "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{202E}", "\u{1B}", "\t", "\r\n", "\n", "`", "|", "@", "_\u{301}",
                     "ｗｗｗ.", "WWW.X", "a:b", "://", "Ω", "\u{200D}", "#1", "<b>", "&"]
        let separators = [" ", " ", " ", "  ", "", " \u{301}", "\u{0600} ", " \u{200D}"]
        var dealer = Dealer(state: 0x2545_F491_4F6C_DD1D)
        func next() -> Int { dealer.next() }
        for _ in 0..<4_000 {
            var text = ""
            for position in 0..<(next() % 16 + 1) {
                if position > 0 { text += separators[next() % separators.count] }
                text += words[next() % words.count]
            }
            #expect(Markdown.row([text]) == "| " + FindingsWritingTests.escapedACharacterAtATime(text) + " |\n",
                    "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// Cells made as bytes (Markdown `--full`'s entities cells) are escaped as their text is: the same hostile cells
    /// as above, and a finding's entities (names missing, equal to the id, hostile) joined as bytes as they are as text.
    @Test func cellsEscapedFromTheirBytesAreTheirTextEscaped() {
        let words = ["Jörg", "ops@example.com", "https://x.example/a_b", "www.x", "a_b", "→", "\u{301}", "e\u{301}", "\u{0600}",
                     "😀", "\u{A0}", "\u{202E}", "\u{1B}", "\t", "\r\n", "`", "|", "<b>", "&", "(IBMid-1)", ""]
        let kinds: [FindingEntity.Kind] = [.user, .serviceID, .accessGroup, .accessPolicy, .serviceInstance, .collection]
        var dealer = Dealer(state: 0x9E37_79B9_7F4A_7C15)
        func next() -> Int { dealer.next() }
        for _ in 0..<2_000 {
            var text = ""
            for position in 0..<(next() % 12) {
                text += (position > 0 ? [" ", "  ", "", "; "][next() % 4] : "") + words[next() % words.count]
            }
            var fromText: [UInt8] = [], fromBytes: [UInt8] = []
            Markdown.append(text, to: &fromText)
            Array(text.utf8).withUnsafeBufferPointer { Markdown.append(utf8: $0, to: &fromBytes) }
            #expect(fromBytes == fromText, "\(text.unicodeScalars.map(\.value))")
            let entities = (0..<(next() % 4)).map { position in
                let id = words[next() % words.count] + "-\(position)"
                return FindingEntity(kinds[next() % kinds.count], id: id,
                                     name: [nil, id, text, words[next() % words.count]][next() % 4])
            }
            let finding = Finding(.policyOnUser, entities: entities, why: text)
            #expect(FindingsWording.entities(finding) == entities.map(FindingsWording.entity).joined(separator: "; "))
        }
    }

    /// A key named by a literal is written as the same key made from a string: plain, or needing escapes.
    @Test func literalKeysAreWrittenAsKeysOfStrings() {
        let keys: [(JSONKey, String)] = [(JSONKey(literal: "id"), "id"), (JSONKey(literal: "iamgraphEntities/v1"), "iamgraphEntities/v1"),
                                         (JSONKey(literal: ""), ""), (JSONKey(literal: "a\"b"), "a\"b"),
                                         (JSONKey(literal: "back\\slash"), "back\\slash"), (JSONKey(literal: "tab\t"), "tab\t"),
                                         (JSONKey(literal: "é → ü"), "é → ü"), (JSONKey(literal: "x"), "x")]
        for (literal, name) in keys {
            var fromLiteral: [UInt8] = [], fromString: [UInt8] = []
            literal.append(to: &fromLiteral)
            JSONKey(name).append(to: &fromString)
            #expect(fromLiteral == fromString, "\(name)")
        }
    }

    /// Every scalar up to U+3000, and every 97th beyond, between ASCII letters and alone: found unsafe from the bytes
    /// exactly when `isUnsafe` says so.
    @Test func unsafeScalarsAreFoundFromTheirBytes() {
        let scalars = (0...0x3000).compactMap(Unicode.Scalar.init)
            + stride(from: 0x3001, through: 0x10FFFF, by: 97).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for var text in [String(Character(scalar)), "a" + String(Character(scalar)) + "b", "é" + String(Character(scalar))] {
                let expected = text.unicodeScalars.contains(where: TerminalText.isUnsafe)
                #expect(text.withUTF8(TerminalText.hasUnsafeScalar) == expected, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}

/// Numbers dealt from a seed (a linear congruential generator): the same cells on every run.
private struct Dealer {
    var state: UInt64

    mutating func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33)
    }
}
