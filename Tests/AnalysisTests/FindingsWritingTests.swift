@testable import Analysis
import Foundation
@testable import Reports
import Snapshot
import Testing
import TestSupport

/// The findings writers that write their repeated objects member by member (`JSONWriter.object(inOrder:)`) and escape
/// Markdown a word at a time: the documents are still what `JSONEncoder` writes of their contents, key order and
/// spacing included, and hostile names come through every format intact (JSON, SARIF) or made harmless (text,
/// Markdown).
@Suite struct FindingsWritingTests {
    /// Any JSON value, decoded from a document and encoded again by `JSONEncoder` (`CanonicalJSON`).
    indirect enum Tree: Codable, Equatable {
        case null
        case bool(Bool)
        case integer(Int)
        case string(String)
        case array([Tree])
        case object([String: Tree])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .integer(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([Tree].self) { self = .array(value) }
            else { self = .object(try container.decode([String: Tree].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    /// Expects `document` to be byte for byte what `JSONEncoder` writes of its own contents; returns them.
    @discardableResult
    static func expectCanonical(_ document: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tree {
        let tree = try JSONDecoder().decode(Tree.self, from: document)
        #expect(try CanonicalJSON.data(encoding: tree) == document, sourceLocation: sourceLocation)
        return tree
    }

    /// An account whose names are as hostile as names get: quotes, backslashes, every control character, ESC
    /// sequences, bidirectional overrides, Markdown and HTML, combining marks, non-ASCII and a mention.
    static let hostile = JSONStreamingTests.hostile + " | `tick` *em* _u_ [l](x) # @team www.evil.example é\u{301}|x"

    /// The demo's findings, some of them suppressed (one expired) and all marked against a baseline of the others.
    static func reviewedDemo() throws -> FindingsReport {
        let report = FindingsReport(try DemoAccount.index)
        let first = try #require(report.findings.first), second = try #require(report.findings.dropFirst().first)
        let suppressions = [
            Suppression(rule: first.rule, entity: try #require(first.entities.first?.id), reason: hostile, expires: "2999-01-01"),
            Suppression(rule: second.rule, entity: try #require(second.entities.first?.id), reason: "old", expires: "2000-01-01"),
        ]
        let baseline = try FindingsOutput.data(report.keepingTop(1), format: .json)
        return report.reviewing(suppressions: suppressions, baseline: try Baseline(data: baseline, name: "baseline.json"))
    }

    @Test func inOrderObjectsAreWhatJSONEncoderWrites() throws {
        struct Inner: JSONWritable {
            func write(to json: inout JSONWriter) throws {
                try json.object(inOrder: { json in
                    try json.member(JSONKey("a"), [Inner]())
                    try json.member(JSONKey("b"), String?.none)
                    json.object(key: JSONKey("c")) { _ in }
                    try json.member(JSONKey("d"), ["x": 1, "é": 2])
                    try json.member(JSONKey("e\u{1B}"), FindingsWritingTests.hostile)
                })
            }
        }
        struct Outer: JSONWritable {
            func write(to json: inout JSONWriter) throws {
                try json.object(inOrder: { json in
                    try json.member(JSONKey("absent"), Int?.none)
                    try json.member(JSONKey("inner"), [Inner(), Inner()])
                    try json.object(key: JSONKey("one")) { json in try json.member(JSONKey("only"), true) }
                    try json.member(JSONKey("z"), 7)
                })
            }
        }
        let tree = try Self.expectCanonical(try JSONWriter.data([Outer(), Outer()]))
        guard case .array(let outers) = tree, case .object(let outer) = outers[0] else { Issue.record("not an array of objects"); return }
        #expect(outer.keys.sorted() == ["inner", "one", "z"])
    }

    @Test func findingsJSONIsWhatJSONEncoderWritesOfIt() throws {
        let report = try Self.reviewedDemo()
        #expect(!report.suppressed.isEmpty && report.resolved != nil)
        let tree = try Self.expectCanonical(try FindingsOutput.data(report, format: .json))
        guard case .object(let document) = tree, case .array(let findings)? = document["findings"] else {
            Issue.record("no findings array")
            return
        }
        #expect(findings.count == report.findings.count + report.suppressed.count)
        let hasSuppression = findings.contains { if case .object(let item) = $0 { item["suppression"] != nil } else { false } }
        #expect(hasSuppression)
    }

    @Test func sarifIsWhatJSONEncoderWritesOfIt() throws {
        let report = try Self.reviewedDemo()
        let location = SnapshotLocation(directory: Samples.demo, relativePath: "samples/demo")
        try Self.expectCanonical(try FindingsOutput.data(report, format: .sarif, snapshot: location))
        try Self.expectCanonical(try FindingsOutput.data(report, format: .sarif))
    }

    /// SARIF's message, fingerprint and logical locations are written in pieces: each result still says, as strings
    /// made whole would, "<first entity>: <why>", "kind/id|kind/id", and "kind/id" per entity — hostile names too.
    @Test func sarifResultsSayWhatTheirFindingsSay() throws {
        for index in [try DemoAccount.index, try ReportFormatTests.hostileIndex(named: Self.hostile)] {
            let report = FindingsReport(index)
            let sarif = try Self.expectCanonical(try FindingsOutput.data(report, format: .sarif))
            guard case .object(let log) = sarif, case .array(let runs)? = log["runs"], case .object(let run)? = runs.first,
                  case .array(let results)? = run["results"] else { Issue.record("no results"); return }
            #expect(results.count == report.findings.count)
            for (result, finding) in zip(results, report.findings) {
                guard case .object(let result) = result, case .object(let message)? = result["message"],
                      case .object(let fingerprints)? = result["partialFingerprints"],
                      case .array(let locations)? = result["locations"], case .object(let location)? = locations.first,
                      case .array(let logical)? = location["logicalLocations"] else { Issue.record("no result"); continue }
                let first = finding.entities.first.map { "\(FindingsWording.kind($0.kind)) \($0.description): " } ?? ""
                #expect(message["text"] == .string(first + finding.why))
                let kindsAndIDs = finding.entities.map { "\($0.kind.rawValue)/\($0.id)" }
                #expect(fingerprints["iamgraphEntities/v1"] == .string(kindsAndIDs.joined(separator: "|")))
                let names = logical.map { (location: Tree) -> Tree? in
                    if case .object(let entity) = location { entity["fullyQualifiedName"] } else { nil }
                }
                #expect(names == kindsAndIDs.map { Tree.string($0) })
            }
        }
    }

    /// SARIF's files scanned ahead (`SARIFFileScan`, started with the findings some rules found) give the log they
    /// give scanned at the write: with none of the findings, some of them, all of them, and never started.
    @Test func filesScannedAheadGiveTheSameLog() throws {
        let report = try Self.reviewedDemo()
        let location = SnapshotLocation(directory: Samples.demo, relativePath: "samples/demo")
        let expected = try FindingsOutput.data(report, format: .sarif, snapshot: location)
        let byRule = Dictionary(grouping: report.findings, by: \.rule).sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        for found in [nil, [], Array(byRule.prefix(byRule.count / 2)), byRule] as [[[Finding]]?] {
            let scan = SARIFFileScan(location)
            if let found { scan.start(found: found) }
            var data = Data()
            try FindingsOutput.write(report, format: .sarif, snapshot: location, scan: scan) { data.append($0) }
            #expect(data == expected, "\(found?.count ?? -1) rules' findings")
        }
        #expect(expected.count > 10_000 && String(decoding: expected, as: UTF8.self).contains("\"startLine\""))
    }

    @Test func aHostileFindingIsIntactInEveryFormat() throws {
        let index = try ReportFormatTests.hostileIndex(named: Self.hostile)
        let report = FindingsReport(index)
        let finding = try #require(report.findings.first { $0.rule == .groupWithoutRegionOrResourceGroup })
        #expect(finding.entities.first?.name == Self.hostile)

        let json = try Self.expectCanonical(try FindingsOutput.data(report, format: .json))
        guard case .object(let document) = json, case .array(let items)? = document["findings"] else { Issue.record("no findings"); return }
        let names = items.flatMap { item -> [String] in
            guard case .object(let item) = item, case .array(let entities)? = item["entities"] else { return [] }
            return entities.compactMap { if case .object(let entity) = $0, case .string(let name)? = entity["name"] { name } else { nil } }
        }
        #expect(names.contains(Self.hostile))

        let sarif = try Self.expectCanonical(try FindingsOutput.data(report, format: .sarif))
        #expect(Self.strings(in: sarif).contains { $0.contains(Self.hostile) }, "a result's message names the entity as it is")

        let text = String(decoding: try FindingsOutput.data(report, format: .text), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7F}" })
        #expect(text.contains(TerminalText.clean(Self.hostile)))

        for full in [false, true] {
            let markdown = String(decoding: try FindingsOutput.data(report, format: .markdown, full: full), as: UTF8.self)
            #expect(!markdown.contains("<b>") && !markdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
            guard full else { continue }  // the fitted report cuts long cells
            #expect(markdown.contains(Markdown.escape(Self.hostile)))
            #expect(markdown.contains("`@team` `www.evil.example` é\u{301}\\|x"))
        }
    }

    /// Every string of a JSON value, keys aside.
    static func strings(in tree: Tree) -> [String] {
        switch tree {
        case .null, .bool, .integer: []
        case .string(let value): [value]
        case .array(let values): values.flatMap(strings)
        case .object(let members): members.values.flatMap(strings)
        }
    }

    /// `Markdown.escape` as it was written before words were escaped whole: a character at a time.
    static func escapedACharacterAtATime(_ text: String) -> String {
        func escape(_ character: Character) -> String {
            switch character {
            case "\\", "|", "`", "*", "_", "[", "]", "#": "\\" + String(character)
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\r\n", "\n", "\r": "<br>"
            default: TerminalText.clean(String(character))
            }
        }
        var result = "", word = ""
        func flush() {
            let linkable = word.contains("@") || word.contains("://") || word.range(of: "www.", options: .caseInsensitive) != nil
            result += linkable ? Markdown.escape(word) : word.map(escape).joined()
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                result += escape(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    @Test func markdownEscapesNonASCIITextAsACharacterAtATime() {
        let pieces = ["é", "e\u{301}", "_", "_\u{301}", "|", "\\", "<", ">", "&", "`", "*", "#", "[", "]", "\u{1B}", "\u{202E}",
                      "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\t", "\r\n", "\n", "\r", " ", " \u{301}", "😀",
                      "👩‍👩‍👧", "a", "Z", "0", ":", "w", "W", "@", "ｗ", "ww", ".", "\u{0B}", "\u{0C}", "\u{0C}\u{301}", "\u{1C}",
                      "\u{1F}", "\u{08}", "\u{0E}", "\t\u{301}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<3_000 {
            let text = (0..<(next() % 12 + 1)).map { _ in pieces[next() % pieces.count] }.joined() + "é"
            #expect(Markdown.escape(text) == Self.escapedACharacterAtATime(text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(Markdown.escape("Jörg_Müller | ops@example.com\u{A0}x") == "Jörg\\_Müller \\| `ops@example.com`\u{A0}x")
    }

    /// A table cell is escaped from one scan of its bytes (`Markdown.append`): printable ASCII with and without
    /// linkable words, non-ASCII with and without bytes to escape, every one as a character at a time escapes it.
    @Test func markdownCellsAreEscapedAsACharacterAtATime() {
        let pieces = ["é", "e\u{301}", "_", "|", "\\", "<", ">", "&", "`", "*", "#", "[", "]", "\u{1B}", "\u{202E}", "\u{7F}",
                      "\u{A0}", "\u{2028}", "\t", "\r\n", "\n", " ", " \u{301}", "😀", "a", "Z", "0", ":", "/", "://", "w", "W",
                      "www.", "WwW.", "@", "ｗ", ".", "-", "(", ")", "x.example", "AccessGroupId-12", "crn:v1:bluemix", "→", "_\u{301}",
                      "\u{0600}", "\u{200D}", "[\u{301}", "\u{85}", "\u{0C}\u{301}"]
        let ascii = pieces.filter(\.isPrintableASCII)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for round in 0..<4_000 {
            let source = round.isMultiple(of: 2) ? ascii : pieces
            let text = (0..<(next() % 12 + 1)).map { _ in source[next() % source.count] }.joined()
            #expect(Markdown.row([text]) == "| " + Self.escapedACharacterAtATime(text) + " |\n", "\(text.unicodeScalars.map(\.value))")
        }
        #expect(Markdown.row(["Jörg Müller (IBMid-1)", "a:b c_d", "tab\there", "see www.x.example"])
            == "| Jörg Müller (IBMid-1) | a:b c\\_d | tab here | see `www.x.example` |\n")
    }

    @Test func dayTextIsWhatFoundationWrites() {
        var dates = [-62_135_596_800.0, -62_135_596_800.5, 253_402_300_799, 253_402_300_800, -1, 0, 0.5, 86_399.999,
                     86_400, 951_782_400, 951_868_800, 4_107_542_400, 1_700_000_000]
            .map(Date.init(timeIntervalSince1970:))
        var seconds = -62_135_596_800.0
        while seconds < 253_402_300_800 {
            dates.append(Date(timeIntervalSince1970: seconds))
            seconds += 7_654_321.123
        }
        for date in dates {
            #expect(DayText.of(date) == DayText.formatted(date), "\(date.timeIntervalSince1970)")
        }
    }
}
