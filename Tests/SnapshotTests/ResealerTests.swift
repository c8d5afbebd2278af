import Foundation
import Snapshot
import Testing
import TestSupport

/// Re-sealing: an edited snapshot validates again, says it was re-sealed, and loses nothing; a failed re-seal changes
/// nothing.
@Suite struct ResealerTests {
    /// A copy of samples/demo in a temporary directory.
    static func demoCopy() throws -> (root: URL, snapshot: URL) {
        let root = try TemporaryDirectory.make("iamgraph-reseal")
        let snapshot = root.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        return (root, snapshot)
    }

    /// `users.json` with one user's email changed, as a hand edit would leave it (not canonical).
    static func editUsers(_ snapshot: URL) throws {
        let file = snapshot.appendingPathComponent(CollectionKind.users.fileName)
        var users = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        users[0]["email"] = "edited@example.com"
        try JSONSerialization.data(withJSONObject: users).write(to: file)
    }

    static func files(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        let base = directory.resolvingSymlinksInPath().path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[String(url.resolvingSymlinksInPath().path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func theMismatchSaysHowToKeepAnEdit() throws {
        let (root, snapshot) = try Self.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.editUsers(snapshot)
        let problems = try SnapshotReader.load(snapshot).problems
        let mismatch = try #require(problems.first { $0.message.hasPrefix("SHA-256 mismatch") })
        #expect(mismatch.message.contains("iamgraph reseal"))
        #expect(mismatch.message.contains("no longer what the API returned"))
    }

    @Test func anEditedSnapshotValidatesAgainAndSaysItWasResealed() throws {
        let (root, snapshot) = try Self.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.editUsers(snapshot)
        let manifest = try Resealer(note: "edited by hand").reseal(snapshot)
        #expect(manifest.resealed == "edited by hand")
        // Valid, with one warning: what the manifest says about the re-seal.
        let problems = try SnapshotReader.load(snapshot).problems
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.path == "$.resealed")
        #expect(problems.first?.message == "edited by hand")
        let written = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: snapshot.appendingPathComponent(Manifest.fileName)))
        #expect(written.resealed == "edited by hand")
        // The volatile area (policy usage) is kept.
        let original = try Self.files(Samples.demo), resealed = try Self.files(snapshot)
        #expect(Set(original.keys).subtracting(["SEEDS.md"]) == Set(resealed.keys).subtracting(["SEEDS.md"]))
        #expect(original["volatile/policy-usage.json"] == resealed["volatile/policy-usage.json"])
        #expect(String(decoding: try #require(resealed["users.json"]), as: UTF8.self).contains("edited@example.com"))
    }

    @Test func resealingAnUneditedSnapshotChangesNothing() throws {
        let (root, snapshot) = try Self.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Resealer().reseal(snapshot)
        #expect(try Self.files(snapshot) == Self.files(Samples.demo))
    }

    @Test func aFileThatIsNotJSONLeavesTheSnapshotAsItWas() throws {
        let (root, snapshot) = try Self.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("[{\"id\": ".utf8).write(to: snapshot.appendingPathComponent(CollectionKind.users.fileName))
        let before = try Self.files(snapshot)
        #expect(throws: Resealer.Failure.self) { try Resealer().reseal(snapshot) }
        #expect(try Self.files(snapshot) == before)
    }

    /// A planted link must not make the re-seal copy a file from elsewhere into the snapshot.
    @Test func aLinkLeadingOutsideTheSnapshotIsNotRead() throws {
        let (root, snapshot) = try Self.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside.json")
        try Data("[{\"iam_id\": \"IBMid-OUTSIDE\"}]".utf8).write(to: outside)
        let users = snapshot.appendingPathComponent(CollectionKind.users.fileName)
        try FileManager.default.removeItem(at: users)
        try FileManager.default.createSymbolicLink(at: users, withDestinationURL: outside)
        #expect(throws: Resealer.Failure.self) { try Resealer().reseal(snapshot) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: users.path) == outside.path)
    }
}

/// `iamgraph reseal`, as a user runs it.
@Suite struct ResealCommandTests {
    @Test func resealThenValidate() async throws {
        let (root, snapshot) = try ResealerTests.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try ResealerTests.editUsers(snapshot)
        let invalid = try await ProcessRunner.iamgraph(["validate", snapshot.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("iamgraph reseal"))

        let resealed = try await ProcessRunner.iamgraph(["reseal", snapshot.path])
        #expect(resealed.status == 0)
        #expect(resealed.stderr.contains("not what the API returned"))
        let valid = try await ProcessRunner.iamgraph(["validate", snapshot.path])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("re-sealed by hand"))
        #expect(valid.stderr.contains("valid (1 warning(s))"))
        let manifest = try String(contentsOf: snapshot.appendingPathComponent(Manifest.fileName), encoding: .utf8)
        #expect(manifest.contains("\"resealed\" : \"re-sealed by hand"))
    }

    @Test func exitCodes() async throws {
        let (root, snapshot) = try ResealerTests.demoCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try await ProcessRunner.iamgraph(["reseal", root.appendingPathComponent("missing").path]).status == 3)
        try Data("not json".utf8).write(to: snapshot.appendingPathComponent(CollectionKind.users.fileName))
        let broken = try await ProcessRunner.iamgraph(["reseal", snapshot.path])
        #expect(broken.status == 4)
        #expect(broken.stderr.contains("users.json is missing or not valid JSON"))
    }
}
