import Analysis
import Foundation
@testable import Model
@testable import Reports
import Snapshot
import Testing

/// The streaming JSON writer: the same bytes as `JSONEncoder` (what the documents were written with before), and
/// big documents handed to the sink a block at a time instead of whole.
@Suite struct JSONStreamingTests {
    static let hostile = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\"quoted\" back\\slash /slash/ \u{7F} é 😀 e\u{301} \u{2028}\u{2029} <b>&</b> \u{202E}txet \u{FEFF}"

    /// A value with everything a document can hold, written by `JSONEncoder`.
    struct Encoded: Encodable {
        let text: String
        let number: Int
        let negative: Int
        let flag: Bool
        let absent: String?
        let nothing: String?
        let empty: [String]
        let emptyObject: [String: Int]
        let nested: [[Int]]
        let keys: [String: String]
        let child: Child?

        struct Child: Encodable {
            let a_b: String
            let aB: String
            let ab: [Child]
        }

        enum CodingKeys: String, CodingKey {
            case text, number, negative, flag, absent, nothing, empty, nested, keys, child
            case emptyObject = "empty_object"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(number, forKey: .number)
            try container.encode(negative, forKey: .negative)
            try container.encode(flag, forKey: .flag)
            try container.encodeIfPresent(absent, forKey: .absent)
            try container.encode(nothing, forKey: .nothing)  // an explicit null
            try container.encode(empty, forKey: .empty)
            try container.encode(emptyObject, forKey: .emptyObject)
            try container.encode(nested, forKey: .nested)
            try container.encode(keys, forKey: .keys)
            try container.encodeIfPresent(child, forKey: .child)
        }
    }

    /// The same value, written by `JSONWriter`.
    struct Written: JSONObject {
        let value: Encoded

        var members: [JSONMember] {
            JSONMember.list(["text": value.text, "number": value.number, "negative": value.negative, "flag": value.flag,
                             "absent": value.absent, "nothing": JSONNullable(value.nothing), "empty": value.empty,
                             "empty_object": value.emptyObject, "nested": value.nested, "keys": value.keys,
                             "child": value.child.map(Child.init)])
        }

        struct Child: JSONObject {
            let child: Encoded.Child

            var members: [JSONMember] {
                JSONMember.list(["a_b": child.a_b, "aB": child.aB, "ab": child.ab.map(Child.init)])
            }
        }
    }

    static let sample = Encoded(
        text: hostile, number: Int.max, negative: Int.min, flag: false, absent: nil, nothing: nil, empty: [],
        emptyObject: [:], nested: [[1, -2], [], [0]],
        keys: ["Z": "upper", "_": "underscore", "a": "lower", "A": "A", "item10": "10", "item2": "2", "$schema": "$",
               "é": "e acute", "e": "e", "f": "f", "\u{FF46}": "fullwidth f", "\u{10000}": "linear b", hostile: hostile],
        child: .init(a_b: "1", aB: hostile, ab: [.init(a_b: "", aB: "", ab: [])]))

