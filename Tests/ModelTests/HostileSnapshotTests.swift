import Foundation
import Testing
@testable import Model
@testable import Snapshot

/// A snapshot is hostile input: its manifest may name files outside it, carry an account id that is no id, or hold
/// values that would trap a careless decoder.
@Suite struct HostileSnapshotTests {
    /// Writes `text` to a file beside the fixture's directory (outside the snapshot); returns its name and bytes.
    func outsideFile(_ fixture: FixtureSnapshot, _ text: String) throws -> (name: String, data: Data) {
        let name = "outside-\(UUID().uuidString).json"
        let data = Data(text.utf8)
        try data.write(to: fixture.directory.deletingLastPathComponent().appendingPathComponent(name))
        return (name, data)
    }

    @Test func manifestAccountIDOfAnotherShapeIsAnError() throws {
        for hostile in ["../../x", "a b", "0123456789ABCDEF0123456789ABCDEF", ""] {
            let fixture = try FixtureSnapshot()
            defer { fixture.remove() }
            try fixture.editManifest { $0["account_id"] = hostile }
            let problems = try AccountLoader.load(directory: fixture.directory).problems
            let problem = try #require(problems.first { $0.path == "$.account_id" })
            #expect(problem.severity == .error)
            #expect(problem.file == "manifest.json")
            #expect(problem.message.hasSuffix("is not an IBM Cloud account id: expected 32 lowercase hexadecimal characters"))
        }
    }

    @Test func accountIDShape() {
        #expect(AccountID.isValid("0123456789abcdef0123456789abcdef"))
        #expect(!AccountID.isValid("0123456789abcdef0123456789abcde"))
        #expect(!AccountID.isValid("0123456789abcdef0123456789abcdeg"))
        #expect(AccountID.problem("a\u{1B}[31m\nb") == "\"a?[31m?b\" is not an IBM Cloud account id: expected 32 lowercase hexadecimal characters")
    }

    /// `volatile.policy_usage.file` naming a file outside the snapshot (relative with `..`, or absolute): the file is
    /// neither read nor hashed, and the manifest entry is an error.
    @Test func volatileFileOutsideTheSnapshotIsNotRead() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        let secret = try outsideFile(fixture, #"{"p1": {"last_permit_at": "secret"}}"#)
        defer { try? FileManager.default.removeItem(at: fixture.directory.deletingLastPathComponent().appendingPathComponent(secret.name)) }
        for file in ["../" + secret.name, fixture.directory.deletingLastPathComponent().path + "/" + secret.name, "/etc/hostname"] {
            try fixture.editManifest { manifest in
                manifest["volatile"] = ["policy_usage": ["file": file, "items": 1, "sha256": String(repeating: "0", count: 64)]]
            }
            let loaded = try SnapshotReader.load(fixture.directory)
            #expect(loaded.policyUsage != secret.data)
            let entry = try #require(loaded.problems.first { $0.path == "$.volatile.policy_usage.file" })
            #expect(entry.severity == .error)
            #expect(entry.message == "expected \"volatile/policy-usage.json\", found \"\(file)\"")
            for hash in [SHA256Digest.hex(of: secret.data)] + ((try? Data(contentsOf: URL(fileURLWithPath: "/etc/hostname"))).map { [SHA256Digest.hex(of: $0)] } ?? []) {
                #expect(!loaded.problems.contains { $0.message.contains(hash) })
            }
        }
    }

