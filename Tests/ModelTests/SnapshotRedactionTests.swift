import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// `SnapshotRedaction` on hostile text: pseudonyms are a fixed function of their input, every name is replaced
/// whatever it holds, and what is kept (ids, states, numbers, keys) reads back exactly as it was written.
@Suite struct SnapshotRedactionTests {
    /// Text no pseudonym can contain; every hostile name carries it.
    static let marker = "ZQX"

    /// Names that break careless code: quotes, backslashes, NUL and other controls, ESC sequences, HTML, non-ASCII
    /// (combining marks, an emoji outside the BMP, right-to-left text) and a megabyte of text.
    static let hostileNames = [
        "ZQX \"quoted\" \\ back\\slash / slash",
        "ZQX nul\u{0}byte \u{1}\u{1F}\u{7F}",
        "ZQX \u{1B}[31mred\u{1B}[0m \u{1B}]8;;https://evil.example\u{7}link",
        "ZQX <b>html</b> &amp; <script>alert(1)</script>",
        "ZQX Zoë e\u{301} 😀 שלום \u{202E}reversed",
        "ZQX " + String(repeating: "megabyte ", count: 120_000),
    ]

    @Test func pseudonymsAreEightHexOfSHA256() {
        // FIPS 180-2's test vector: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad.
        #expect(SHA256Digest.hex(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SnapshotRedaction.pseudonym("user", "abc") == "user-ba7816bf")
        #expect(SnapshotRedaction.pseudonym("group", "") == "group-e3b0c442")
        #expect(SnapshotRedaction.email(ofIAMID: "abc") == "user-ba7816bf@redacted.invalid")
    }

    @Test func theSameInputAlwaysGivesTheSamePseudonymAndDifferentInputsDifferentOnes() {
        let megabyte = String(repeating: "x", count: 1 << 20)
        let inputs = Self.hostileNames + [
            "", "\u{0}", "\u{0}\u{0}", "e\u{301}", "\u{E9}", megabyte + "a", megabyte + "b", "a" + megabyte, "b" + megabyte,
        ]
        let pseudonyms = inputs.map { SnapshotRedaction.pseudonym("user", $0) }
        #expect(inputs.map { SnapshotRedaction.pseudonym("user", $0) } == pseudonyms)
        #expect(Set(pseudonyms).count == inputs.count)
        for pseudonym in pseudonyms {
            #expect(pseudonym.utf8.count == "user-".utf8.count + 8)
            #expect(pseudonym.dropFirst(5).allSatisfy { "0123456789abcdef".contains($0) })
        }
    }

    @Test func hostileNamesAreReplacedAndEverythingElseReadsBackUnchanged() throws {
        let demo = try SnapshotReader.load(Samples.demo)
        var users: [[String: Any]] = []
        for (index, name) in Self.hostileNames.enumerated() {
            users.append([
                "iam_id": "IBMid-\(index) \"id\" \u{1B}[1m é",  // ids are kept, whatever they hold
                "id": "user-\(index)", "firstname": name, "lastname": name, "email": name + "@evil.example",
                "user_id": name, "state": "st\"ate\\ \u{0}\u{1B}[1m é 😀 \(index)",
                "näme ✓": "kept \u{0} é", "numbers": [0, -1, 123_456_789_012_345, 1.5, -0.25, 1e300, true, false, NSNull()],
                "phonenumber": name, "description": name,
            ])
        }
        // Two users with the same IAM id share their pseudonym; users with different ones do not.
        users.append(["iam_id": "IBMid-0 \"id\" \u{1B}[1m é", "id": "twin", "firstname": "ZQX twin", "email": "ZQX@twin"])
        let file = try JSONSerialization.data(withJSONObject: users)
        let snapshot = LoadedSnapshot(directory: demo.directory, manifest: demo.manifest, files: [.users: file],
                                      unknown: [:], policyUsage: nil, activity: nil, mfa: nil, problems: [])

        let redacted = try #require(SnapshotRedaction.redact(snapshot).files[.users])
        #expect(SnapshotRedaction.redact(snapshot).files[.users] == redacted, "redaction is deterministic")
        let text = String(decoding: redacted, as: UTF8.self)
        #expect(!text.contains(Self.marker) && !text.contains("evil") && !text.contains("megabyte"))
        #expect(redacted.count < 100_000, "the megabyte name is gone")

        let read = try #require(try JSONSerialization.jsonObject(with: redacted) as? [[String: Any]])
        let original = try #require(try JSONSerialization.jsonObject(with: file) as? [[String: Any]])
        try #require(read.count == users.count)
        for (before, after) in zip(original, read) {
            let iamID = try #require(before["iam_id"] as? String)
            let alias = SnapshotRedaction.pseudonym("user", iamID)
            #expect(after["iam_id"] as? String == iamID)
            #expect(after["id"] as? String == before["id"] as? String)
            #expect(after["firstname"] as? String == alias)
            #expect(after["email"] as? String == alias + "@redacted.invalid")
            if before["lastname"] != nil { #expect(after["lastname"] as? String == "") }
            if before["state"] != nil {
                #expect(after["state"] as? String == before["state"] as? String)
                #expect(after["näme ✓"] as? String == "kept \u{0} é")
                #expect(try Self.foundationText(after["numbers"]) == Self.foundationText(before["numbers"]))
                let name = try #require(before["description"] as? String)
                #expect(after["description"] as? String == SnapshotRedaction.pseudonym("description", name))
                #expect(after["phonenumber"] as? String == SnapshotRedaction.pseudonym("phonenumber", name))
            }
        }
        #expect(read[0]["firstname"] as? String == read[users.count - 1]["firstname"] as? String)
        #expect(Set(read.map { $0["firstname"] as? String ?? "" }).count == Self.hostileNames.count)
    }

    /// The value as Foundation writes it, to compare numbers as Foundation reads them.
    static func foundationText(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.fragmentsAllowed]),
               as: UTF8.self)
    }
}
