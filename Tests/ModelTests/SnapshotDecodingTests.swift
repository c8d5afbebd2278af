import Foundation
import Testing
@testable import Model
@testable import Snapshot
import TestSupport

/// Every file of the bundled samples is read by `SnapshotDecoder`'s own tape — not handed to `JSONDecoder`, which
/// would double the cost of loading — and decodes to the values `JSONDecoder` gives, as the type its collection's
/// registration declares (`CollectionRegistration.file`), every item decoding: a new collection is checked with no
/// edit here.
@Suite struct SnapshotDecodingTests {
    static func same<T: Decodable, P: Equatable>(_ type: T.Type, _ data: Data, _ project: (T) -> P) -> Bool {
        guard let fast = SnapshotDecoder.fastDecode(type, from: data),
              let theirs = try? JSONDecoder().decode(type, from: data) else { return false }
        return project(fast) == project(theirs)
    }

    @Test(arguments: ["demo", "enterprise"])
    func theTapeReadsEveryFileOfTheSample(name: String) throws {
        let snapshot = try SnapshotReader.load(Samples.directory.appendingPathComponent(name))
        #expect(snapshot.files.count == CollectionKind.allCases.count)
        for (kind, data) in snapshot.files {
            let file = kind.registration.file
            #expect(file.check(data) == .same, "\(name)/\(kind.fileName) as \(file.name)")
        }
        if let usage = snapshot.policyUsage {
            #expect(Self.same([String: PolicyUsage].self, usage) { $0.mapValues { [$0.lastPermitAt?.raw, $0.lastPermitFrequency.map(String.init)] } })
        }
        if let activity = snapshot.activity { #expect(Self.same(ActivityReport.self, activity) { $0 }) }
        if let mfa = snapshot.mfa { #expect(Self.same(MFAReport.self, mfa) { $0 }) }
    }

    /// A file of the declared type passes; one with an item of another type does not, so a registration declaring
    /// the wrong type fails the sample check above.
    @Test func aFileWithAnItemOfAnotherTypeIsNotTheSame() {
        let users = CollectionKind.users.registration.file
        #expect(users.check(Data(#"[{"iam_id": "IBMid-1"}, {"iam_id": "IBMid-2", "email": "a@example.com"}]"#.utf8)) == .same)
        #expect(users.check(Data(#"[{"iam_id": "IBMid-1"}, {"iam_id": 7}]"#.utf8)) == .declined)
        #expect(users.check(Data(#"{"iam_id": "IBMid-1"}"#.utf8)) == .declined)
    }
}
