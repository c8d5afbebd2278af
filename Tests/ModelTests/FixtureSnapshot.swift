import Foundation
@testable import Snapshot
import TestSupport

/// A small valid snapshot written to a temporary directory, for tests that then break it in one way.
struct FixtureSnapshot {
    let directory: URL

    static let accountID = "0123456789abcdef0123456789abcdef"

    static var group: [String: Any] {
        ["id": "AccessGroupId-ops", "name": "Ops", "account_id": accountID]
    }
    static var member: [String: Any] {
        ["iam_id": "IBMid-1", "type": "user", "membership_type": "static"]
    }
    static var user: [String: Any] {
        ["iam_id": "IBMid-1", "user_id": "ann@example.com", "email": "ann@example.com"]
    }
    static var policy: [String: Any] {
        [
        "id": "p1", "type": "access",
        "subject": ["attributes": [["key": "access_group_id", "operator": "stringEquals", "value": "AccessGroupId-ops"]]],
        "control": ["grant": ["roles": [["role_id": "crn:v1:bluemix:public:iam::::role:Viewer"]]]],
        "resource": ["attributes": [["key": "accountId", "operator": "stringEquals", "value": accountID]]],
    ]
    }

    init(groups: [Any] = [Self.group], members: [String: Any] = ["AccessGroupId-ops": [Self.member]],
         users: [Any] = [Self.user], policies: [Any] = [Self.policy]) throws {
        directory = TemporaryDirectory.path("iamgraph-fixture")
        var writer = SnapshotWriter(toolVersion: "0.1.0", accountID: Self.accountID, fetchedAt: "2026-11-21T00:00:00Z", scope: .account)
        let source = SnapshotWriter.Source(api: "test", endpoint: "/test", query: "", pages: 1)
        try writer.add(.accessGroups, content: groups, source: source)
        try writer.add(.accessGroupMembers, content: members, source: source)
        try writer.add(.users, content: users, source: source)
        try writer.add(.accessPolicies, content: policies, source: source)
        try writer.write(to: directory)
    }

    func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    /// Replaces a file's bytes; with `updatingChecksum`, also its SHA-256 in the manifest, so that only the content
    /// is wrong. (Not a re-seal: the content may be deliberately broken, which `Resealer` would refuse to parse.)
    func replace(_ file: String, with text: String, updatingChecksum: Bool = true) throws {
        let data = Data(text.utf8)
        try data.write(to: url(file))
        guard updatingChecksum else { return }
        try editManifest { manifest in
            var collections = manifest["collections"] as! [String: Any]
            for (name, value) in collections {
                var entry = value as! [String: Any]
                if entry["file"] as? String == file {
                    entry["sha256"] = SHA256Digest.hex(of: data)
                    collections[name] = entry
                }
            }
            manifest["collections"] = collections
        }
    }

    func editManifest(_ edit: (inout [String: Any]) -> Void) throws {
        var manifest = try CanonicalJSON.parse(Data(contentsOf: url("manifest.json"))) as! [String: Any]
        edit(&manifest)
        try CanonicalJSON.data(manifest).write(to: url("manifest.json"))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
