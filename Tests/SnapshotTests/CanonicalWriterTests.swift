import Foundation
import Testing
import TestSupport
@testable import Snapshot

@Suite struct CanonicalWriterTests {
    static var groups: [Any] {
        [
        ["id": "AccessGroupId-b", "name": "Ops \"quoted\" </script>", "extra_unknown_field": ["nested": [3, 1.5, true]]],
        ["id": "AccessGroupId-a", "name": "Admins", "created_at": "2019-01-01T01:01:00Z"],
    ]
    }
    static var policies: [Any] {
        [
        ["id": "p2", "type": "access", "last_permit_at": "2021-04-20T19:45:44.058Z", "last_permit_frequency": 137],
        ["id": "p1", "type": "access"],
    ]
    }

    func writer(reversed: Bool) throws -> SnapshotWriter {
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: "0123456789abcdef0123456789abcdef", fetchedAt: "2026-11-21T00:00:00Z", scope: .account)
        let source = SnapshotWriter.Source(api: "iam-access-groups", endpoint: "/v2/groups", query: "limit=100", pages: 1)
        try writer.add(.accessGroups, content: reversed ? Self.groups.reversed() : Self.groups, source: source)
        try writer.add(.accessPolicies, content: reversed ? Self.policies.reversed() : Self.policies, source: source)
        try writer.add(.accessGroupMembers, content: ["AccessGroupId-a": [["iam_id": "z"], ["iam_id": "a"]]], source: source)
        return writer
    }

    @Test func sameDataInAnyOrderGivesIdenticalBytes() throws {
        let one = try writer(reversed: false).renderedFiles()
        let two = try writer(reversed: true).renderedFiles()
        #expect(one == two)
        #expect(Set(one.keys) == ["manifest.json", "access-groups.json", "policies-access.json",
                                  "access-group-members.json", "volatile/policy-usage.json"])
    }

    @Test func filesAreSortedIndentedAndEndWithNewline() throws {
        let text = String(decoding: try writer(reversed: true).renderedFiles()["access-groups.json"]!, as: UTF8.self)
        #expect(text.hasSuffix("}\n]\n"))
        #expect(text.hasPrefix("[\n  {\n"))
        let a = try #require(text.range(of: "AccessGroupId-a"))
        let b = try #require(text.range(of: "AccessGroupId-b"))
        #expect(a.lowerBound < b.lowerBound)
        // Sorted keys inside an item, unknown fields kept, slashes unescaped.
        #expect(text.contains("\"extra_unknown_field\""))
        #expect(text.contains("</script>"))
    }

    @Test func policyUsageMovesToTheVolatileAreaLosslessly() throws {
        let files = try writer(reversed: false).renderedFiles()
        let policies = try #require(try CanonicalJSON.parse(files["policies-access.json"]!) as? [[String: Any]])
        #expect(policies.allSatisfy { $0["last_permit_at"] == nil && $0["last_permit_frequency"] == nil })
        let usage = try #require(try CanonicalJSON.parse(files["volatile/policy-usage.json"]!) as? [String: [String: Any]])
        #expect(usage.keys.sorted() == ["p2"])
        #expect(usage["p2"]?["last_permit_at"] as? String == "2021-04-20T19:45:44.058Z")
        #expect((usage["p2"]?["last_permit_frequency"] as? NSNumber)?.intValue == 137)
    }

    @Test func writtenSnapshotReadsBackWithMatchingChecksums() throws {
        let directory = TemporaryDirectory.path("iamgraph")
        defer { try? FileManager.default.removeItem(at: directory) }
        try writer(reversed: false).write(to: directory)
        let loaded = try SnapshotReader.load(directory)
        #expect(loaded.problems.filter { $0.severity == .error }.isEmpty)
        #expect(loaded.files[.accessGroups] != nil)
        #expect(loaded.unknown[.users] == .notInManifest)
        #expect(loaded.manifest.collections["access_groups"]?.items == 2)
        #expect(loaded.manifest.volatile["policy_usage"]?.items == 1)
    }

    @Test func rewritingKeepsForeignFilesAndReplacesTheRest() throws {
        let directory = TemporaryDirectory.path("iamgraph")
        defer { try? FileManager.default.removeItem(at: directory) }
        try writer(reversed: false).write(to: directory)
        try Data("notes\n".utf8).write(to: directory.appendingPathComponent("README.md"))
        try writer(reversed: true).write(to: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(directory.lastPathComponent)") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceADirectoryThatIsNotASnapshot() throws {
        let directory = TemporaryDirectory.path("iamgraph")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: directory.appendingPathComponent("thesis.tex"))
        #expect(throws: SnapshotWriteError.self) { try writer(reversed: false).write(to: directory) }
        #expect(FileManager.default.contents(atPath: directory.appendingPathComponent("thesis.tex").path) == Data("precious\n".utf8))
    }

    @Test func wrongShapeIsRefused() throws {
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: "0123456789abcdef0123456789abcdef", fetchedAt: "t", scope: .account)
        let source = SnapshotWriter.Source(api: "x", endpoint: "/x", query: "", pages: 1)
        #expect(throws: SnapshotWriteError.self) { try writer.add(.users, content: ["not": "a list"], source: source) }
    }

    @Test func sha256MatchesAKnownVector() {
        #expect(SHA256Digest.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
