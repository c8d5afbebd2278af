import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// `SnapshotRedaction` writes a canonical file from its token tape and anything else from Foundation's values
/// (`CanonicalRewrite`): both ways give the same bytes, and the tape is taken only for text it can vouch for.
@Suite struct RedactionPathsTests {
    /// Both ways of redacting `data`; the tape's is `nil` when it leaves the text to Foundation.
    static func bothWays(_ data: Data, _ collection: CollectionKind?, groupIDs: [String: String] = [:])
        -> (tape: Data?, foundation: Data?) {
        let redactor = Redactor(collection: collection, accountID: "a1b2c3", groupIDs: groupIDs)
        return (CanonicalRewrite.fromTape(data, rewriter: redactor),
                CanonicalRewrite.fromFoundationValues(data, rewriter: redactor))
    }

    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everySampleFileTakesTheTapeAndGivesFoundationsBytes(_ sample: URL) throws {
        let snapshot = try SnapshotReader.load(sample)
        let groupIDs = SnapshotRedaction.groupIDsByName(snapshot.files[.accessGroups])
        var files: [(CollectionKind?, Data)] = snapshot.files.map { ($0.key, $0.value) }
        files += [snapshot.activity, snapshot.mfa].compactMap { $0 }.map { (nil, $0) }
        #expect(files.count > 10)
        var changed = 0
        for (collection, data) in files {
            let (tape, foundation) = Self.bothWays(data, collection, groupIDs: groupIDs)
            #expect(tape != nil, "\(collection?.rawValue ?? "a volatile file") is canonical")
            #expect(tape == foundation, "\(collection?.rawValue ?? "a volatile file")")
            if tape != data { changed += 1 }
        }
        #expect(changed >= 10, "names and free text are replaced in most files")
    }

    /// Hostile text in canonical files of every kind of object the redaction treats its own way.
    @Test(arguments: [CollectionKind.users, .accessGroupTemplates, .trustedProfileTemplates, .roles, .account, nil])
    func hostileCanonicalTextGivesFoundationsBytes(_ collection: CollectionKind?) throws {
        var items: [[String: Any]] = []
        for (index, name) in SnapshotRedactionTests.hostileNames.enumerated() {
            items.append([
                "iam_id": index == 1 ? "iam-ServiceId-\(name)" : "IBMid-\(index) \(name)", "id": "id-\(index) \(name)",
                "crn": "crn:v1:bluemix:public:iam::::customRole:\(name)", "name": name, "display_name": name,
                "firstname": name, "lastname": name, "email": name, "user_id": name, "realm": index == 0 ? "IBMid" : name,
                "description": name, "realm_name": name, "count": index * 1_000_003, "flag": index % 2 == 0,
                "nothing": NSNull(),
                "rules": [["claim": name, "operator": "EQUALS", "value": name],
                          ["name": "serviceName", "operator": "stringEquals", "value": name],
                          ["key": "k", "value": [name, index]]],
                "group": ["name": index == 0 ? "Known group" : name, "description": name, "members": [["iam_id": name]]],
                "profile": ["name": name, "description": name],
                "nested": [["guid": name, "name": name], ["guid": index, "name": name], [[name]]],
            ])
        }
        let file = try CanonicalJSON.data(items)
        let (tape, foundation) = Self.bothWays(file, collection, groupIDs: ["Known group": "AccessGroupId-known"])
        #expect(tape != nil)
        #expect(tape == foundation)
        let text = String(decoding: try #require(tape), as: UTF8.self)
        let description = SnapshotRedactionTests.hostileNames[0]
        #expect(text.contains(SnapshotRedaction.pseudonym("description", description)))
    }

    /// Text the tape cannot vouch for gives `nil` there, and the redaction still writes what Foundation's values give.
    @Test(arguments: [
        #"[{"description": "\ud800 lone surrogate", "id": "x"}]"#,  // Foundation reads lone surrogates its own way
        #"[{"id": "x", "id": "y", "name": "twice"}]"#,  // a repeated key
        #"[{"name": "unsorted", "id": "x"}]"#,  // keys out of Foundation's order
        #"[{"id": "x", "name": "fraction", "ratio": 1.50}]"#,  // a number Foundation spells its own way
        #"[{"id": "x", "n\u0061me": "escaped key"}]"#,  // a key with an escape
    ])
    func textTheTapeCannotVouchForIsLeftToFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        let (tape, foundation) = Self.bothWays(data, .users)
        #expect(tape == nil)
        let redactor = Redactor(collection: .users, accountID: "a1b2c3", groupIDs: [:])
        #expect(CanonicalRewrite.data(data, rewriter: redactor) == foundation)
        // Foundation refuses a lone surrogate: the file is then dropped, never passed through unredacted.
        guard let foundation else { return #expect(text.contains(#"\ud800"#)) }
        let written = String(decoding: foundation, as: UTF8.self)
        #expect(!written.contains("fraction") && !written.contains("unsorted") && !written.contains("escaped key"))
        #expect(!written.contains("twice"))
    }
}