    @Test func unknownVolatileEntriesAreIgnored() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        try fixture.editManifest { manifest in
            manifest["volatile"] = ["secrets": ["file": "/etc/hostname", "items": 1, "sha256": String(repeating: "0", count: 64)]]
        }
        let problems = try SnapshotReader.load(fixture.directory).problems
        #expect(problems.filter { $0.path.hasPrefix("$.volatile") }
            == [ValidationProblem(.warning, file: "manifest.json", path: "$.volatile.secrets", "unknown volatile entry \"secrets\" (ignored)")])
    }

    /// A collection file that is a symbolic link to a file outside the snapshot is not read, even with a matching
    /// checksum; the collection is unknown.
    @Test func symbolicLinkLeavingTheSnapshotIsNotRead() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        let outside = try outsideFile(fixture, #"[{"iam_id": "IBMid-outside", "email": "outside@example.com"}]"#)
        let target = fixture.directory.deletingLastPathComponent().appendingPathComponent(outside.name)
        defer { try? FileManager.default.removeItem(at: target) }
        try FileManager.default.removeItem(at: fixture.url("users.json"))
        try FileManager.default.createSymbolicLink(at: fixture.url("users.json"), withDestinationURL: target)
        try fixture.editManifest { manifest in
            var collections = manifest["collections"] as? [String: Any] ?? [:]
            var users = collections["users"] as? [String: Any] ?? [:]
            users["sha256"] = SHA256Digest.hex(of: outside.data)
            collections["users"] = users
            manifest["collections"] = collections
        }
        let (account, problems) = try AccountLoader.load(directory: fixture.directory)
        #expect(!account.isKnown(.users))
        #expect(account.users.isEmpty)
        let problem = try #require(problems.first { $0.file == "users.json" })
        #expect(problem.severity == .error)
        #expect(problem.message.hasPrefix("a symbolic link leads outside the snapshot directory"))
    }

    @Test func symbolicLinkInsideTheSnapshotIsRead() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        try FileManager.default.moveItem(at: fixture.url("users.json"), to: fixture.url("users-real.json"))
        try FileManager.default.createSymbolicLink(atPath: fixture.url("users.json").path, withDestinationPath: "users-real.json")
        let (account, _) = try AccountLoader.load(directory: fixture.directory)
        #expect(account.users.map(\.iamID) == ["IBMid-1"])
    }

    /// A snapshot directory reached through a symbolic link (as `fetch` keeps one) reads as the directory itself.
    @Test func snapshotThroughASymbolicLinkIsRead() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        let link = fixture.directory.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.directory)
        defer { try? FileManager.default.removeItem(at: link) }
        let (account, problems) = try AccountLoader.load(directory: link)
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        #expect(account.users.map(\.iamID) == ["IBMid-1"])
    }

    /// A number too large for an `Int` in a policy attribute: kept as text, never a trap.
    @Test func hugeNumberInAPolicyAttributeDoesNotTrap() throws {
        var policy = FixtureSnapshot.policy
        policy["resource"] = ["attributes": [["key": "accountId", "operator": "stringEquals", "value": FixtureSnapshot.accountID],
                                             ["key": "resourceGroupId", "operator": "stringEquals", "value": 1e300]]]
        let fixture = try FixtureSnapshot(policies: [policy])
        defer { fixture.remove() }
        let (account, _) = try AccountLoader.load(directory: fixture.directory)
        #expect(account.accessPolicies.count == 1)
    }
}

extension HostileSnapshotTests {
    @Test func manifestLinkedFromOutsideMakesTheSnapshotUnreadable() throws {
        let fixture = try FixtureSnapshot()
        defer { fixture.remove() }
        let outside = try outsideFile(fixture, String(decoding: try Data(contentsOf: fixture.url("manifest.json")), as: UTF8.self))
        let target = fixture.directory.deletingLastPathComponent().appendingPathComponent(outside.name)
        defer { try? FileManager.default.removeItem(at: target) }
        try FileManager.default.removeItem(at: fixture.url("manifest.json"))
        try FileManager.default.createSymbolicLink(at: fixture.url("manifest.json"), withDestinationURL: target)
        let error = #expect(throws: SnapshotReader.Unreadable.self) { try AccountLoader.load(directory: fixture.directory) }
        #expect(error?.problem.message.hasPrefix("a symbolic link leads outside the snapshot directory") == true)
    }
}
