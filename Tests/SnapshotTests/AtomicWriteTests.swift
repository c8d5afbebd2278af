import Foundation
import Testing
import TestSupport
@testable import Snapshot

/// How a snapshot write treats what is already there: symbolic links, partial snapshots, leftovers of dead writers,
/// interruptions.
@Suite struct AtomicWriteTests {
    /// A fresh parent directory per test, so that sweeps and locks see only the test's own siblings.
    let parent = TemporaryDirectory.path("iamgraph-write")
    var target: URL { parent.appendingPathComponent("snapshot") }

    init() throws {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    /// A snapshot with `ok` access groups and users, and the collections in `unavailable` forbidden instead.
    func writer(fetchedAt: String = "2026-11-21T00:00:00Z", unavailable: Set<CollectionKind> = [],
                scope: Manifest.Scope = .account) throws -> SnapshotWriter {
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: "acct", fetchedAt: fetchedAt, scope: scope)
        for kind in [CollectionKind.accessGroups, .users] {
            let source = SnapshotWriter.Source(api: "api", endpoint: "/\(kind.name)", query: "", pages: 1)
            if unavailable.contains(kind) {
                writer.addUnavailable(kind, source: source, status: .forbidden, httpStatus: 403, message: "no")
            } else {
                try writer.add(kind, content: [["id": "\(kind.name)-1", "iam_id": "x", "name": "n"]], source: source)
            }
        }
        return writer
    }

