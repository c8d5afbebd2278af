import Foundation
import Testing
@testable import Model
@testable import Snapshot
import TestSupport

/// The loader frees each collection file's bytes once it has decoded it (`CollectionFiles`), so that a snapshot's
/// raw files are not all held beside the account built from them; what it loads must not depend on it.
@Suite struct FilesFreedWhileDecodingTests {
    /// The kinds whose bytes were freed, in the order they were.
    final class FreeLog: @unchecked Sendable {
        private let lock = NSLock()
        private var kinds: [CollectionKind] = []

        func freed(_ kind: CollectionKind) { lock.withLock { kinds.append(kind) } }
        var order: [CollectionKind] { lock.withLock { kinds } }
    }

    /// `snapshot` with a copy of each collection file whose bytes tell `log` when they are freed.
    func tracked(_ snapshot: LoadedSnapshot, _ log: FreeLog) -> LoadedSnapshot {
        var files: [CollectionKind: Data] = [:]
        for (kind, data) in snapshot.files {
            let bytes = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
            data.copyBytes(to: bytes.assumingMemoryBound(to: UInt8.self), count: data.count)
            files[kind] = Data(bytesNoCopy: bytes, count: data.count, deallocator: .custom { bytes, _ in
                bytes.deallocate()
                log.freed(kind)
            })
        }
        return LoadedSnapshot(directory: snapshot.directory, manifest: snapshot.manifest, files: files,
                              unknown: snapshot.unknown, policyUsage: snapshot.policyUsage, activity: snapshot.activity,
                              mfa: snapshot.mfa, problems: snapshot.problems)
    }

    /// What a test compares of two loads: every problem, and every collection (`Equatable`) of the account.
    func expectSame(_ a: (account: IAMAccount, problems: [ValidationProblem]),
                    _ b: (account: IAMAccount, problems: [ValidationProblem])) {
        #expect(a.problems == b.problems)
        let (x, y) = (a.account, b.account)
        #expect(x.info == y.info && x.users == y.users && x.serviceIDs == y.serviceIDs)
        #expect(x.trustedProfiles == y.trustedProfiles && x.accessGroups == y.accessGroups)
        #expect(x.accessGroupSettings == y.accessGroupSettings)
        #expect(x.accessPolicies == y.accessPolicies && x.authorizationPolicies == y.authorizationPolicies)
        #expect(x.roles == y.roles && x.policyTemplates == y.policyTemplates && x.policyAssignments == y.policyAssignments)
        #expect(x.resourceGroups == y.resourceGroups && x.resourceInstances == y.resourceInstances)
        #expect(x.apiKeys == y.apiKeys && x.identitySettings == y.identitySettings && x.resourceKeys == y.resourceKeys)
        #expect(x.cbrZones == y.cbrZones && x.cbrRules == y.cbrRules && x.cbrAccountSettings == y.cbrAccountSettings)
        #expect(x.identityProviders == y.identityProviders && x.loginSettings == y.loginSettings)
        #expect(x.unknown == y.unknown)
        for kind in CollectionKind.allCases {
            #expect(x.collections.count(kind) == y.collections.count(kind), "\(kind.name)")
        }
    }

    /// Each file is freed once decoded, while the loader goes on with the next: the files one thread decodes first
    /// are freed before those it decodes last, and every file is freed by the time the account is built.
    @Test func eachFileIsFreedOnceDecoded() throws {
        let snapshot = try SnapshotReader.load(Samples.enterprise)
        let log = FreeLog()
        let freeing = tracked(snapshot, log)
        let held = Set(freeing.files.keys)
        _ = AccountLoader.load(consume freeing)
        #expect(Set(log.order) == held)
        let order = log.order
        func position(_ kind: CollectionKind) throws -> Int { try #require(order.firstIndex(of: kind), "\(kind.name)") }
        // The main thread decodes the identities and groups first and the rest (account, roles, resources) after;
        // the policy thread decodes the access policies, then the authorizations.
        for early in [CollectionKind.users, .accessGroups, .accessGroupMembers] {
            for late in [CollectionKind.roles, .resourceGroups, .resourceInstances] {
                #expect(try position(early) < position(late), "\(early.name) freed before \(late.name)")
            }
        }
        #expect(try position(.accessPolicies) < position(.authorizationPolicies))
    }

    /// A snapshot whose files the loader frees loads the same account, with the same problems, as one whose files
    /// the caller keeps (an export of the raw collections does) — and the kept files are still there after.
    @Test(arguments: ["demo", "enterprise"])
    func freedOrKeptLoadsTheSameAccount(sample: String) throws {
        let directory = sample == "demo" ? Samples.demo : Samples.enterprise
        let kept = try SnapshotReader.load(directory)
        let before = kept.files
        let withKept = AccountLoader.load(kept)
        #expect(kept.files == before)
        expectSame(withKept, try AccountLoader.load(directory: directory))
    }

    /// A collection file that does not decode reports the same problems, and leaves the same collections unknown,
    /// whether its bytes are freed or kept; the files after it are still decoded.
    @Test func malformedFileReportsTheSameProblems() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        try fixture.replace("users.json", with: "[{\"iam_id\": \"IBMid-1\", \"email\": [\"not text\"]}, {\"iam_id\":")
        try fixture.replace("policies-access.json", with: "{\"not\": \"a list\"}")
        let kept = try SnapshotReader.load(fixture.directory)
        let withKept = AccountLoader.load(kept)
        let freed = try AccountLoader.load(directory: fixture.directory)
        expectSame(withKept, freed)
        #expect(freed.problems.contains { $0.file == "users.json" && $0.severity == .error })
        #expect(freed.problems.contains { $0.file == "policies-access.json" && $0.severity == .error })
        #expect(freed.account.unknown[.users] == .unreadable && freed.account.unknown[.accessPolicies] == .unreadable)
        #expect(freed.account.accessGroups.map(\.id) == ["AccessGroupId-ops"])
        #expect(freed.account.accessGroups.first?.members.map(\.iamID) == ["IBMid-1"])
    }
}
