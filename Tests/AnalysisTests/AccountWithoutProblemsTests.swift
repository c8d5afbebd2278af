import Analysis
import Foundation
import Model
import Reports
import Snapshot
import Testing
import TestSupport

/// `report` loads the account without the reference check (`AccountLoader.account`), whose problems it never shows:
/// the account is the one `load` gives, so the report is byte for byte the same.
@Suite struct AccountWithoutProblemsTests {
    @Test(arguments: [Samples.demo, Samples.enterprise])
    func theReportIsTheSame(_ directory: URL) throws {
        let alone = AccountLoader.account(try SnapshotReader.load(directory))
        let loaded = AccountLoader.load(try SnapshotReader.load(directory)).account
        let mine = FindingsReport(AccessIndex(alone)), theirs = FindingsReport(AccessIndex(loaded))
        #expect(mine.findings == theirs.findings && mine.gaps == theirs.gaps)
        #expect(try FindingsOutput.data(mine, format: .json) == FindingsOutput.data(theirs, format: .json))
        #expect(alone.unknown == loaded.unknown)
    }

    /// A dangling reference is a problem of `load`, and nothing else: the account alone still holds the membership.
    @Test func aDanglingReferenceChangesNothingButTheProblems() throws {
        let read = try SnapshotReader.load(Samples.demo)
        var files = read.files
        let members = try #require(files[.accessGroupMembers])
        var object = try #require(try JSONSerialization.jsonObject(with: members) as? [String: Any])
        object["AccessGroupId-gone"] = object.values.first
        files[.accessGroupMembers] = try JSONSerialization.data(withJSONObject: object)
        let snapshot = LoadedSnapshot(directory: read.directory, manifest: read.manifest, files: files, unknown: read.unknown,
                                      policyUsage: read.policyUsage, activity: read.activity, mfa: read.mfa,
                                      problems: read.problems)
        let loaded = AccountLoader.load(snapshot)
        #expect(loaded.problems.contains { $0.message.hasPrefix("members of unknown access group \"AccessGroupId-gone\"") })
        let alone = AccountLoader.account(snapshot)
        #expect(alone.accessGroups.map(\.id) == loaded.account.accessGroups.map(\.id))
        #expect(alone.accessGroups.map(\.members.count) == loaded.account.accessGroups.map(\.members.count))
    }
}