    /// The names in the parent directory.
    func siblings() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    }

    /// `placement` as a comparable line: `in place`, or `beside NAME` and the reason.
    func where_(_ placement: SnapshotPlacement) -> String {
        switch placement {
        case .inPlace: "in place"
        case .beside(let url, let reason): "beside \(url.lastPathComponent) in \(url.deletingLastPathComponent().path == parent.path): \(reason)"
        }
    }

    func manifest(_ directory: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appendingPathComponent(Manifest.fileName)))
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let real = parent.appendingPathComponent("real")
        try writer(fetchedAt: "2026-01-01T00:00:00Z").write(to: real)
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: "real")
        let (_, placement) = try writer(fetchedAt: "2026-02-02T00:00:00Z").write(to: target)
        #expect(where_(placement) == "in place")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target.path) == "real")
        #expect(try manifest(real).fetchedAt == "2026-02-02T00:00:00Z")
        #expect(try siblings() == ["real", "snapshot"])
    }

    @Test func aDanglingSymbolicLinkGetsItsTargetCreated() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: "later/real")
        try writer().write(to: target)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target.path) == "later/real")
        #expect(try manifest(parent.appendingPathComponent("later/real")).accountID == "acct")
    }

    @Test func aPartialSnapshotGoesBesideOneItWouldLoseCollectionsOf() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try writer().write(to: target)
        let before = try Data(contentsOf: target.appendingPathComponent(Manifest.fileName))
        let (_, placement) = try writer(fetchedAt: "2026-11-22T10:11:12Z", unavailable: [.users])
            .write(to: target, partial: .keepWhatWouldBeLost)
        let beside = parent.appendingPathComponent("snapshot.partial-20261122T101112Z")
        #expect(where_(placement) == #"beside snapshot.partial-20261122T101112Z in true: wouldLose(["users"])"#)
        #expect(try Data(contentsOf: target.appendingPathComponent(Manifest.fileName)) == before)
        #expect(try manifest(beside).collections["users"]?.status == .forbidden)
        #expect(try siblings() == ["snapshot", "snapshot.partial-20261122T101112Z"])

        // The same second again: a name of its own, nothing overwritten.
        let (_, again) = try writer(fetchedAt: "2026-11-22T10:11:12Z", unavailable: [.users])
            .write(to: target, partial: .keepWhatWouldBeLost)
        #expect(where_(again) == #"beside snapshot.partial-20261122T101112Z-2 in true: wouldLose(["users"])"#)
    }

    @Test func aPartialSnapshotReplacesOneWhenNothingIsLostOrWhenAllowed() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        // A first fetch: nothing to lose.
        #expect(try writer(unavailable: [.users]).write(to: target, partial: .keepWhatWouldBeLost).placement == .inPlace)
        // The same collection missing again: nothing lost.
        #expect(try writer(fetchedAt: "2026-11-23T00:00:00Z", unavailable: [.users])
            .write(to: target, partial: .keepWhatWouldBeLost).placement == .inPlace)
        #expect(try manifest(target).fetchedAt == "2026-11-23T00:00:00Z")
        // Losing access groups as well: kept, unless allowed.
        #expect(try writer(unavailable: [.users, .accessGroups]).write(to: target, partial: .keepWhatWouldBeLost).placement
                != .inPlace)
        #expect(try writer(fetchedAt: "2026-11-24T00:00:00Z", unavailable: [.users, .accessGroups])
            .write(to: target, partial: .replace).placement == .inPlace)
        #expect(try manifest(target).collections["access_groups"]?.status == .forbidden)
    }

    @Test func anIdentitySnapshotGoesBesideOneOfTheWholeAccount() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try writer(fetchedAt: "2026-11-21T00:00:00Z").write(to: target, partial: .keepWhatWouldBeLost)
        let identity = try writer(fetchedAt: "2026-11-22T10:11:12Z", scope: .identity("IBMid-1"))
        let (_, placement) = try identity.write(to: target, partial: .keepWhatWouldBeLost)
        #expect(where_(placement) == "beside snapshot.partial-20261122T101112Z in true: otherScope(account)")
        #expect(try manifest(target).scope == .account)
        // The same identity again replaces its own; another identity's does not; .replace (--allow-partial) does.
        let beside = parent.appendingPathComponent("snapshot.partial-20261122T101112Z")
        #expect(try where_(identity.write(to: beside, partial: .keepWhatWouldBeLost).placement) == "in place")
        let other = try writer(fetchedAt: "2026-11-23T00:00:00Z", scope: .identity("IBMid-2"))
        #expect(try where_(other.write(to: beside, partial: .keepWhatWouldBeLost).placement).hasPrefix("beside"))
        #expect(try where_(identity.write(to: target, partial: .replace).placement) == "in place")
        #expect(try manifest(target).scope == .identity("IBMid-1"))
    }

    @Test func aPartialSnapshotDoesNotReplaceOneWhoseManifestCannotBeRead() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: target.appendingPathComponent(Manifest.fileName))
        let (_, placement) = try writer(unavailable: [.users]).write(to: target, partial: .keepWhatWouldBeLost)
        #expect(where_(placement) == "beside snapshot.partial-20261121T000000Z in true: unreadableManifest")
        #expect(try Data(contentsOf: target.appendingPathComponent(Manifest.fileName)) == Data("{ not json".utf8))
    }

    @Test func aManifestLinkedFromOutsideTheDirectoryIsNotRead() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let outside = parent.appendingPathComponent("elsewhere")
        try writer().write(to: outside, partial: .keepWhatWouldBeLost)
        #expect(SnapshotWriter.existingManifest(in: outside) != nil)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: target.appendingPathComponent(Manifest.fileName),
                                                   withDestinationURL: outside.appendingPathComponent(Manifest.fileName))
        #expect(SnapshotWriter.existingManifest(in: target) == nil)
        let (_, placement) = try writer(unavailable: [.users]).write(to: target, partial: .keepWhatWouldBeLost)
        #expect(where_(placement) == "beside snapshot.partial-20261121T000000Z in true: unreadableManifest")
    }

    @Test func stagingLeftByADeadWriterIsSweptButNeverWhileAWriterHoldsTheLock() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try writer().write(to: target)
        let leftover = parent.appendingPathComponent(".snapshot.partial-99999-1")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("volatile"), withIntermediateDirectories: true)
        try Data(count: 1000).write(to: leftover.appendingPathComponent("users.json"))
        let other = parent.appendingPathComponent(".other.partial-99999-1")  // another snapshot's: not ours to judge
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)

        do {
            let live = try #require(try DirectoryLock.acquire(parent))  // a writer at work in this directory
            #expect(SnapshotWriter.removeStaleStaging(beside: target).isEmpty)
            #expect(FileManager.default.fileExists(atPath: leftover.path))
            withExtendedLifetime(live) {}
        }
        #expect(SnapshotWriter.removeStaleStaging(beside: target).map(\.path) == [leftover.path])
        #expect(try siblings() == [".other.partial-99999-1", "snapshot"])
    }

    /// A writer that died between moving the old snapshot aside and the new one in (file systems without an atomic
    /// exchange) left the old one hidden: the next sweep puts it back.
    @Test func aSnapshotLeftAsideByADeadWriterIsPutBack() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let aside = parent.appendingPathComponent(".snapshot.previous-99999-1")
        try writer().write(to: aside)
        #expect(SnapshotWriter.removeStaleStaging(beside: target).map(\.path) == [aside.path])
        #expect(try manifest(target).accountID == "acct")
        #expect(try siblings() == ["snapshot"])
    }

    @Test func anInterruptionBeforeTheWriteChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try writer().write(to: target)
        let before = try Data(contentsOf: target.appendingPathComponent(Manifest.fileName))
        let interruption = WriteInterruption()
        let stopped = Flag()
        interruption.interrupt { stopped.set() }
        #expect(stopped.isSet)
        #expect(throws: SnapshotWriteError.self) {
            try writer(fetchedAt: "2026-12-01T00:00:00Z").write(to: target, interruption: interruption)
        }
        #expect(try Data(contentsOf: target.appendingPathComponent(Manifest.fileName)) == before)
        #expect(try siblings() == ["snapshot"])
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