    @Test func writesTheBytesOfJSONEncoder() throws {
        let encoded = try CanonicalJSON.data(encoding: Self.sample)
        #expect(try JSONWriter.data(Written(value: Self.sample)) == encoded)
        #expect(try JSONWriter.data([Self.sample, Self.sample].map(Written.init)) == CanonicalJSON.data(encoding: [Self.sample, Self.sample]))
        #expect(try JSONWriter.data([String]()) == CanonicalJSON.data(encoding: [String]()))
        #expect(try JSONWriter.data(JSONElements(count: 3) { ["element \($0)", Self.hostile] })
                == CanonicalJSON.data(encoding: (0..<3).map { ["element \($0)", Self.hostile] }))
    }

    /// A fragment's bytes stand for its value at the level it was written for, and the value is written again at
    /// any other level.
    @Test func fragmentsAreTheirValueAtAnyLevel() throws {
        let value = Written(value: Self.sample)
        let fragment = try JSONFragment(value, depth: 2)
        let expected = try CanonicalJSON.data(encoding: ["outer": [["inner": Self.sample]]])
        #expect(try JSONWriter.data(["outer": [["inner": fragment]]]) == expected)
        #expect(try JSONWriter.data(fragment) == CanonicalJSON.data(encoding: Self.sample))
        #expect(try JSONWriter.data(["outer": fragment]) == CanonicalJSON.data(encoding: ["outer": Self.sample]))
    }

    /// A template writes the object its shared and own members make, at the level it was made for and at any other.
    @Test func objectTemplatesAreTheirObjectAtAnyLevel() throws {
        let shared = [JSONMember("b", Self.hostile), JSONMember("z", [1, 2]), JSONMember("aa", Written(value: Self.sample))]
        let template = try JSONObjectTemplate(shared: shared, own: ["m", "a"], depth: 1)
        struct Row: JSONWritable {
            let template: JSONObjectTemplate
            let own: [any JSONWritable]
            func write(to json: inout JSONWriter) throws { try template.write(own, to: &json) }
        }
        let rows = [Row(template: template, own: [Self.hostile, 7]), Row(template: template, own: ["second", -1])]
        let objects = rows.map { row in
            JSONMembers(members: shared + [JSONMember("m", row.own[0]), JSONMember("a", row.own[1])])
        }
        #expect(try JSONWriter.data(rows) == JSONWriter.data(objects))
        #expect(try JSONWriter.data(["outer": rows]) == JSONWriter.data(["outer": objects]))
        #expect(try JSONWriter.data(rows[0]) == JSONWriter.data(objects[0]))
    }

    /// An object of literal members, written as `json.object` writes them.
    struct JSONMembers: JSONObject {
        let members: [JSONMember]
    }

    // MARK: - Documents reach the sink a block at a time

    /// Many members of one access group with an account-wide policy, and as many users in no group.
    static func crowd(granted: Bool = true) throws -> IAMAccount {
        let members = try (0..<4000).map { try Fixture.user(String(format: "IBMid-%05d", $0), "Member \($0) \(hostile)") }
        let loners = try (0..<4000).map { try Fixture.user(String(format: "IBMid-L%05d", $0), "Loner \($0)") }
        return try Fixture.account(
            users: members + loners,
            groups: [try Fixture.group("AccessGroupId-crowd", "Crowd \(hostile)", members: members.map(\.iamID))],
            policies: granted ? [Fixture.policy("p-crowd", group: "AccessGroupId-crowd", roles: [Fixture.viewer, Fixture.reader],
                                                [Fixture.attr("serviceName", "kms")])] : [],
            instances: [try Fixture.instance("vault \(hostile)", guid: "guid-vault")])
    }

    /// What a writer handed to its sink: the blocks, in order.
    final class Blocks {
        var all: [Data] = []
        var document: Data { all.reduce(into: Data()) { $0.append($1) } }
        func sink(_ data: Data) { all.append(data) }
    }

    /// Every block is about a megabyte (the last may be smaller), and there are as many as the document needs.
    static func expectStreamed(_ blocks: Blocks, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let size = blocks.all.map(\.count).reduce(0, +)
        #expect(size > 3 << 20, "the document is big enough to need several blocks", sourceLocation: sourceLocation)
        #expect(blocks.all.count >= size >> 20, sourceLocation: sourceLocation)
        #expect(blocks.all.allSatisfy { $0.count < 3 << 19 }, sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: blocks.document) as? [String: Any],
                            sourceLocation: sourceLocation)
    }

    @Test func accessJSONIsWrittenABlockAtATime() throws {
        let index = AccessIndex(try Self.crowd())
        let blocks = Blocks()
        try ResourceAccessReport(resource: "guid-vault", in: index).write(.json, to: blocks.sink)
        let document = try Self.expectStreamed(blocks)
        let rows = try #require(document["access"] as? [[String: Any]])
        let members = rows.filter { ($0["holder"] as? [String: Any])?["kind"] as? String == "user" }
        #expect(members.count == 4000)
        #expect(rows.count == 4001)  // and the group itself
        #expect((members.first?["holder"] as? [String: Any])?["name"] as? String == "Member 0 \(Self.hostile)")
        #expect(members.allSatisfy { ($0["path_text"] as? String)?.contains("Crowd \(Self.hostile)") == true })
    }

    @Test func findingsJSONAndSARIFAreWrittenABlockAtATime() throws {
        let report = FindingsReport(AccessIndex(try Self.crowd()))
        let json = Blocks(), sarif = Blocks()
        try FindingsOutput.write(report, format: .json, to: json.sink)
        try FindingsOutput.write(report, format: .sarif, to: sarif.sink)
        let findings = try #require(try Self.expectStreamed(json)["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["rule"] as? String == RuleID.userInNoGroup.rawValue }.count == 4000)
        let runs = try #require(try Self.expectStreamed(sarif)["runs"] as? [[String: Any]])
        #expect((runs.first?["results"] as? [Any])?.count == findings.count)
    }

    @Test func diffJSONIsWrittenABlockAtATime() throws {
        let diff = try SnapshotDiff(old: Self.crowd(granted: false), new: Self.crowd())
        let blocks = Blocks()
        try DiffJSON.write(diff, sources: DiffSources(old: "old", new: "new"), to: blocks.sink)
        let access = try #require(try Self.expectStreamed(blocks)["access"] as? [[String: Any]])
        #expect(access.count == 4000)
    }
}

/// Markdown's byte-wise escaping of printable ASCII gives what the character-wise escaping gives.
@Suite struct MarkdownASCIITests {
    /// Printable ASCII strings rich in what Markdown escapes, code-spans or leaves alone, from a fixed seed.
    static let samples: [String] = {
        let pieces = ["a", "Z", "_", ":", "|", "\\", "`", "``", "*", "[", "]", "#", "<", ">", "&", "@", "://", "www.",
                      "WwW.", "crn:v1:bluemix", "dev-*", "x_y", " ", "  ", "9", ".", "-", "(", ")", "~", "!"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<3000).map { _ in (0..<(1 + next() % 12)).map { _ in pieces[next() % pieces.count] }.joined() }
    }()

    @Test func asciiCellsEscapeAsAnyOtherText() {
        for text in Self.samples {
            // A non-ASCII word after a space sends the text down the character-wise path and escapes to itself.
            #expect(Markdown.escape(text + " é") == Markdown.escape(text) + " é", "\(text)")
        }
    }
}
