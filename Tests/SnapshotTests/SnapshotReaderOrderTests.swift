import Foundation
@testable import Snapshot
import Testing
import TestSupport

/// The reader reads and checks the files side by side, but reports their problems in the order one file after
/// another gives: the manifest's own problems about a collection, then that file's, collection by collection, then
/// the volatile area's, key by key.
@Suite struct SnapshotReaderOrderTests {
    /// A copy of the demo with a problem in many places: checksums that do not match, files missing, a checksum
    /// missing, a collection not fetched, a wrong file name, an unknown volatile entry, a volatile file missing.
    private func damagedDemo() throws -> URL {
        let directory = TemporaryDirectory.path("iamgraph-reader-order")
        try FileManager.default.copyItem(at: Samples.demo, to: directory)
        let manifestURL = directory.appendingPathComponent("manifest.json")
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        var collections = try #require(manifest["collections"] as? [String: [String: Any]])
        var volatile = try #require(manifest["volatile"] as? [String: [String: Any]])
        for kind in [CollectionKind.users, .accessPolicies, .resourceInstances] {
            try Data("[]\n".utf8).write(to: directory.appendingPathComponent(kind.fileName))
        }
        for kind in [CollectionKind.serviceIDs, .roles] {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(kind.fileName))
        }
        collections[CollectionKind.apiKeys.name]?["sha256"] = nil
        collections[CollectionKind.accessGroups.name]?["status"] = "failed"
        collections[CollectionKind.trustedProfiles.name]?["file"] = "elsewhere.json"
        volatile["unknown_entry"] = ["file": "volatile/unknown.json", "items": 1, "sha256": String(repeating: "0", count: 64)]
        try FileManager.default.removeItem(at: directory.appendingPathComponent("volatile/mfa.json"))
        manifest["collections"] = collections
        manifest["volatile"] = volatile
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: manifestURL)
        return directory
    }

    @Test func problemsComeInFileOrder() throws {
        let directory = try damagedDemo()
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = try SnapshotReader.load(directory).problems
        let described = problems.map { "\($0.file) \($0.path) \($0.message)" }
        // Each problem's place: the position of the collection (then of the volatile key) it is about.
        let places = CollectionKind.allCases.map { ($0.fileName, "$.collections.\($0.name)") }
            + ["mfa", "policy_usage", "unknown_entry"].map { ("volatile/", "$.volatile.\($0)") }
        let positions = try problems.map { problem in
            try #require(places.firstIndex { file, path in
                problem.path.hasPrefix(path) || (problem.file == file && problem.file != "manifest.json")
                    || problem.message.contains(path)
            }, "\(problem)")
        }
        #expect(positions == positions.sorted(), "\(described)")
        #expect(problems.count >= 9, "\(described)")
        for expected in ["users.json", "policies-access.json", "resource-instances.json", "service-ids.json", "roles.json"] {
            #expect(problems.contains { $0.file == expected }, "\(expected): \(described)")
        }
        // The same problems, in the same order, however the threads took the files.
        for _ in 0..<20 {
            #expect(try SnapshotReader.load(directory).problems.map { "\($0.file) \($0.path) \($0.message)" } == described)
        }
        let read = try SnapshotReader.load(directory)
        #expect(read.unknown[.serviceIDs] == .unreadable && read.unknown[.roles] == .unreadable)
        #expect(read.unknown[.accessGroups] != nil && read.unknown[.users] == nil)
        #expect(read.policyUsage != nil && read.mfa == nil)
    }
}
